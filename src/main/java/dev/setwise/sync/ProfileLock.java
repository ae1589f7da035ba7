package dev.setwise.sync;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One sync of a profile at a time, across processes (the app and the command line on one data
 * folder): an OS lock on {@code sync/<profile id>.lock}, released by the OS even when the process
 * is killed, so it never blocks a later sync.
 */
final class ProfileLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private ProfileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws SyncException {@code BUSY} when another sync of the profile runs */
  static ProfileLock acquire(Path file) {
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null;
      }
      if (lock == null) {
        channel.close();
        throw new SyncException(SyncException.Kind.BUSY, "A sync of this profile is already running");
      }
      return new ProfileLock(channel, lock);
    } catch (IOException e) {
      throw new SyncException(SyncException.Kind.BUSY, "Could not lock " + file.getFileName() + " for the sync", e);
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close releases it too
    }
    try {
      channel.close();
    } catch (IOException e) {
      // nothing more to release
    }
  }
}
