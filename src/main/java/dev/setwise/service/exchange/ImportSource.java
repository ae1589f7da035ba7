package dev.setwise.service.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** A file on disk. */
  public static ImportSource of(Path file) {
    Path name = file.getFileName();
    return new ImportSource(name == null ? file.toString() : name.toString(), () -> Files.newInputStream(file));
  }

  public InputStream open() throws IOException {
    return opener.open();
  }
}
