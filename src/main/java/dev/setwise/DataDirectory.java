package dev.setwise;

import dev.setwise.service.DiskErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Setwise keeps its data: {@code --data-dir}, else {@code SETWISE_DATA_DIR}, else the
 * platform's per-user data folder (XDG on Linux, {@code %APPDATA%} on Windows,
 * {@code ~/Library/Application Support} on macOS).
 */
public final class DataDirectory {

  /** The environment variable that names the data folder. */
  public static final String ENVIRONMENT_VARIABLE = "SETWISE_DATA_DIR";

  private DataDirectory() {}

  /** The data folder chosen by option, environment or platform, in that order (not yet checked). */
  public static Path choose(String option, Map<String, String> environment, String osName, String userHome) {
    if (option != null && !option.isBlank()) {
      return toPath(option);
    }
    String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return toPath(fromEnvironment);
    }
    return platformDefault(environment, osName, userHome);
  }

  /** The per-user data folder of the platform. */
  public static Path platformDefault(Map<String, String> environment, String osName, String userHome) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String appData = environment.get("APPDATA");
      return appData != null && !appData.isBlank()
          ? Path.of(appData, "Setwise") : Path.of(userHome, "AppData", "Roaming", "Setwise");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Path.of(userHome, "Library", "Application Support", "Setwise");
    }
    String xdg = environment.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "setwise");
    }
    return Path.of(userHome, ".local", "share", "setwise");
  }

  /**
   * The per-user cache folder of the platform, for files that can be made again at any time
   * ({@code $XDG_CACHE_HOME/setwise} or {@code ~/.cache/setwise}, {@code ~/Library/Caches/Setwise},
   * {@code %LOCALAPPDATA%/Setwise/Cache}); not created here.
   */
  public static Path platformCache(Map<String, String> environment, String osName, String userHome) {
    String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
    if (os.startsWith("windows")) {
      String localAppData = environment.get("LOCALAPPDATA");
      return localAppData != null && !localAppData.isBlank()
          ? Path.of(localAppData, "Setwise", "Cache") : Path.of(userHome, "AppData", "Local", "Setwise", "Cache");
    }
    if (os.startsWith("mac") || os.startsWith("darwin")) {
      return Path.of(userHome, "Library", "Caches", "Setwise");
    }
    String xdg = environment.get("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "setwise");
    }
    return Path.of(userHome, ".cache", "setwise");
  }

  /**
   * Creates the folder if needed and proves it can be written (a folder on a full disk passes:
   * reading works there, and every write says the disk is full).
   *
   * @throws DataDirectoryException with a one-line message naming the folder and the problem
   */
  public static Path prepare(Path dir) {
    Path absolute = dir.toAbsolutePath().normalize();
    if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
      throw new DataDirectoryException("The data folder " + absolute + " is a file, not a folder");
    }
    try {
      Files.createDirectories(absolute);
    } catch (IOException | SecurityException e) {
      Path blocker = firstFileOnTheWay(absolute);
      throw new DataDirectoryException("The data folder " + absolute + " cannot be created"
          + (blocker != null ? ": " + blocker + " is a file" : ""));
    }
    try {
      Files.delete(writeProbe(absolute));
    } catch (IOException e) {
      // A full disk still lets Setwise read: each write then says the disk is full.
      if (!DiskErrors.isDiskFull(e)) {
        throw new DataDirectoryException("The data folder " + absolute + " is not writable");
      }
    } catch (SecurityException e) {
      throw new DataDirectoryException("The data folder " + absolute + " is not writable");
    }
    return absolute;
  }

  /**
   * Creates a new empty file in {@code dir} (never one that is there, nor through a link). Named
   * after this process and the clock rather than by {@code Files.createTempFile}, whose random
   * names start the JDK's SecureRandom and its providers, about 90 classes, on the main thread of
   * every command (docs/decisions/0063); the name only has to be new, not secret.
   */
  private static Path writeProbe(Path dir) throws IOException {
    String prefix = ".write-check-" + ProcessHandle.current().pid() + "-";
    for (int attempt = 0; ; attempt++) {
      try {
        return Files.createFile(dir.resolve(prefix + System.nanoTime() + ".tmp"));
      } catch (java.nio.file.FileAlreadyExistsException taken) {
        if (attempt == 9) {
          throw taken;
        }
      }
    }
  }

  private static Path firstFileOnTheWay(Path dir) {
    for (Path step = dir.getRoot(); step != null; ) {
      if (Files.isRegularFile(step)) {
        return step;
      }
      Path relative = step.relativize(dir);
      if (relative.toString().isEmpty()) {
        return null;
      }
      step = step.resolve(relative.getName(0));
    }
    return null;
  }

  private static Path toPath(String text) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw new DataDirectoryException("The data folder \"" + text + "\" is not a valid path");
    }
  }

  /** The data folder cannot be used; the message is one line fit for a user. */
  public static final class DataDirectoryException extends RuntimeException {

    public DataDirectoryException(String message) {
      super(message);
    }
  }
}
