package dev.setwise.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The first 100 bytes of a SQLite database file (sqlite.org/fileformat.html §1.3), read before any
 * connection opens the file, so that a file that is not a database, or whose header is damaged or
 * which was cut short, is named for what it is instead of being opened (and perhaps rewritten).
 * {@code databaseId} is the {@code user_version}, where Setwise keeps a random id of each database
 * (0 for one no Setwise has written to since it started doing so).
 */
record DatabaseHeader(int pageSize, long headerPages, long changeCounter, int databaseId, boolean walMode) {

  static final int SIZE = 100;
  static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

  /** What is wrong with a file's first bytes. */
  enum Problem {
    NOT_SQLITE, DAMAGED
  }

  /** Why {@link #parse} refused the header ({@code detail} says how it is damaged). */
  static final class Refusal extends Exception {

    private final Problem problem;

    Refusal(Problem problem, String detail) {
      super(detail, null, false, false);
      this.problem = problem;
    }

    Problem problem() {
      return problem;
    }

    String detail() {
      return getMessage();
    }
  }

  /**
   * Reads the header of a file of {@code fileSize} bytes whose first bytes are {@code head}.
   *
   * @throws Refusal saying why the file is not a usable database
   */
  static DatabaseHeader parse(byte[] head, long fileSize) throws Refusal {
    if (head.length < SIZE) {
      throw looksLikeSqlite(head) ? new Refusal(Problem.DAMAGED, "it was cut short at " + fileSize + " bytes")
          : new Refusal(Problem.NOT_SQLITE, null);
    }
    if (!startsWithMagic(head)) {
      throw looksLikeSqlite(head) ? new Refusal(Problem.DAMAGED, "its header is damaged")
          : new Refusal(Problem.NOT_SQLITE, null);
    }
    ByteBuffer b = ByteBuffer.wrap(head);
    int rawPageSize = Short.toUnsignedInt(b.getShort(16));
    int pageSize = rawPageSize == 1 ? 65_536 : rawPageSize;
    int write = head[18];
    int read = head[19];
    boolean fixedFractions = head[21] == 64 && head[22] == 32 && head[23] == 32;
    if (pageSize < 512 || Integer.bitCount(pageSize) != 1 || write < 1 || write > 2 || read < 1 || read > 2
        || !fixedFractions) {
      throw new Refusal(Problem.DAMAGED, "its header is damaged");
    }
    long changeCounter = Integer.toUnsignedLong(b.getInt(24));
    long pages = Integer.toUnsignedLong(b.getInt(28));
    long validFor = Integer.toUnsignedLong(b.getInt(92));
    // The page count in the header is only trusted when it was written with the change counter.
    long headerPages = validFor == changeCounter ? pages : 0;
    if (fileSize % pageSize != 0) {
      throw new Refusal(Problem.DAMAGED, "it was cut short (" + fileSize + " bytes is not a whole number of "
          + pageSize + "-byte pages)");
    }
    if (headerPages > fileSize / pageSize) {
      throw new Refusal(Problem.DAMAGED, "it was cut short: it holds " + fileSize / pageSize + " of its "
          + headerPages + " pages");
    }
    return new DatabaseHeader(pageSize, headerPages, changeCounter, b.getInt(60), write == 2);
  }

  private static boolean startsWithMagic(byte[] head) {
    for (int i = 0; i < MAGIC.length; i++) {
      if (head[i] != MAGIC[i]) {
        return false;
      }
    }
    return true;
  }

  /** True when the first bytes are the magic string but for a few flipped bits (a damaged header). */
  private static boolean looksLikeSqlite(byte[] head) {
    if (head.length == 0) {
      return false;
    }
    int compared = Math.min(head.length, MAGIC.length);
    int differentBits = 0;
    for (int i = 0; i < compared; i++) {
      differentBits += Integer.bitCount((head[i] ^ MAGIC[i]) & 0xff);
    }
    return compared >= 8 && differentBits <= 8;
  }
}
