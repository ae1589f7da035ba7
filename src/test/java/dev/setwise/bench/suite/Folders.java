package dev.setwise.bench.suite;

import dev.setwise.support.ExportDocuments;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Data folders made through the product's own commands. */
public final class Folders {

  /** Plans and sessions of {@link #existing}: a year or two of training. */
  public static final int PLANS = 8;
  public static final int SESSIONS = 300;
  /** The profile of {@link #existing} (the export's). */
  public static final String PROFILE = "Alex";

  private Folders() {}

  /**
   * A data folder in use: one profile with {@value #PLANS} plans and {@value #SESSIONS} completed
   * sessions, brought in by {@code setwise import} of a generated export.
   */
  public static Path existing(Bench bench, String name) {
    Path dir = bench.freshDir(name);
    Path file = dir.resolveSibling(name + "-history.json");
    try {
      ExportDocuments.history(file, PROFILE, PLANS, SESSIONS, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    bench.setwise().run(dir, "import", file.toString());
    return dir;
  }
}
