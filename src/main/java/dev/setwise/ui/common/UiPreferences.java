package dev.setwise.ui.common;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the desktop app remembers between runs that is not workout data: window bounds, theme, last
 * profile and the folder last used to export, import or restore a file. Kept in a small properties file in the data folder (not in the database, so no
 * migration and no audit entry for moving a window), written atomically: a temp file beside it,
 * forced to disk, then moved over the old one. A missing or damaged file means defaults.
 */
public record UiPreferences(WindowBounds window, boolean dark, UUID profileId, Path fileFolder) {

  /** The file name inside the data folder. */
  public static final String FILE = "ui-preferences.properties";

  private static final Logger LOG = LoggerFactory.getLogger(UiPreferences.class);

  /** A window's place on screen. */
  public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

  public static UiPreferences defaults() {
    return new UiPreferences(null, false, null, null);
  }

  public UiPreferences withWindow(WindowBounds bounds) {
    return new UiPreferences(bounds, dark, profileId, fileFolder);
  }

  public UiPreferences withDark(boolean newDark) {
    return new UiPreferences(window, newDark, profileId, fileFolder);
  }

  public UiPreferences withProfile(UUID newProfileId) {
    return new UiPreferences(window, dark, newProfileId, fileFolder);
  }

  /** Remembers the folder of a file just exported, imported or restored from. */
  public UiPreferences withFileFolder(Path folder) {
    return new UiPreferences(window, dark, profileId, folder);
  }

  /** Reads the file in {@code dataDir}; defaults when it is missing or unreadable (logged). Blocking. */
  public static UiPreferences load(Path dataDir) {
    Path file = dataDir.resolve(FILE);
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      return defaults();
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Ignoring unreadable {}: {}", file, e.toString());
      return defaults();
    }
    WindowBounds window = null;
    Optional<Double> x = number(properties, "window.x");
    Optional<Double> y = number(properties, "window.y");
    Optional<Double> width = number(properties, "window.width");
    Optional<Double> height = number(properties, "window.height");
    if (x.isPresent() && y.isPresent() && width.isPresent() && height.isPresent()
        && width.get() >= 200 && height.get() >= 200) {
      window = new WindowBounds(x.get(), y.get(), width.get(), height.get(),
          Boolean.parseBoolean(properties.getProperty("window.maximized")));
    }
    boolean dark = "dark".equals(properties.getProperty("theme"));
    UUID profile = null;
    try {
      String text = properties.getProperty("profile");
      profile = text == null ? null : UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      LOG.warn("Ignoring a malformed profile id in {}", file);
    }
    Path folder = null;
    String folderText = properties.getProperty("files.folder");
    if (folderText != null && !folderText.isBlank()) {
      try {
        folder = Path.of(folderText);
      } catch (java.nio.file.InvalidPathException e) {
        LOG.warn("Ignoring a malformed folder in {}", file);
      }
    }
    return new UiPreferences(window, dark, profile, folder);
  }

  /** Writes the file in {@code dataDir} atomically. Blocking: call off the FX thread. */
  public void save(Path dataDir) {
    Properties properties = new Properties();
    if (window != null) {
      properties.setProperty("window.x", Double.toString(window.x()));
      properties.setProperty("window.y", Double.toString(window.y()));
      properties.setProperty("window.width", Double.toString(window.width()));
      properties.setProperty("window.height", Double.toString(window.height()));
      properties.setProperty("window.maximized", Boolean.toString(window.maximized()));
    }
    properties.setProperty("theme", dark ? "dark" : "light");
    if (profileId != null) {
      properties.setProperty("profile", profileId.toString());
    }
    if (fileFolder != null) {
      properties.setProperty("files.folder", fileFolder.toString());
    }
    Path file = dataDir.resolve(FILE);
    Path temp = dataDir.resolve(FILE + ".tmp");
    try {
      StringWriter text = new StringWriter();
      properties.store(text, "Setwise window, theme, last profile and file folder");
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write " + FILE, e);
    }
  }

  private static Optional<Double> number(Properties properties, String key) {
    try {
      String text = properties.getProperty(key);
      if (text == null) {
        return Optional.empty();
      }
      double value = Double.parseDouble(text);
      return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
