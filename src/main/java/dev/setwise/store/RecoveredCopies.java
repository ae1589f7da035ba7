package dev.setwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of a database and its leftover {@code -wal}/{@code -shm}, made in the data folder's
 * {@code recovered/} before Setwise lets SQLite apply a WAL that no running Setwise owns (after a
 * crash or a kill), so that nothing can be lost whatever the WAL turns out to be. A copy whose WAL
 * was then applied and opened cleanly is marked {@code -applied}; of those only the newest
 * {@value #KEEP_APPLIED} are kept. Any other copy (a WAL refused, a damaged database) is kept until
 * the user removes it.
 */
final class RecoveredCopies {

  static final String FOLDER = "recovered";
  static final int KEEP_APPLIED = 3;
  private static final String APPLIED = "-applied";
  private static final Logger LOG = LoggerFactory.getLogger(RecoveredCopies.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss")
      .withZone(ZoneOffset.UTC);

  private RecoveredCopies() {}

  /**
   * Copies {@code database} and whichever of its {@code -wal} and {@code -shm} exist into a new
   * folder {@code recovered/setwise-STAMP/} beside it, each flushed to disk.
   *
   * @return the new folder
   * @throws IOException when a copy fails (what was copied is removed again)
   */
  static Path copy(Path database, Instant now) throws IOException {
    Path root = database.toAbsolutePath().getParent().resolve(FOLDER);
    Files.createDirectories(root);
    String stem = "setwise-" + STAMP.format(now);
    Path target = root.resolve(stem);
    for (int n = 2; Files.exists(target) || Files.exists(root.resolve(target.getFileName() + APPLIED)); n++) {
      target = root.resolve(stem + "-" + n);
    }
    Files.createDirectory(target);
    try {
      for (String suffix : List.of("", "-wal", "-shm")) {
        Path source = database.resolveSibling(database.getFileName() + suffix);
        if (Files.exists(source)) {
          Path copy = target.resolve(source.getFileName());
          Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
          try (FileChannel channel = FileChannel.open(copy, StandardOpenOption.WRITE)) {
            channel.force(true);
          }
        }
      }
      LOG.info("Copied {} and its leftover WAL to {} before opening it", database.getFileName(), target);
      return target;
    } catch (IOException e) {
      removeQuietly(target);
      throw e;
    }
  }

  /** Marks {@code copy} as one whose WAL was applied cleanly, then keeps only the newest of those. */
  static void applied(Path copy) {
    try {
      Files.move(copy, copy.resolveSibling(copy.getFileName() + APPLIED));
      List<Path> applied = new ArrayList<>();
      try (DirectoryStream<Path> folders = Files.newDirectoryStream(copy.getParent(), "setwise-*" + APPLIED)) {
        folders.forEach(applied::add);
      }
      applied.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
      for (Path old : applied.subList(Math.min(KEEP_APPLIED, applied.size()), applied.size())) {
        removeQuietly(old);
      }
    } catch (IOException e) {
      LOG.warn("Could not tidy the copies in {}", copy.getParent(), e);
    }
  }

  private static void removeQuietly(Path folder) {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      LOG.warn("Could not remove {}", folder, e);
    }
  }
}
