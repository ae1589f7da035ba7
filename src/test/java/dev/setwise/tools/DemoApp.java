package dev.setwise.tools;

import dev.setwise.ui.DesktopApp;
import dev.setwise.ui.data.FilePicker;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Runs the desktop app on a data folder with file dialogs that answer a fixed file, so the dialogs
 * that follow a file dialog (the import summary) can be shown and photographed under Xvfb, where a
 * native file dialog cannot be driven.
 *
 * <pre>java -cp target/classes:target/test-classes:target/lib/* dev.setwise.tools.DemoApp DIR FILE</pre>
 *
 * Export saves to FILE, Import reads FILE, Restore from a file restores FILE.
 */
public final class DemoApp {

  private DemoApp() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: DemoApp DIR FILE");
      System.exit(2);
    }
    Path file = Path.of(args[1]).toAbsolutePath();
    FilePicker answers = new FilePicker() {
      @Override
      public Optional<Path> saveExport(Window owner, Path folder, String fileName) {
        return Optional.of(file);
      }

      @Override
      public Optional<Path> openImport(Window owner, Path folder) {
        return Optional.of(file);
      }

      @Override
      public Optional<Path> openBackup(Window owner, Path folder) {
        return Optional.of(file);
      }
    };
    System.exit(DesktopApp.run(Path.of(args[0]), new java.io.PrintWriter(System.out, true), answers));
  }
}
