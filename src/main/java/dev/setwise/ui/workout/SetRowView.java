package dev.setwise.ui.workout;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * One set of the workout on screen, the one place set rows are built: badge, target, reps, weight
 * and RPE (a suggestion in muted italics until logged), the done toggle, the time it was done.
 */
final class SetRowView {

  /** Widths shared with the column heads of {@link ExerciseCard}. */
  static final double BADGE = 40;
  static final double TARGET = 150;
  static final double REPS = 80;
  static final double WEIGHT = 100;
  static final double RPE = 72;
  static final double DONE = 52;
  static final double DONE_AT = 78;

  private SetRowView() {}

  /**
   * The line of {@code row} of {@code exercise}, registered in {@code fields}; {@code extra} (or
   * null) goes after its controls (what the progress side shows: last time, a record badge).
   */
  static Node build(ActiveWorkoutViewModel vm, ExerciseRow exercise, SetRow row, ZoneId zone, SetFields fields,
      Node extra) {
    Unit unit = vm.sessionProperty().get().structure().unit();
    Label badge = new Label(exercise.badge(row));
    badge.getStyleClass().add("set-badge");
    if (row.type() == SetType.WARMUP) {
      badge.getStyleClass().add("warmup");
    }
    Views.tip(badge, Formats.setType(row.type()) + " set", null);
    Label target = new Label(Formats.target(row.target(), unit));
    target.getStyleClass().add("set-target");
    target.setMinWidth(TARGET);
    target.setPrefWidth(TARGET);

    String where = exercise.name() + ", set " + (exercise.sets().indexOf(row) + 1);
    TextField reps = field(row, row.reps(), REPS, "Reps done", where, fields);
    TextField weight = field(row, row.weight(), WEIGHT, "Weight lifted (" + unit.code() + ")", where, fields);
    TextField rpe = field(row, row.rpe(), RPE, "RPE, 1 to 10", where, fields);

    ToggleButton done = new ToggleButton(null, Views.icon(MaterialDesignC.CHECK_BOLD));
    done.getStyleClass().add("done-toggle");
    done.setSelected(row.isDone());
    done.setAccessibleText("Done: " + where);
    Views.whenChanged(done, row.doneProperty(), done::setSelected);
    done.setOnAction(event -> vm.setDone(row, done.isSelected()));
    Views.tip(done, "Mark set done; Ctrl+Enter also moves to the next set", null);
    fields.add(done, row);

    Label at = new Label();
    at.getStyleClass().add("muted");
    at.textProperty().bind(Bindings.createStringBinding(() -> row.completedAtProperty().get() == null ? ""
        : Formats.time(row.completedAtProperty().get(), zone), row.completedAtProperty()));
    // As wide as the widest time ("10:05 PM"), so the buttons after it line up from row to row.
    at.setMinWidth(DONE_AT);
    at.setPrefWidth(DONE_AT);

    Button remove = Views.iconButton(MaterialDesignC.CLOSE, "Remove this set");
    remove.setFocusTraversable(false);
    remove.setOnAction(event -> vm.removeSet(row));

    // A problem shows at the end of the line, so the rows below never move.
    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.textProperty().bind(Bindings.createStringBinding(() -> firstError(row),
        row.reps().errorProperty(), row.weight().errorProperty(), row.rpe().errorProperty()));
    error.setMinWidth(0);
    error.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(error, Priority.ALWAYS);
    Views.whenChanged(error, error.textProperty(), now -> error.setTooltip(now == null || now.isEmpty() ? null
        : new Tooltip(now)));

    HBox line = new HBox(10, badge, target, reps, weight, rpe, done, at, remove);
    if (extra != null) {
      line.getChildren().add(extra);
    }
    line.getChildren().add(error);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("set-row");
    Runnable doneStyle = () -> {
      line.getStyleClass().remove("done");
      if (row.isDone()) {
        line.getStyleClass().add("done");
      }
    };
    doneStyle.run();
    Views.whenChanged(line, row.doneProperty(), now -> doneStyle.run());
    fields.first(row, reps);
    return line;
  }

  private static String firstError(SetRow row) {
    for (SetRow.Field field : row.fields()) {
      if (field.errorProperty().get() != null) {
        return field.errorProperty().get();
      }
    }
    return "";
  }

  private static TextField field(SetRow row, SetRow.Field model, double width, String what, String where,
      SetFields fields) {
    TextField field = new TextField();
    field.getStyleClass().add("set-field");
    field.setPrefWidth(width);
    field.setMinWidth(width);
    field.setMaxWidth(width);
    field.textProperty().bindBidirectional(model.textProperty());
    field.setAccessibleText(what + ": " + where);
    Tooltip suggestion = new Tooltip("Suggested, not logged yet: marking the set done or typing here logs it");
    Runnable prefilled = () -> {
      field.getStyleClass().remove("prefilled");
      boolean suggested = model.prefilledProperty().get();
      if (suggested) {
        field.getStyleClass().add("prefilled");
      }
      field.setTooltip(suggested ? suggestion : null);
      field.setAccessibleHelp(suggested ? "Suggested value, not logged yet" : null);
    };
    prefilled.run();
    Views.whenChanged(field, model.prefilledProperty(), now -> prefilled.run());
    Views.markErrors(field, model.errorProperty());
    field.focusedProperty().addListener((obs, old, focused) -> {
      if (focused) {
        field.selectAll();
      }
    });
    fields.add(field, row);
    return field;
  }
}
