package dev.setwise.ui.data;

import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.ExportViewModel.State;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The export under way: progress and Cancel, then what was written and where. A cancelled export
 * closes the dialog (the main window says nothing was written).
 */
final class ExportDialog {

  private static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
  private static final ButtonType CLOSE = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);

  private static final double WIDTH = 600;
  private static final double TEXT = WIDTH - 50;

  private ExportDialog() {}

  /** Starts exporting to {@code target} and shows it until the person closes the dialog. */
  static void run(Window owner, ExportViewModel vm, Path target, Consumer<String> onCancelled) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Export");
    dialog.setHeaderText("Export to " + target.getFileName());
    dialog.getDialogPane().setId("export-dialog");
    Dialogs.width(dialog, WIDTH);

    Label where = Dialogs.paragraph(new Label("Into the folder " + target.getParent()), TEXT);
    where.getStyleClass().add("muted");
    ProgressBlock progress = new ProgressBlock(vm.progressProperty(), vm.progressTextProperty());
    Label outcome = Dialogs.paragraph(new Label(), TEXT);
    outcome.setId("export-outcome");
    outcome.getStyleClass().add("dialog-outcome");
    outcome.textProperty().bind(vm.messageProperty());
    TextField file = new TextField(target.toString());
    file.setEditable(false);
    file.setAccessibleText("The exported file");
    Label fileLabel = new Label("Saved as");
    fileLabel.getStyleClass().add("muted");
    fileLabel.setLabelFor(file);
    VBox saved = new VBox(6, fileLabel, file);
    VBox content = new VBox(14);
    content.getStyleClass().add("dialog-body");
    dialog.getDialogPane().setContent(content);

    Runnable show = () -> {
      State state = vm.stateProperty().get();
      switch (state) {
        case RUNNING -> {
          content.getChildren().setAll(where, progress);
          buttons(dialog, CANCEL);
        }
        case DONE -> {
          outcome.setGraphic(Views.icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE));
          setStyle(outcome, Styles.SUCCESS);
          file.setText(String.valueOf(vm.resultProperty().get().file()));
          content.getChildren().setAll(outcome, saved);
          buttons(dialog, CLOSE);
        }
        case FAILED -> {
          outcome.setGraphic(Views.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
          setStyle(outcome, Styles.DANGER);
          content.getChildren().setAll(outcome);
          buttons(dialog, CLOSE);
        }
        case CANCELLED -> {
          onCancelled.accept(vm.messageProperty().get());
          dialog.close();
        }
        case IDLE -> { }
      }
      Dialogs.refit(dialog);
    };
    ChangeListener<State> listener = (obs, old, now) -> show.run();
    vm.stateProperty().addListener(listener);
    dialog.setOnHidden(event -> vm.stateProperty().removeListener(listener));
    // Closing the window (or Escape) while it runs asks the export to stop; the dialog closes once it has.
    dialog.setOnCloseRequest(event -> {
      if (vm.stateProperty().get() == State.RUNNING) {
        vm.cancel();
        event.consume();
      }
    });
    vm.start(target);
    show.run();
    if (vm.stateProperty().get() != State.CANCELLED) {
      dialog.showAndWait();
    }
  }

  /** Shows exactly {@code type}; Cancel asks the export to stop instead of closing at once. */
  private static void buttons(Dialog<ButtonType> dialog, ButtonType type) {
    dialog.getDialogPane().getButtonTypes().setAll(type);
    Button button = (Button) dialog.getDialogPane().lookupButton(type);
    button.setDefaultButton(type == CLOSE);
    button.setId(type == CANCEL ? "cancel-task" : "close-dialog");
    if (type == CANCEL) {
      button.addEventFilter(ActionEvent.ACTION, event -> {
        event.consume();
        dialog.close();
      });
    }
  }

  static void setStyle(Label label, String style) {
    label.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
    label.getStyleClass().add(style);
  }
}
