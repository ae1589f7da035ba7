package dev.setwise.store;

import dev.setwise.domain.StorageException;
import dev.setwise.domain.StorageException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices that the database file an open {@link Database} works on was replaced or removed behind
 * its back (a restore by hand, a sync tool, a {@code mv}): SQLite keeps reading and writing the
 * file it opened, which is then no longer the one at the path, so writes would be acknowledged
 * into a file set aside. One {@code stat} of the path per check, compared with the file key
 * (device and inode) seen at open; once it differs, every later check fails too.
 */
final class FileIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(FileIdentity.class);
  /** The key of a file that is not there. */
  private static final Object MISSING = new Object();
  /** The key when the file system cannot say (a flaky network drive): taken as unchanged. */
  private static final Object UNKNOWN = new Object();

  private final Path file;
  private final Object key;
  private volatile String lost;
  /** How many times the path was looked at ({@code stat}), for the tests that count them. */
  private final java.util.concurrent.atomic.LongAdder looks = new java.util.concurrent.atomic.LongAdder();

  private FileIdentity(Path file, Object key) {
    this.file = file;
    this.key = key;
  }

  /** The identity of {@code file} now (it must exist). */
  static FileIdentity of(Path file) {
    Object key = keyOf(file);
    return new FileIdentity(file, key == MISSING || key == UNKNOWN ? null : key);
  }

  /**
   * Throws when the file at the path is no longer the one opened.
   *
   * @throws StorageException {@link Reason#REPLACED}, naming the file and what happened
   */
  void check() {
    String problem = problem();
    if (problem != null) {
      throw new StorageException(Reason.REPLACED, problem);
    }
  }

  /**
   * Throws when a check already found the file replaced or removed; looks at nothing (no {@code
   * stat}). For a unit that joins a write transaction whose begin checked the file: the check
   * after its commit covers the rest ({@link GroupCommit}).
   *
   * @throws StorageException {@link Reason#REPLACED}
   */
  void checkKnown() {
    String problem = lost;
    if (problem != null) {
      throw new StorageException(Reason.REPLACED, problem);
    }
  }

  long looks() {
    return looks.sum();
  }

  /** What happened to the file, or null while it is the one opened. */
  String problem() {
    if (lost != null || key == null) {
      return lost;
    }
    looks.increment();
    Object now = keyOf(file);
    if (now == UNKNOWN || Objects.equals(key, now)) {
      return null;
    }
    String what = now == MISSING ? "was removed" : "was replaced by another file";
    lost = file.getFileName() + " in " + file.toAbsolutePath().getParent() + " " + what
        + " while Setwise had it open; Setwise stops using it: start Setwise again to open the file that is there now";
    LOG.error("{} (opened as {}, now {}); refusing every further read and write", lost, key,
        now == MISSING ? "missing" : now);
    return lost;
  }

  private static Object keyOf(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
          LinkOption.NOFOLLOW_LINKS);
      // Where the platform has no file key (Windows), the creation time tells a new file apart.
      return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
    } catch (NoSuchFileException e) {
      return MISSING;
    } catch (IOException | SecurityException e) {
      return UNKNOWN;
    }
  }
}
