package dev.setwise.ui;

import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.StorageException;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.ui.common.AppIcons;
import dev.setwise.ui.common.ErrorText;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.BackupsViewModel;
import dev.setwise.ui.data.FilePicker;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.StringConverter;

/**
 * The question when the app cannot open its data folder's database: the reason in one line (the
 * same line the command line prints), and "Restore from a backup…", "Open another folder…" or
 * "Quit". The refused file stays as it is; a restore sets it aside in {@code replaced/}.
 */
final class OpenFailureDialog implements FolderOpening.Asker {

  private static final double WIDTH = 700;

  private final FxToolkit toolkit;
  private final FilePicker files;
  private final ZoneId zone;

  OpenFailureDialog(FxToolkit toolkit, FilePicker files, ZoneId zone) {
    this.toolkit = toolkit;
    this.files = files;
    this.zone = zone;
  }

  @Override
  public FolderOpening.Choice ask(StorageException failure, String notice, Path dataDir, List<BackupInfo> backups) {
    CompletableFuture<FolderOpening.Choice> answer = new CompletableFuture<>();
    toolkit.run(() -> {
      try {
        answer.complete(askOnFx(failure, notice, dataDir, backups));
      } catch (RuntimeException | Error e) {
        answer.completeExceptionally(e);
      }
    });
    try {
      return answer.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
    }
  }

  private FolderOpening.Choice askOnFx(StorageException failure, String notice, Path dataDir,
      List<BackupInfo> backups) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    while (true) {
      Dialog<ButtonType> dialog = new Dialog<>();
      dialog.setTitle("Setwise");
      dialog.setHeaderText("Setwise cannot open the data in " + dataDir);
      ButtonType restore = new ButtonType("Restore from a backup…", ButtonBar.ButtonData.OK_DONE);
      ButtonType other = new ButtonType("Open another folder…", ButtonBar.ButtonData.OTHER);
      ButtonType quit = new ButtonType("Quit", ButtonBar.ButtonData.CANCEL_CLOSE);
      if (!backups.isEmpty()) {
        dialog.getDialogPane().getButtonTypes().add(restore);
      }
      dialog.getDialogPane().getButtonTypes().addAll(other, quit);
      dialog.getDialogPane().setContent(content(failure, notice, backups));
      dialog.getDialogPane().getStylesheets().add(Views.STYLESHEET);
      dialog.getDialogPane().setMinWidth(WIDTH);
      dialog.getDialogPane().setPrefWidth(WIDTH);
      if (!backups.isEmpty()) {
        ((Button) dialog.getDialogPane().lookupButton(restore)).setDefaultButton(true);
      }
      for (ButtonType type : dialog.getDialogPane().getButtonTypes()) {
        Button button = (Button) dialog.getDialogPane().lookupButton(type);
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ButtonBar.setButtonUniformSize(button, false);
      }
      Stage stage = (Stage) dialog.getDialogPane().getScene().getWindow();
      stage.getIcons().setAll(AppIcons.load());
      Optional<ButtonType> pressed = dialog.showAndWait();
      if (pressed.isPresent() && pressed.get() == restore) {
        Optional<BackupInfo> chosen = chooseBackup(backups, stage);
        if (chosen.isPresent()) {
          return new FolderOpening.Restore(chosen.get());
        }
      } else if (pressed.isPresent() && pressed.get() == other) {
        Optional<Path> folder = files.openDataFolder(null, dataDir.getParent());
        if (folder.isPresent()) {
          return new FolderOpening.OtherFolder(folder.get());
        }
      } else {
        return new FolderOpening.Quit();
      }
    }
  }

  private VBox content(StorageException failure, String notice, List<BackupInfo> backups) {
    VBox box = new VBox(10);
    if (notice != null) {
      Label last = paragraph(notice);
      last.getStyleClass().add(Styles.DANGER);
      box.getChildren().add(last);
    }
    box.getChildren().add(paragraph(ErrorText.sentence(failure.withoutAdvice())));
    String kept = "Nothing was deleted: the file stays as it is, and a restore sets it aside in the data folder's "
        + "replaced/ folder first.";
    box.getChildren().add(paragraph(backups.isEmpty() ? kept + " There is no backup in this folder."
        : kept + " The newest backup is from " + Formats.dateTime(backups.get(0).createdAt(), zone) + " ("
            + BackupsViewModel.describe(backups.get(0).reason()).toLowerCase(Locale.ROOT) + ", " + backups.get(0).name()
            + ")."));
    return box;
  }

  private Optional<BackupInfo> chooseBackup(List<BackupInfo> backups, Stage owner) {
    ChoiceDialog<BackupInfo> choice = new ChoiceDialog<>(backups.get(0), backups);
    choice.initOwner(owner);
    choice.setTitle("Setwise");
    choice.setHeaderText("Restore which backup?");
    choice.setContentText("Backup:");
    choice.getDialogPane().getStylesheets().add(Views.STYLESHEET);
    ((Stage) choice.getDialogPane().getScene().getWindow()).getIcons().setAll(AppIcons.load());
    StringConverter<BackupInfo> names = new StringConverter<>() {
      @Override
      public String toString(BackupInfo backup) {
        return backup == null ? "" : Formats.dateTime(backup.createdAt(), zone) + " · "
            + BackupsViewModel.describe(backup.reason()) + " · " + Formats.size(backup.sizeBytes());
      }

      @Override
      public BackupInfo fromString(String text) {
        return null;
      }
    };
    // ChoiceDialog shows its items through a ComboBox whose converter can be set once it exists.
    choice.getDialogPane().lookupAll(".combo-box").forEach(node -> {
      if (node instanceof javafx.scene.control.ComboBox<?> box) {
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<BackupInfo> backupsBox = (javafx.scene.control.ComboBox<BackupInfo>) box;
        backupsBox.setConverter(names);
      }
    });
    return choice.showAndWait();
  }

  private static Label paragraph(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMaxWidth(WIDTH - 40);
    label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return label;
  }
}
