package dev.setwise.ui.progress;

import dev.setwise.ui.common.Views;
import dev.setwise.ui.workout.ExerciseRow;
import dev.setwise.ui.workout.SetRow;
import dev.setwise.ui.workout.WorkoutAddOns;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * What the progress side adds to the workout screen: a History button on each exercise, and on each
 * set a plate-calculator button, last time's set and the record badge.
 */
public final class WorkoutExtras implements WorkoutAddOns {

  private final WorkoutInsights insights;
  private final Consumer<String> openHistory;
  private final Consumer<String> openPlates;

  /**
   * @param openHistory opens the history of an exercise (by name)
   * @param openPlates opens the plate calculator with a weight as typed
   */
  public WorkoutExtras(WorkoutInsights insights, Consumer<String> openHistory, Consumer<String> openPlates) {
    this.insights = insights;
    this.openHistory = openHistory;
    this.openPlates = openPlates;
  }

  @Override
  public Node forExercise(ExerciseRow exercise) {
    Button history = Views.button("History", MaterialDesignC.CHART_LINE);
    history.getStyleClass().add(atlantafx.base.theme.Styles.FLAT);
    history.setFocusTraversable(false);
    history.setAccessibleText("History of " + exercise.name());
    Views.tip(history, "Past sessions, records and e1RM of " + exercise.name(), null);
    history.setOnAction(event -> openHistory.accept(exercise.name()));
    return history;
  }

  @Override
  public Node forSet(ExerciseRow exercise, SetRow row) {
    WorkoutInsights.SetInsight insight = insights.of(exercise, row);
    Button plates = Views.iconButton(MaterialDesignC.CALCULATOR_VARIANT_OUTLINE, "Plates for this weight (Ctrl+L)");
    plates.setFocusTraversable(false);
    plates.getStyleClass().add("plates-button");
    plates.setOnAction(event -> openPlates.accept(row.weight().textProperty().get()));
    Label last = new Label();
    last.getStyleClass().addAll("muted", "last-time");
    last.textProperty().bind(insight.lastProperty());
    last.visibleProperty().bind(insight.lastProperty().isNotEmpty());
    last.managedProperty().bind(last.visibleProperty());
    Label badge = new Label(null, Views.icon(MaterialDesignT.TROPHY));
    badge.getStyleClass().add("record-badge");
    badge.textProperty().bind(insight.badgeProperty());
    badge.visibleProperty().bind(insight.badgeProperty().isNotEmpty());
    badge.managedProperty().bind(badge.visibleProperty());
    VBox notes = new VBox(0, last, badge);
    notes.setAlignment(Pos.CENTER_LEFT);
    HBox box = new HBox(8, plates, notes);
    box.setAlignment(Pos.CENTER_LEFT);
    return box;
  }
}
