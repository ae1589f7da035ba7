package dev.setwise.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A native library from a jar kept in a cache folder of the user's, so that a start loads it from
 * there instead of extracting it again (docs/decisions/0063). The cached copy is trusted only
 * while its size and CRC-32 are those the jar's own directory records for the entry; anything else
 * (no copy, a different or damaged one, another version's) is replaced by a fresh copy, written
 * beside it and moved into place, so no process ever loads a half-written file. Any problem
 * answers empty, and the caller loads the library as it would without a cache.
 *
 * <p>One folder per platform ({@code os.name}-{@code os.arch}), so a home folder shared between
 * machines keeps one copy for each; in it the library under its own name and the name of the
 * jar entry it came from (the platform's entry, which finding costs a child process the first
 * time).
 */
final class NativeLibraryCache {

  private static final String ENTRY_RECORD = "entry";

  private final Path folder;

  /** The cache for this platform in {@code root}. */
  NativeLibraryCache(Path root, String osName, String osArch) {
    this.folder = root.resolve(safe(osName + "-" + osArch));
  }

  /** The folder this platform's copy is kept in. */
  Path folder() {
    return folder;
  }

  /** The jar entry recorded by an earlier start, if any. */
  Optional<String> recordedEntry() {
    try {
      String entry = Files.readString(folder.resolve(ENTRY_RECORD)).strip();
      return entry.isEmpty() ? Optional.empty() : Optional.of(entry);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Records {@code entry} for later starts; a failure only means the next start looks it up again. */
  void record(String entry) {
    try {
      Path written = Files.createTempFile(folder, ".entry-", ".tmp");
      try {
        Files.writeString(written, entry);
        Files.move(written, folder.resolve(ENTRY_RECORD), StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(written);
      }
    } catch (IOException | RuntimeException ignored) {
      // looked up again next time
    }
  }

  /** True when {@code jar} has {@code entry}. */
  static boolean has(Path jar, String entry) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(entry) != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The cached copy of {@code entry} of {@code jar}, checked against the jar's size and CRC-32 for
   * it, written first when there is none or it differs; empty when it cannot be had (no such
   * entry, a folder that cannot be written, a copy that comes out wrong).
   */
  Optional<Path> library(Path jar, String entry) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry source = zip.getEntry(entry);
      if (source == null || source.isDirectory() || source.getSize() < 0 || source.getCrc() < 0) {
        return Optional.empty();
      }
      Path library = folder.resolve(fileName(entry));
      if (matches(library, source.getSize(), source.getCrc())) {
        return Optional.of(library);
      }
      createFolder();
      Path written = Files.createTempFile(folder, ".lib-", ".tmp");
      try {
        long[] sizeAndCrc;
        try (InputStream in = zip.getInputStream(source); OutputStream out = Files.newOutputStream(written)) {
          sizeAndCrc = copy(in, out);
        }
        if (sizeAndCrc[0] != source.getSize() || sizeAndCrc[1] != source.getCrc()) {
          return Optional.empty();
        }
        Files.move(written, library, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(written);
      }
      // read back: what is loaded is what is on the disk, not what was meant to be written
      return matches(library, source.getSize(), source.getCrc()) ? Optional.of(library) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** True when {@code file} is a regular file (not a link) of {@code size} bytes whose CRC-32 is {@code crc}. */
  static boolean matches(Path file, long size, long crc) {
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != size) {
        return false;
      }
      long[] sizeAndCrc;
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        sizeAndCrc = copy(in, OutputStream.nullOutputStream());
      }
      return sizeAndCrc[0] == size && sizeAndCrc[1] == crc;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Copies {@code in} to {@code out} in large blocks (CRC32 is native: no byte-by-byte loop); its size and CRC-32. */
  private static long[] copy(InputStream in, OutputStream out) throws IOException {
    CRC32 crc = new CRC32();
    byte[] buffer = new byte[64 * 1024];
    long size = 0;
    for (int n; (n = in.read(buffer)) >= 0; ) {
      crc.update(buffer, 0, n);
      out.write(buffer, 0, n);
      size += n;
    }
    return new long[] {size, crc.getValue()};
  }

  /** The folder, made readable and writable by its owner alone where the file system can say so. */
  private void createFolder() throws IOException {
    if (Files.isDirectory(folder)) {
      return;
    }
    Files.createDirectories(folder.getParent());
    try {
      if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(folder);
      }
    } catch (FileAlreadyExistsException raced) {
      if (!Files.isDirectory(folder)) {
        throw raced;
      }
    }
  }

  private static String fileName(String entry) {
    return entry.substring(entry.lastIndexOf('/') + 1);
  }

  private static String safe(String name) {
    return name.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
