package dev.setwise.ui.data;

import dev.setwise.ui.common.Views;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * What File → Export…, Import… and Backups… open: a file dialog first (through a {@link FilePicker},
 * which tests replace), then the dialog that runs the work and shows its outcome.
 */
public final class DataDialogs {

  private final Window owner;
  private final FilePicker picker;
  private final Supplier<Path> lastFolder;
  private final Consumer<Path> rememberFolder;
  private final Consumer<String> notice;

  /**
   * @param lastFolder the folder to start file dialogs in (null: the home folder)
   * @param rememberFolder told the folder of every file chosen
   * @param notice shows a passing sentence in the main window (an export or import cancelled)
   */
  public DataDialogs(Window owner, FilePicker picker, Supplier<Path> lastFolder, Consumer<Path> rememberFolder,
      Consumer<String> notice) {
    this.owner = owner;
    this.picker = picker;
    this.lastFolder = lastFolder;
    this.rememberFolder = rememberFolder;
    this.notice = notice;
  }

  /** File → Export…: where to, then the export with progress. */
  public void export(ExportViewModel vm) {
    Optional<Path> chosen = picker.saveExport(owner, lastFolder.get(), vm.suggestedFileName());
    if (chosen.isEmpty()) {
      return;
    }
    Path target = ExportViewModel.withExtension(chosen.get());
    // The save dialog asked about replacing the name it was given, not about the one with .json added.
    if (!target.equals(chosen.get()) && Files.exists(target) && !Views.confirm(owner, "Replace "
        + target.getFileName() + "?", "A file of that name is already in " + target.getParent()
        + ". Exporting replaces it.", "Replace")) {
      return;
    }
    rememberFolder.accept(target.getParent());
    ExportDialog.run(owner, vm, target, notice);
  }

  /** File → Import…: which file, then the dry run, the summary and the import. */
  public void importFile(ImportViewModel vm, Consumer<String> switchToProfile) {
    Optional<Path> chosen = picker.openImport(owner, lastFolder.get());
    if (chosen.isEmpty()) {
      return;
    }
    rememberFolder.accept(chosen.get().getParent());
    ImportDialog.run(owner, vm, chosen.get(), notice, switchToProfile);
  }

  /** File → Backups…: the list, Back up now and Restore. */
  public void backups(BackupsViewModel vm) {
    BackupsDialog.run(owner, vm, window -> picker.openBackup(window, lastFolder.get()), rememberFolder);
  }
}
