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
final class WalIndex implements AutoCloseable {

  /** Two copies of the 48-byte index header, then the checkpoint information (nBackfill first). */
  private static final int HEADER = 48;
  private static final int READ = 2 * HEADER + 4;
  private static final int VERSION = 3_007_000;

  private final Path shm;
  /** Read by the writer only (under its lock); opened by its first transaction, then kept. */
  private FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(READ).order(ByteOrder.nativeOrder());
  /** How many times the index file was opened (tests: once, not once per write). */
  private int opened;

  WalIndex(Path database) {
    this.shm = database.resolveSibling(database.getFileName() + "-shm");
  }

  /**
   * True unless the index shows frames the last checkpoint has not copied: read inside a write
   * transaction (the writer's lock held, so no other commit moves the WAL on), a false answer
   * means this transaction appends to the WAL as it is. Call on the thread holding the write lock.
   *
   * <p>The channel is opened by the first transaction, when SQLite's writer has mapped the index,
   * and kept: an open and close per write cost more than the read. It stays on the file SQLite
   * maps (SQLite too keeps its index open, not its path), so an index file removed or replaced
   * at the path afterwards changes nothing of what this reads.
   */
  boolean mayStartAfresh() {
    FileChannel open = channel();
    if (open == null) {
      return true;
    }
    buffer.clear();
    try {
      while (buffer.hasRemaining()) {
        if (open.read(buffer, buffer.position()) < 0) {
          return true;
        }
      }
    } catch (IOException e) {
      close();
      return true;
    }
    for (int i = 0; i < HEADER; i += 8) {
      if (buffer.getLong(i) != buffer.getLong(HEADER + i)) {
        return true; // being written: no answer
      }
    }
    boolean initialised = buffer.get(12) != 0;
    long mxFrame = Integer.toUnsignedLong(buffer.getInt(16));
    long nBackfill = Integer.toUnsignedLong(buffer.getInt(2 * HEADER));
    return buffer.getInt(0) != VERSION || !initialised || mxFrame == 0 || nBackfill >= mxFrame;
  }

  private FileChannel channel() {
    if (channel == null) {
      try {
        channel = FileChannel.open(shm, StandardOpenOption.READ);
        opened++;
      } catch (NoSuchFileException e) {
        return null;
      } catch (IOException | UnsupportedOperationException e) {
        return null;
      }
    }
    return channel;
  }

  int opened() {
    return opened;
  }

  /** Closes the channel (a later call opens it again). Under the write lock. */
  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // only read through it
      }
      channel = null;
    }
  }
}
