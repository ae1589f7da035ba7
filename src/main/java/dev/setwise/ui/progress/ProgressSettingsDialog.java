package dev.setwise.ui.progress;

import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.ProgressSettings;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.Views;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** Profile → Bar and plates…: the bar, the plates owned, what new sets are prefilled from, the e1RM formula shown. */
public final class ProgressSettingsDialog {

  private final ProgressModels models;

  public ProgressSettingsDialog(ProgressModels models) {
    this.models = models;
  }

  public void show(Window owner) {
    ProgressSettings current = models.settingsProperty().get();
    if (current == null || models.profileProperty().get() == null) {
      return;
    }
    String unit = models.profileProperty().get().unit().code();
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Bar and plates");
    dialog.setHeaderText("Bar, plates and new sets");
    ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    TextField bar = new TextField(NumberText.format(current.barWeight()));
    bar.setPrefColumnCount(6);
    TextField plates = new TextField(platesText(current.plates()));
    plates.setPrefColumnCount(30);
    plates.setPromptText("e.g. 25x8, 20x2, 10x4, 5x2, 2.5x2, 1.25x2");
    ChoiceBox<ProgressSettings.Prefill> prefill = new ChoiceBox<>();
    prefill.getItems().setAll(ProgressSettings.Prefill.values());
    prefill.setValue(current.prefill());
    prefill.setConverter(converter(ProgressSettings.Prefill::title));
    ChoiceBox<OneRepMax.Formula> formula = new ChoiceBox<>();
    formula.getItems().setAll(OneRepMax.Formula.values());
    formula.setValue(current.formula());
    formula.setConverter(converter(OneRepMax.Formula::title));
    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    Label hint = new Label("Plates: each weight and how many of it you own in all (a pair loads one per side). "
        + "Weights in " + unit + ". The command line always prints Epley's e1RM.");
    hint.getStyleClass().add("muted");
    hint.setWrapText(true);
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    grid.addRow(0, labelFor("Bar (" + unit + ")", bar), bar);
    grid.addRow(1, labelFor("Plates owned", plates), plates);
    grid.addRow(2, labelFor("Prefill new sets from", prefill), prefill);
    grid.addRow(3, labelFor("e1RM shown by", formula), formula);
    grid.add(hint, 0, 4, 2, 1);
    grid.add(error, 0, 5, 2, 1);
    grid.setPrefWidth(560);
    dialog.getDialogPane().setContent(grid);
    Button ok = (Button) dialog.getDialogPane().lookupButton(save);
    ok.addEventFilter(ActionEvent.ACTION, event -> {
      event.consume();
      Double barWeight = NumberText.decimal(bar.getText()).value();
      Map<Double, Integer> owned = parsePlates(plates.getText());
      if (barWeight == null) {
        error.setText("The bar's weight must be a number.");
        return;
      }
      if (owned == null) {
        error.setText("Write plates as weight x count, separated by commas: 25x8, 20x2.");
        return;
      }
      ok.setDisable(true);
      models.saveSettings(new ProgressSettings(barWeight, owned, prefill.getValue(), formula.getValue()), () -> {
        dialog.setResult(save);
        dialog.close();
      }, message -> {
        ok.setDisable(false);
        error.setText(message);
      });
    });
    dialog.showAndWait();
  }

  static String platesText(Map<Double, Integer> plates) {
    StringBuilder text = new StringBuilder();
    plates.entrySet().stream().sorted((a, b) -> Double.compare(b.getKey(), a.getKey())).forEach(e ->
        text.append(text.length() == 0 ? "" : ", ").append(NumberText.format(e.getKey())).append('x').append(e.getValue()));
    return text.toString();
  }

  /** "25x8, 20 × 2" → {25: 8, 20: 2}; null when a part cannot be read. */
  static Map<Double, Integer> parsePlates(String text) {
    Map<Double, Integer> plates = new LinkedHashMap<>();
    if (text == null || text.isBlank()) {
      return plates;
    }
    for (String part : text.split("[,;]")) {
      if (part.isBlank()) {
        continue;
      }
      String[] pieces = part.strip().split("\\s*[x×*]\\s*");
      if (pieces.length != 2) {
        return null;
      }
      Double weight = NumberText.decimal(pieces[0]).value();
      Integer count = NumberText.integer(pieces[1]).value();
      if (weight == null || count == null) {
        return null;
      }
      plates.merge(weight, count, Integer::sum);
    }
    return plates;
  }

  private static Label labelFor(String text, javafx.scene.Node field) {
    Label label = new Label(text);
    label.setLabelFor(field);
    return label;
  }

  private static <T> StringConverter<T> converter(java.util.function.Function<T, String> title) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : title.apply(value);
      }

      @Override
      public T fromString(String text) {
        return null;
      }
    };
  }
}
