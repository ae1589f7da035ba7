package dev.setwise.ui;

import dev.setwise.service.RestTimerService;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.workout.RestSpinner;
import java.time.Duration;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Profile → Rest after warm-ups…: the shorter rest a warm-up set gets, for the current profile. */
final class WarmupRestDialog {

  private WarmupRestDialog() {}

  static void show(Window owner, MainViewModel vm) {
    vm.loadWarmupRest(seconds -> open(owner, vm, seconds), message -> vm.errorProperty().set(message));
  }

  private static void open(Window owner, MainViewModel vm, int current) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Rest after warm-ups");
    dialog.setHeaderText("Rest after a warm-up set");
    ButtonType ok = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    ObjectProperty<Integer> seconds = new SimpleObjectProperty<>(current);
    Spinner<Integer> spinner = RestSpinner.of(seconds, "Rest after a warm-up set");
    spinner.setFocusTraversable(true);
    spinner.getEditor().setFocusTraversable(true);
    Label label = new Label("Rest");
    label.setLabelFor(spinner);
    HBox row = new HBox(12, label, spinner);
    row.setAlignment(Pos.CENTER_LEFT);
    Label note = new Label("After a warm-up set the rest timer runs this long (or the exercise's own rest, when "
        + "that is shorter). Off means no rest after warm-ups. The default is "
        + Formats.clock(Duration.ofSeconds(RestTimerService.DEFAULT_WARMUP_REST)) + ".");
    note.setWrapText(true);
    note.getStyleClass().add("muted");
    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    VBox body = new VBox(12, row, note, error);
    body.setPrefWidth(440);
    dialog.getDialogPane().setContent(body);
    Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
    okButton.addEventFilter(ActionEvent.ACTION, event -> {
      event.consume();
      spinner.commitValue();
      okButton.setDisable(true);
      vm.changeWarmupRest(seconds.get() == null ? 0 : seconds.get(), () -> {
        dialog.setResult(ok);
        dialog.close();
      }, message -> {
        okButton.setDisable(false);
        error.setText(message);
      });
    });
    Platform.runLater(spinner.getEditor()::requestFocus);
    dialog.showAndWait();
  }
}
