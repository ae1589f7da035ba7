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
}
