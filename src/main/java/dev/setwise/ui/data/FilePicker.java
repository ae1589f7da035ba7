package dev.setwise.ui.data;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * Asks the person for a file: where to save an export, what to import, which backup to restore.
 * The app uses the platform's file dialogs ({@link NativeFilePicker}); tests, which cannot drive a
 * native dialog, put in their own answers.
 */
public interface FilePicker {

  /**
   * Where to save an export.
   *
   * @param folder the folder to start in, or null for the home folder
   * @param fileName the proposed file name
   * @return the chosen file, or empty when the person cancelled
   */
  Optional<Path> saveExport(Window owner, Path folder, String fileName);

  /** A Setwise export or a CSV of Strong, Hevy or FitNotes to import; empty when cancelled. */
  Optional<Path> openImport(Window owner, Path folder);

  /** A backup file (a Setwise database) to restore; empty when cancelled. */
  Optional<Path> openBackup(Window owner, Path folder);

  /**
   * Another data folder to open (when the app cannot open its own); empty when cancelled. Pickers
   * that answer themselves (tests, the demo) have none to offer.
   */
  default Optional<Path> openDataFolder(Window owner, Path folder) {
    return Optional.empty();
  }
}
