package dev.setwise.ui.data;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's own open and save dialogs. */
public final class NativeFilePicker implements FilePicker {

  @Override
  public Optional<Path> saveExport(Window owner, Path folder, String fileName) {
    FileChooser chooser = chooser("Export to a file", folder);
    chooser.setInitialFileName(fileName);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Setwise export (*.json)", "*.json"),
        new FileChooser.ExtensionFilter("All files", "*"));
    return path(chooser.showSaveDialog(owner));
  }

  @Override
  public Optional<Path> openImport(Window owner, Path folder) {
    FileChooser chooser = chooser("Import a file", folder);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Setwise export or CSV (*.json, *.csv)", "*.json", "*.JSON", "*.csv",
            "*.CSV"),
        new FileChooser.ExtensionFilter("Setwise export (*.json)", "*.json", "*.JSON"),
        new FileChooser.ExtensionFilter("Strong, Hevy or FitNotes CSV (*.csv)", "*.csv", "*.CSV"),
        new FileChooser.ExtensionFilter("All files", "*"));
    return path(chooser.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> openBackup(Window owner, Path folder) {
    FileChooser chooser = chooser("Restore from a file", folder);
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Setwise backup (*.db)", "*.db"),
        new FileChooser.ExtensionFilter("All files", "*"));
    return path(chooser.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> openDataFolder(Window owner, Path folder) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Open another data folder");
    Path start = folder != null && Files.isDirectory(folder) ? folder : Path.of(System.getProperty("user.home"));
    if (Files.isDirectory(start)) {
      chooser.setInitialDirectory(start.toFile());
    }
    return path(chooser.showDialog(owner));
  }

  private static FileChooser chooser(String title, Path folder) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    Path start = folder != null && Files.isDirectory(folder) ? folder : Path.of(System.getProperty("user.home"));
    if (Files.isDirectory(start)) {
      chooser.setInitialDirectory(start.toFile());
    }
    return chooser;
  }

  private static Optional<Path> path(File file) {
    return Optional.ofNullable(file).map(File::toPath);
  }
}
