package dev.setwise.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Opens the desktop app on a data folder and returns its exit code when the window closes;
 * {@code out} gets the one line a start prints when the app is already open on that folder.
 */
@FunctionalInterface
public interface DesktopStarter {

  int start(Path dataDir, PrintWriter out);

  /**
   * The arguments name no command, so {@link #start} will most likely follow once the command line
   * is read: begin now what takes long and shows nothing (the window's toolkit). Returns at once;
   * when {@link #start} never follows (a usage error, a folder that cannot be used) the process
   * ends as it would have. The default does nothing.
   */
  default void prepare() {
  }
}
