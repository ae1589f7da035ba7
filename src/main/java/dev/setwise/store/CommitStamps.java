package dev.setwise.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Tells, without SQLite and without a transaction, whether anything was committed to a WAL
 * database since an earlier look: by any connection, in this process or another. It reads the
 * header of the {@code -shm} WAL index (sqlite.org/walformat.html §2.1), which SQLite rewrites on
 * every commit: each commit appends frames (so {@code mxFrame} and the frame checksums move on) or
 * starts the WAL over with new salts. Equal headers therefore mean no commit in between. One
 * positional read of 96 bytes on a channel kept open; thread-safe.
 *
 * <p>The channel stays on the index file SQLite had when this opened it, as SQLite's own
 * connections keep the index they mapped: what it says is what this process's reads see.
 */
final class CommitStamps implements AutoCloseable {

  /** Two copies of the 48-byte index header: SQLite writes the second, then the first. */
  private static final int HEADER = 48;

  /** The index header at one moment; equal stamps mean no commit in between. */
  record Stamp(long a, long b, long c, long d, long e, long f) {}

  private final Path shm;
  private final Object opening = new Object();
  private volatile FileChannel channel;
  private volatile boolean closed;

  CommitStamps(Path database) {
    this.shm = database.resolveSibling(database.getFileName() + "-shm");
  }

  /**
   * The index header now, or null when it cannot be read for sure (no index yet, a header being
   * written, not initialised, an I/O error): the caller must then read the database.
   */
  Stamp now() {
    FileChannel open = channel();
    if (open == null) {
      return null;
    }
    ByteBuffer buffer = ByteBuffer.allocate(2 * HEADER).order(ByteOrder.LITTLE_ENDIAN);
    try {
      while (buffer.hasRemaining()) {
        if (open.read(buffer, buffer.position()) < 0) {
          return null;
        }
      }
    } catch (IOException e) {
      return null;
    }
    for (int i = 0; i < HEADER; i += 8) {
      if (buffer.getLong(i) != buffer.getLong(HEADER + i)) {
        return null; // being written
      }
    }
    if (buffer.get(12) == 0) {
      return null; // isInit: not initialised
    }
    // The last 8 bytes of the header are a checksum of the rest: the first 40 bytes say it all.
    return new Stamp(buffer.getLong(0), buffer.getLong(8), buffer.getLong(16), buffer.getLong(24),
        buffer.getLong(32), buffer.getLong(40));
  }

  private FileChannel channel() {
    FileChannel open = channel;
    if (open != null || closed) {
      return open;
    }
    synchronized (opening) {
      if (channel == null && !closed) {
        try {
          channel = FileChannel.open(shm, StandardOpenOption.READ);
        } catch (IOException | UnsupportedOperationException e) {
          return null;
        }
      }
      return channel;
    }
  }

  @Override
  public void close() {
    synchronized (opening) {
      closed = true;
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // nothing was written through it
        }
        channel = null;
      }
    }
  }
}
