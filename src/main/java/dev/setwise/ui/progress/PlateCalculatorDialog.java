package dev.setwise.ui.progress;

import dev.setwise.domain.progress.PlateLoad;
import dev.setwise.domain.progress.ProgressSettings;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.Views;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The plates per side for a weight on the profile's bar, from the plates it owns; the nearest
 * loadable weight when it cannot be made exactly. Opened from any weight field (its shortcut or the
 * small button beside a set's weight) with that field's weight.
 */
public final class PlateCalculatorDialog {

  private final ProgressSettings settings;
  private final String unit;
  private final TextField weight = new TextField();
  private final FlowPane plates = new FlowPane(6, 6);
  private final Label perSide = new Label();
  private final Label loaded = new Label();
  private final Label note = new Label();

  public PlateCalculatorDialog(ProgressSettings settings, String unit) {
    this.settings = settings;
    this.unit = unit;
  }

  /** Shows the calculator for {@code start} (may be null or unreadable: the field then starts empty). */
  public void show(Window owner, String start) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Plate calculator");
    dialog.setHeaderText("Plates for a " + NumberText.format(settings.barWeight()) + " " + unit + " bar");
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    weight.setId("plate-weight");
    weight.setPromptText("Weight");
    weight.setPrefColumnCount(8);
    weight.setAccessibleText("Weight on the bar (" + unit + ")");
    weight.setText(start == null ? "" : start.strip());
    Label weightLabel = new Label("Weight (" + unit + ")");
    weightLabel.setLabelFor(weight);
    HBox entry = new HBox(10, weightLabel, weight);
    entry.setAlignment(Pos.CENTER_LEFT);
    perSide.setId("plates-per-side");
    perSide.getStyleClass().add("plate-summary");
    perSide.setWrapText(true);
    loaded.setId("plates-loaded");
    note.getStyleClass().add("muted");
    note.setWrapText(true);
    Label owned = new Label("Plates owned: " + ownedText() + ". Change them in Profile → Bar and plates….");
    owned.getStyleClass().add("muted");
    owned.setWrapText(true);
    VBox content = new VBox(12, entry, plates, perSide, loaded, note, owned);
    content.setPrefWidth(460);
    dialog.getDialogPane().setContent(content);
    weight.textProperty().addListener((obs, old, now) -> update());
    update();
    Platform.runLater(() -> {
      weight.requestFocus();
      weight.selectAll();
    });
    dialog.showAndWait();
  }

  private void update() {
    Double target = NumberText.decimal(weight.getText()).value();
    plates.getChildren().clear();
    if (target == null || target <= 0) {
      perSide.setText("Type a weight to see the plates per side.");
      loaded.setText("");
      note.setText("");
      return;
    }
    if (target < settings.barWeight()) {
      perSide.setText("That is less than the bar (" + NumberText.format(settings.barWeight()) + " " + unit + ").");
      loaded.setText("");
      note.setText("");
      return;
    }
    PlateLoad load = settings.load(target);
    for (Double plate : load.perSide()) {
      Label chip = new Label(NumberText.format(plate));
      chip.getStyleClass().addAll("plate-chip", plateClass(plate));
      plates.getChildren().add(chip);
    }
    perSide.setText(load.perSide().isEmpty() ? "Just the bar." : "Per side: " + sideText(load.perSide()) + " " + unit);
    loaded.setText("On the bar: " + NumberText.format(load.loaded()) + " " + unit);
    if (load.exact()) {
      note.setText("");
    } else {
      StringBuilder text = new StringBuilder(NumberText.format(target) + " " + unit + " cannot be made with these plates. ");
      text.append("Nearest: ");
      if (load.lighter() != null) {
        text.append(NumberText.format(load.lighter())).append(' ').append(unit).append(" (lighter)");
      }
      if (load.heavier() != null) {
        text.append(load.lighter() != null ? " or " : "").append(NumberText.format(load.heavier())).append(' ')
            .append(unit).append(" (heavier)");
      }
      note.setText(text.append('.').toString());
    }
  }

  private static String sideText(List<Double> side) {
    return String.join(" + ", side.stream().map(NumberText::format).toList());
  }

  private String ownedText() {
    StringBuilder text = new StringBuilder();
    settings.plates().entrySet().stream().sorted((a, b) -> Double.compare(b.getKey(), a.getKey())).forEach(e ->
        text.append(text.length() == 0 ? "" : ", ").append(e.getValue()).append(" × ").append(NumberText.format(e.getKey())));
    return text.length() == 0 ? "none" : text.toString();
  }

  private static String plateClass(double plate) {
    if (plate >= 20) {
      return "plate-big";
    }
    if (plate >= 10) {
      return "plate-medium";
    }
    return "plate-small";
  }
}
