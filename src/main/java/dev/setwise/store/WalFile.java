package dev.setwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a {@code -wal} file holds, read with the WAL format of sqlite.org/fileformat.html §4 and
 * without SQLite: SQLite itself would trust any WAL whose checksums are right and copy its pages
 * into whatever database sits beside it. A frame counts only when its salts match the header's
 * and the running checksum holds up to it; committed frames are those up to the last commit frame.
 *
 * @param headerValid whether the header has the WAL magic, version and a right checksum (SQLite
 *     ignores a WAL without one: it then holds nothing that could be applied)
 * @param pageSize the page size the WAL was written with
 * @param committedFrames frames that SQLite would apply (0: nothing to apply)
 * @param lastCommitPages the database size (in pages) its last commit left
 * @param page1ChangeCounter the file change counter of the newest committed copy of page 1, or -1
 */
record WalFile(boolean headerValid, int pageSize, int committedFrames, long lastCommitPages,
    long page1ChangeCounter) {

  private static final int HEADER = 32;
  private static final int FRAME_HEADER = 24;
  private static final int MAGIC_LITTLE = 0x377f0682;
  private static final int MAGIC_BIG = 0x377f0683;
  private static final int VERSION = 3_007_000;

  static final WalFile EMPTY = new WalFile(false, 0, 0, 0, -1);

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
      long page1Counter = -1;
      long pendingPage1Counter = -1;
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
        long page = Integer.toUnsignedLong(f.getInt(0));
        if (page == 1) {
          pendingPage1Counter = Integer.toUnsignedLong(f.getInt(FRAME_HEADER + 24));
        }
        long commitPages = Integer.toUnsignedLong(f.getInt(4));
        if (commitPages != 0) {
          committed = frames;
          lastCommit = commitPages;
          if (pendingPage1Counter >= 0) {
            page1Counter = pendingPage1Counter;
          }
        }
      }
      return new WalFile(true, pageSize, committed, lastCommit, page1Counter);
    }
  }

  /** SQLite's WAL checksum over {@code length} bytes (a multiple of 8) from {@code offset}, carried on from {@code start}. */
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

  /** True when SQLite would copy something from this WAL into the database. */
  boolean hasCommits() {
    return headerValid && committedFrames > 0;
  }

  /**
   * Why this WAL cannot belong to a database with {@code header}, or null when nothing proves it.
   * A Setwise database never shrinks (no auto-vacuum, no {@code VACUUM} of the live file) and its
   * WAL's newest commit is at least as new as anything a checkpoint copied into the file: it leaves
   * at least as many pages as the file's header counts, and its page 1 is no older than the file's.
   */
  String mismatchWith(DatabaseHeader header) {
    if (!hasCommits() || header == null) {
      return null;
    }
    if (pageSize != header.pageSize()) {
      return "its pages are " + pageSize + " bytes, the database's " + header.pageSize();
    }
    if (header.headerPages() > 0 && lastCommitPages < header.headerPages()) {
      return "it describes a database of " + lastCommitPages + " pages; this one has " + header.headerPages();
    }
    if (page1ChangeCounter >= 0 && page1ChangeCounter < header.changeCounter()) {
      return "it is older than the database";
    }
    return null;
  }
}
