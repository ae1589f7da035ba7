package dev.setwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@code -wal} file holds, read with the WAL format of sqlite.org/fileformat.html §4 and
 * without SQLite: SQLite itself would trust any WAL whose salts and checksums hold up and copy its
 * pages into whatever database sits beside it. A frame counts only when its salts match the
 * header's and the running checksum holds up to it; the committed prefix ends at the last commit
 * frame. Of page 1 (the database header) every copy in that prefix is kept as its file change
 * counter and its {@code user_version} (Setwise's database id).
 *
 * @param headerValid whether the header has the WAL magic, version and a right checksum (SQLite
 *     ignores a WAL without one: it then holds nothing that could be applied)
 * @param pageSize the page size the WAL was written with
 * @param committedFrames frames that SQLite would apply (0: nothing to apply)
 * @param lastCommitPages the database size (in pages) its last commit left
 * @param page1 the copies of page 1 in the committed prefix, oldest first
 */
record WalFile(boolean headerValid, int pageSize, int committedFrames, long lastCommitPages, List<Page1> page1) {

  /** One copy of page 1 in the WAL: its change counter and the database id Setwise keeps in it. */
  record Page1(long changeCounter, int databaseId) {}

  private static final int HEADER = 32;
  private static final int FRAME_HEADER = 24;
  private static final int MAGIC_LITTLE = 0x377f0682;
  private static final int MAGIC_BIG = 0x377f0683;
  private static final int VERSION = 3_007_000;

  static final WalFile EMPTY = new WalFile(false, 0, 0, 0, List.of());

  /** Reads {@code wal} to its end (or its first frame that does not hold up). */
  static WalFile read(Path wal) throws IOException {
    try (InputStream in = Files.newInputStream(wal)) {
      byte[] header = in.readNBytes(HEADER);
      if (header.length < HEADER) {
        return EMPTY;
      }
      ByteBuffer h = ByteBuffer.wrap(header);
      int magic = h.getInt(0);
      if ((magic != MAGIC_LITTLE && magic != MAGIC_BIG) || h.getInt(4) != VERSION) {
        return EMPTY;
      }
      ByteOrder order = magic == MAGIC_BIG ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      int pageSize = h.getInt(8);
      int[] sum = checksum(header, 0, 24, order, new int[] {0, 0});
      if (sum[0] != h.getInt(24) || sum[1] != h.getInt(28) || pageSize < 512 || pageSize > 65_536
          || Integer.bitCount(pageSize) != 1) {
        return EMPTY;
      }
      int salt1 = h.getInt(16);
      int salt2 = h.getInt(20);
      int frames = 0;
      int committed = 0;
      long lastCommit = 0;
      List<Page1> page1 = new ArrayList<>();
      List<Page1> pending = new ArrayList<>();
      byte[] frame = new byte[FRAME_HEADER + pageSize];
      while (in.readNBytes(frame, 0, frame.length) == frame.length) {
        ByteBuffer f = ByteBuffer.wrap(frame);
        if (f.getInt(8) != salt1 || f.getInt(12) != salt2) {
          break;
        }
        sum = checksum(frame, 0, 8, order, sum);
        sum = checksum(frame, FRAME_HEADER, pageSize, order, sum);
        if (sum[0] != f.getInt(16) || sum[1] != f.getInt(20)) {
          break;
        }
        frames++;
        if (f.getInt(0) == 1) {
          pending.add(new Page1(Integer.toUnsignedLong(f.getInt(FRAME_HEADER + 24)), f.getInt(FRAME_HEADER + 60)));
        }
        long commitPages = Integer.toUnsignedLong(f.getInt(4));
        if (commitPages != 0) {
          committed = frames;
          lastCommit = commitPages;
          page1.addAll(pending);
          pending.clear();
        }
      }
      return new WalFile(true, pageSize, committed, lastCommit, List.copyOf(page1));
    }
  }

  /** True when SQLite would copy something from this WAL into the database. */
  boolean hasCommits() {
    return headerValid && committedFrames > 0;
  }

  /**
   * Why this WAL cannot belong to the database whose header is {@code header}, or null when
   * nothing proves it. What holds for a WAL that belongs to a database:
   *
   * <ul>
   *   <li>its pages have the database's page size;
   *   <li>a Setwise database never shrinks (no auto-vacuum, no {@code VACUUM} of the live file),
   *       so its newest commit leaves at least as many pages as the file's header counts;
   *   <li>the WAL starts after a checkpoint that left the file equal to the database then, and a
   *       checkpoint only ever copies the WAL's own pages; when SQLite writes page 1 it sets the
   *       change counter to one more than the counter it last read, so counters never go down:
   *       the file's counter is at most the newest copy's in the WAL, and at least one less than
   *       the first copy's;
   *   <li>Setwise keeps a random id of each database in page 1 ({@code user_version}, 0 until
   *       the first write of a Setwise that does) and writes page 1 in every transaction, so each
   *       WAL it leaves has copies of page 1, none with another database's id.
   * </ul>
   *
   * @param live true when another process may be writing the WAL (and checkpointing it into the
   *     file) meanwhile: only what cannot change while it does (page size, ids) is compared
   */
  String mismatchWith(DatabaseHeader header, boolean live) {
    if (!hasCommits() || header == null) {
      return null;
    }
    if (pageSize != header.pageSize()) {
      return "its pages are " + pageSize + " bytes, the database's " + header.pageSize();
    }
    if (!live && header.headerPages() > 0 && lastCommitPages < header.headerPages()) {
      return "it describes a database of " + lastCommitPages + " pages; this one has " + header.headerPages();
    }
    Set<Integer> ids = new HashSet<>();
    for (Page1 copy : page1) {
      if (copy.databaseId() != 0) {
        ids.add(copy.databaseId());
      }
    }
    if (ids.size() > 1 || (header.databaseId() != 0 && !ids.isEmpty() && !ids.contains(header.databaseId()))) {
      return "it was written for another database (id " + hex(ids.iterator().next()) + "; this one's is "
          + hex(header.databaseId()) + ")";
    }
    if (live || page1.isEmpty()) {
      return null;
    }
    long file = header.changeCounter();
    long first = page1.get(0).changeCounter();
    long newest = page1.stream().mapToLong(Page1::changeCounter).max().orElse(first);
    if (file > newest) {
      return "the database has changes newer than any in it";
    }
    if (file < first - 1) {
      return "it continues a newer state of the database than the one in the file";
    }
    return null;
  }

  private static String hex(int id) {
    return Integer.toHexString(id);
  }

  /** SQLite's WAL checksum of {@code length} bytes (a multiple of 8) from {@code offset}, going on from {@code start}. */
  private static int[] checksum(byte[] data, int offset, int length, ByteOrder order, int[] start) {
    ByteBuffer words = ByteBuffer.wrap(data, offset, length).order(order);
    int s1 = start[0];
    int s2 = start[1];
    for (int i = 0; i < length; i += 8) {
      s1 += words.getInt(offset + i) + s2;
      s2 += words.getInt(offset + i + 4) + s1;
    }
    return new int[] {s1, s2};
  }
}
