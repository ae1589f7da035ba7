package dev.setwise.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * What the {@code -shm} file (SQLite's WAL index, sqlite.org/walformat.html §2) says about the WAL
 * right now, read without SQLite: whether the next commit may start the WAL afresh.
 *
 * <p>SQLite starts the WAL over (new salts, frames from the top) only in a write transaction that
 * began when every frame of the WAL had been copied into the database ({@code nBackfill ==
 * mxFrame}, or an empty WAL). Setwise keeps its database id in page 1 and needs a copy of page 1
 * in every WAL it leaves ({@link WalFile}); page 1 is written by the first commit of each WAL, so
 * a commit that cannot start a new WAL need not write it again. Anything this class cannot read
 * for sure (no index yet, a header being written, an unknown version) says "may start afresh".
 */
final class WalIndex {

  /** Two copies of the 48-byte index header, then the checkpoint information (nBackfill first). */
  private static final int HEADER = 48;
  private static final int READ = 2 * HEADER + 4;
  private static final int VERSION = 3_007_000;

  private WalIndex() {}

  /**
   * True unless the index of {@code database} shows frames the last checkpoint has not copied:
   * read inside a write transaction (the writer's lock held, so no other commit moves the WAL on),
   * a false answer means this transaction appends to the WAL as it is.
   */
  static boolean mayStartAfresh(Path database) {
    Path shm = database.resolveSibling(database.getFileName() + "-shm");
    ByteBuffer buffer = ByteBuffer.allocate(READ).order(ByteOrder.nativeOrder());
    try (FileChannel channel = FileChannel.open(shm, StandardOpenOption.READ)) {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, buffer.position()) < 0) {
          return true;
        }
      }
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      return true;
    }
    for (int i = 0; i < HEADER; i++) {
      if (buffer.get(i) != buffer.get(HEADER + i)) {
        return true; // being written: no answer
      }
    }
    boolean initialised = buffer.get(12) != 0;
    long mxFrame = Integer.toUnsignedLong(buffer.getInt(16));
    long nBackfill = Integer.toUnsignedLong(buffer.getInt(2 * HEADER));
    return buffer.getInt(0) != VERSION || !initialised || mxFrame == 0 || nBackfill >= mxFrame;
  }
}
