package dev.setwise.service.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * A file to import. An import reads it more than once (check, then import) and refuses to go on
 * when its content changed in between, so the source must open the same bytes each time.
 *
 * @param name what to call it in messages and in the import record (a file name, no folders)
 */
public record ImportSource(String name, Opener opener) {

  /** Opens the bytes from the start. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  public ImportSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(opener, "opener");
  }

  /**
   * A file on disk. Opening it checks first that it is a regular file: a folder, a device (such as
   * {@code /dev/zero}) or a pipe is refused with {@link NotAFileException} before it is opened, so
   * nothing waits on a pipe or reads a device forever.
   */
  public static ImportSource of(Path file) {
    Path name = file.getFileName();
    return new ImportSource(name == null ? file.toString() : name.toString(), () -> {
      checkRegular(file);
      return Files.newInputStream(file);
    });
  }

  /**
   * Refuses what is not a regular file (links are followed).
   *
   * @throws java.nio.file.NoSuchFileException when nothing is there
   * @throws NotAFileException when it is a folder, a device, a pipe or a socket
   */
  public static void checkRegular(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (attributes.isDirectory()) {
      throw new NotAFileException(file, "it is a folder");
    }
    if (!attributes.isRegularFile()) {
      throw new NotAFileException(file, "it is not a regular file (a device, a pipe or a socket); "
          + "save the export to a file and import that");
    }
  }

  /** What is at a path is not a file that can be imported. */
  public static final class NotAFileException extends FileSystemException {

    private static final long serialVersionUID = 1L;

    public NotAFileException(Path file, String reason) {
      super(file.toString(), null, reason);
    }
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
