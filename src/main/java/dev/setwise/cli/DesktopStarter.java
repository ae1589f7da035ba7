package dev.setwise.cli;

import java.nio.file.Path;

/** Opens the desktop app on a data folder and returns its exit code when the window closes. */
@FunctionalInterface
public interface DesktopStarter {

  int start(Path dataDir);
}
