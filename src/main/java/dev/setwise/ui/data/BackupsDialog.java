package dev.setwise.ui.data;

import atlantafx.base.theme.Styles;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Views;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The backups of the data folder: when, why and how big, newest first; Back up now; Restore… the
 * selected one or a file from disk, after a confirmation that says where the current data goes.
 * While a restore runs, the dialog shows a spinner and cannot be closed.
 */
final class BackupsDialog {

  private static final double WIDTH = 720;
  private static final double TEXT = WIDTH - 50;

  private BackupsDialog() {}

  /**
   * Shows the dialog until the person closes it.
   *
   * @param pickFile asks for a backup file on disk over the given window (empty when cancelled)
   * @param chosenFolder told the folder of a file chosen from disk, to start there next time
   */
  static void run(Window owner, BackupsViewModel vm, Function<Window, Optional<Path>> pickFile,
      Consumer<Path> chosenFolder) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Backups");
    dialog.setHeaderText("Backups");
    dialog.getDialogPane().setId("backups-dialog");
    Dialogs.width(dialog, WIDTH);

    Label note = Dialogs.paragraph(new Label(vm.folderNote()), TEXT);
    note.getStyleClass().add("muted");

    TableView<BackupInfo> table = new TableView<>(vm.backups());
    table.setId("backup-table");
    table.setAccessibleText("Backups, newest first");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label(vm.loadedProperty().get() ? "No backups yet." : "Reading the backups…"));
    Views.whenChanged(table, vm.loadedProperty(), now -> table.setPlaceholder(new Label("No backups yet.")));
    TableColumn<BackupInfo, String> when = new TableColumn<>("Made");
    when.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Formats.dateTime(cell.getValue().createdAt(), vm.zone())));
    when.setPrefWidth(200);
    TableColumn<BackupInfo, String> why = new TableColumn<>("Why");
    why.setCellValueFactory(cell -> new ReadOnlyStringWrapper(BackupsViewModel.describe(cell.getValue().reason())));
    why.setPrefWidth(230);
    TableColumn<BackupInfo, String> size = new TableColumn<>("Size");
    size.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Formats.size(cell.getValue().sizeBytes())));
    size.getStyleClass().add("numeric");
    size.setPrefWidth(120);
    for (TableColumn<BackupInfo, String> column : List.of(when, why, size)) {
      column.setSortable(false);
    }
    table.getColumns().setAll(List.of(when, why, size));
    table.setPrefHeight(300);
    VBox.setVgrow(table, Priority.ALWAYS);
    // The view model's selection and the table's follow each other.
    table.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null) {
        vm.selectedProperty().set(now);
      }
    });
    Runnable syncSelection = () -> {
      BackupInfo wanted = vm.selectedProperty().get();
      if (wanted != null && table.getSelectionModel().getSelectedItem() != wanted) {
        table.getSelectionModel().select(wanted);
        table.scrollTo(wanted);
      }
    };
    Views.whenChanged(table, vm.selectedProperty(), now -> syncSelection.run());

    Button backUp = new Button("_Back up now", Views.icon(MaterialDesignD.DATABASE_PLUS_OUTLINE));
    backUp.setId("back-up-now");
    Views.tip(backUp, "Make a backup now (Alt+B); yours are kept until you delete them", null);
    backUp.disableProperty().bind(vm.busyProperty());
    backUp.setOnAction(event -> vm.backUpNow());
    Button restore = new Button("_Restore…", Views.icon(MaterialDesignR.RESTORE));
    restore.setId("restore-selected");
    Views.tip(restore, "Replace your data with the selected backup (Alt+R)", null);
    restore.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
    restore.setOnAction(event -> {
      BackupInfo chosen = vm.selectedProperty().get();
      if (chosen != null) {
        confirmAndRestore(dialog, vm, vm.question(chosen), chosen.file());
      }
    });
    Button fromFile = new Button("Restore from a _file…", Views.icon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
    fromFile.setId("restore-file");
    Views.tip(fromFile, "Choose a backup file on disk to restore (Alt+F)", null);
    fromFile.disableProperty().bind(vm.busyProperty());
    fromFile.setOnAction(event -> pickFile.apply(dialog.getDialogPane().getScene().getWindow()).ifPresent(file -> {
      chosenFolder.accept(file.getParent());
      confirmAndRestore(dialog, vm, vm.question(file), file);
    }));
    HBox actions = new HBox(10, backUp, restore, fromFile);
    actions.setAlignment(Pos.CENTER_LEFT);

    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(26, 26);
    Label working = Dialogs.paragraph(new Label(), TEXT - 40);
    working.textProperty().bind(vm.statusProperty());
    HBox busy = new HBox(12, spinner, working);
    busy.setAlignment(Pos.CENTER_LEFT);
    busy.visibleProperty().bind(vm.busyProperty());
    busy.managedProperty().bind(busy.visibleProperty());
    Label restoringNote = Dialogs.paragraph(new Label("Setwise closes its database, puts the backup in place and "
        + "opens it again. This takes a moment."), TEXT);
    restoringNote.getStyleClass().add("muted");
    restoringNote.visibleProperty().bind(vm.restoringProperty());
    restoringNote.managedProperty().bind(restoringNote.visibleProperty());

    Label status = Dialogs.paragraph(new Label(), TEXT);
    status.setId("backup-status");
    status.getStyleClass().addAll("dialog-outcome", Styles.SUCCESS);
    status.textProperty().bind(vm.statusProperty());
    status.visibleProperty().bind(vm.busyProperty().not().and(vm.statusProperty().isNotEmpty()));
    status.managedProperty().bind(status.visibleProperty());
    Label error = Dialogs.paragraph(Views.errorLabel(vm.errorProperty(), null), TEXT);
    error.setId("backup-error");
    error.getStyleClass().add("dialog-outcome");

    VBox content = new VBox(12, note, table, actions, busy, restoringNote, status, error);
    content.getStyleClass().add("dialog-body");
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    Button close = (Button) dialog.getDialogPane().lookupButton(ButtonType.CLOSE);
    close.setId("close-dialog");
    close.disableProperty().bind(vm.restoringProperty());
    // A restore cannot be left half-watched: the window stays until it is over.
    dialog.setOnCloseRequest(event -> {
      if (vm.restoringProperty().get()) {
        event.consume();
      }
    });

    vm.errorProperty().set(null);
    vm.statusProperty().set(null);
    vm.refresh();
    syncSelection.run();
    Platform.runLater(table::requestFocus);
    dialog.showAndWait();
  }

  private static void confirmAndRestore(Dialog<ButtonType> dialog, BackupsViewModel vm,
      BackupsViewModel.Question question, Path file) {
    Window window = dialog.getDialogPane().getScene().getWindow();
    if (Views.confirm(window, question.title(), question.text(), "Restore")) {
      vm.restore(file);
    }
  }
}
