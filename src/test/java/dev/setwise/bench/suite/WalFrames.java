package dev.setwise.bench.suite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How many frames a database's WAL holds now ({@code mxFrame} of the {@code -shm} index header,
 * sqlite.org/walformat.html §2.1), read without SQLite; to count the pages each save writes. The
 * difference between two reads is the frames written in between, unless a checkpoint started the
 * WAL over (the count then falls), which {@link #written} leaves out.
 */
final class WalFrames implements AutoCloseable {

  private static final int HEADER = 48;

  private final FileChannel channel;
  private long frames;
  private long counted;
  private long restarts;

  WalFrames(Path database) throws IOException {
    this.channel = FileChannel.open(database.resolveSibling(database.getFileName() + "-shm"),
        StandardOpenOption.READ);
  }

  /** The frames in the WAL now, or -1 while its header is being written. */
  long now() throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(2 * HEADER).order(ByteOrder.nativeOrder());
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, buffer.position()) < 0) {
        return -1;
      }
    }
    for (int i = 0; i < HEADER; i++) {
      if (buffer.get(i) != buffer.get(HEADER + i)) {
        return -1;
      }
    }
    return Integer.toUnsignedLong(buffer.getInt(16));
  }

  /** Marks the start of one write. */
  void before() throws IOException {
    frames = now();
  }

  /** Adds the frames written since {@link #before} (nothing when the WAL started over). */
  void after() throws IOException {
    long now = now();
    if (frames >= 0 && now >= frames) {
      counted += now - frames;
    } else {
      restarts++;
    }
  }

  /** Frames per write counted, over {@code writes} writes (those across a restart left out). */
  double perWrite(int writes) {
    long seen = writes - restarts;
    return seen <= 0 ? Double.NaN : (double) counted / seen;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
