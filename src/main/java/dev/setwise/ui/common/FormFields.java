package dev.setwise.ui.common;

import dev.setwise.domain.SetType;
import javafx.beans.property.StringProperty;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The fields and captions the editors of exercises and sets (plan, correction, workout) build their cards of. */
public final class FormFields {

  private FormFields() {}

  /** A text field bound both ways to {@code property}; {@code columns} sets its width, 0 leaves it to the layout. */
  public static TextField text(StringProperty property, String prompt, int columns) {
    TextField field = new TextField();
    field.textProperty().bindBidirectional(property);
    field.setPromptText(prompt);
    if (columns > 0) {
      field.setPrefColumnCount(columns);
    }
    return field;
  }

  /** {@code field} with its caption above and its inline error below. */
  public static VBox labeled(String caption, TextField field, StringProperty error) {
    Label label = new Label(caption);
    label.getStyleClass().add("column-head");
    label.setLabelFor(field);
    return new VBox(4, label, field, Views.errorLabel(error, field));
  }

  /** The caption of a column of set rows, as wide as the column. */
  public static Label columnHead(String text, double width) {
    Label label = new Label(text);
    label.getStyleClass().add("column-head");
    label.setMinWidth(width);
    label.setPrefWidth(width);
    return label;
  }

  /** Shows a set type by its name in a choice ("Warm-up"); a choice is never typed, so nothing is read back. */
  public static StringConverter<SetType> setTypeNames() {
    return new StringConverter<>() {
      @Override
      public String toString(SetType value) {
        return value == null ? "" : Formats.setType(value);
      }

      @Override
      public SetType fromString(String text) {
        return null;
      }
    };
  }
}
