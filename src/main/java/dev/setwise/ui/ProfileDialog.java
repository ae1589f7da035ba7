package dev.setwise.ui;

import dev.setwise.domain.Unit;
import dev.setwise.ui.common.Views;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Profile → New profile… and Edit profile…: name and unit, checked by the service before the dialog closes. */
final class ProfileDialog {

  /** Runs the change; calls {@code done} to close the dialog, or {@code failed} with a message to keep it open. */
  @FunctionalInterface
  interface Action {
    void run(String name, Unit unit, Runnable done, Consumer<String> failed);
  }

  private ProfileDialog() {}

  static void show(Window owner, String title, String name, Unit unit, String confirm, Action action) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle(title);
    dialog.setHeaderText(title);
    ButtonType ok = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    TextField nameField = new TextField(name);
    nameField.setPromptText("Name");
    nameField.setPrefColumnCount(20);
    ChoiceBox<Unit> unitChoice = new ChoiceBox<>();
    unitChoice.getItems().setAll(Unit.values());
    unitChoice.setValue(unit);
    unitChoice.setConverter(new StringConverter<>() {
      @Override
      public String toString(Unit value) {
        return value == null ? "" : value == Unit.KG ? "kg (kilograms)" : "lb (pounds)";
      }

      @Override
      public Unit fromString(String text) {
        return null;
      }
    });
    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    Label note = new Label("The unit is used for new plans; existing plans and sessions keep theirs.");
    note.getStyleClass().add("muted");
    note.setWrapText(true);
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    Label nameLabel = new Label("Name");
    nameLabel.setLabelFor(nameField);
    Label unitLabel = new Label("Unit");
    unitLabel.setLabelFor(unitChoice);
    grid.addRow(0, nameLabel, nameField);
    grid.addRow(1, unitLabel, unitChoice);
    grid.add(note, 0, 2, 2, 1);
    grid.add(error, 0, 3, 2, 1);
    grid.setPrefWidth(440);
    dialog.getDialogPane().setContent(grid);
    Button okButton = (Button) dialog.getDialogPane().lookupButton(ok);
    okButton.addEventFilter(ActionEvent.ACTION, event -> {
      event.consume();
      okButton.setDisable(true);
      action.run(nameField.getText(), unitChoice.getValue(), () -> {
        dialog.setResult(ok);
        dialog.close();
      }, message -> {
        okButton.setDisable(false);
        error.setText(message);
      });
    });
    Platform.runLater(nameField::requestFocus);
    dialog.showAndWait();
  }
}
