package dev.setwise.ui.workout;

import static dev.setwise.ui.common.FormFields.columnHead;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * One exercise of the workout on screen: its head (name, its rest, which can be changed, Add set,
 * Remove), its sets and notes. Inside a superset the frame holds the rest of the rounds instead.
 */
final class ExerciseCard {

  private ExerciseCard() {}

  /**
   * @param inSuperset true inside a superset's frame, which says when to rest
   * @param focus puts the keyboard on a set (one just added)
   * @param confirmRemove asks before removing an exercise with sets done; true to remove
   */
  static Node build(ActiveWorkoutViewModel vm, ExerciseRow exercise, boolean inSuperset, ZoneId zone,
      SetFields fields, WorkoutAddOns extras, Consumer<SetRow> focus, Predicate<ExerciseRow> confirmRemove) {
    VBox card = new VBox();
    card.getStyleClass().add("card");
    card.getChildren().addAll(head(vm, exercise, inSuperset, extras, focus, confirmRemove), columnHeads(vm.unit()),
        setRows(vm, exercise, zone, fields, extras));
    CustomTextField notes = new CustomTextField();
    notes.setLeft(Views.icon(MaterialDesignN.NOTE_TEXT_OUTLINE));
    notes.setPromptText("Notes for " + exercise.name());
    notes.setAccessibleText("Notes for " + exercise.name());
    notes.textProperty().bindBidirectional(exercise.notesProperty());
    notes.setFocusTraversable(false);
    // Its problem shows inside the field, so the cards below never move.
    Label notesError = new Label();
    notesError.getStyleClass().add("field-error");
    notesError.textProperty().bind(exercise.notesErrorProperty());
    notes.setRight(notesError);
    Views.markErrors(notes, exercise.notesErrorProperty());
    card.getChildren().add(notes);
    return card;
  }

  private static Node head(ActiveWorkoutViewModel vm, ExerciseRow exercise, boolean inSuperset,
      WorkoutAddOns extras, Consumer<SetRow> focus, Predicate<ExerciseRow> confirmRemove) {
    Label name = new Label(exercise.name());
    name.getStyleClass().add("exercise-name");
    HBox head = new HBox(12, name);
    head.setAlignment(Pos.CENTER_LEFT);
    if (!inSuperset) {
      Label rest = new Label("Rest", Views.icon(MaterialDesignT.TIMER_OUTLINE));
      rest.getStyleClass().add("muted");
      Spinner<Integer> seconds = RestSpinner.of(exercise.restSecondsProperty(), "Rest after each set of "
          + exercise.name());
      rest.setLabelFor(seconds);
      head.getChildren().addAll(rest, seconds);
    }
    head.getChildren().add(new Spacer());
    Node extra = extras.forExercise(exercise);
    if (extra != null) {
      head.getChildren().add(extra);
    }
    Button addSet = Views.button("Add set", MaterialDesignP.PLUS);
    addSet.getStyleClass().add(Styles.FLAT);
    addSet.setFocusTraversable(false);
    addSet.setOnAction(event -> {
      SetRow added = vm.addSet(exercise);
      if (added != null) {
        focus.accept(added);
      }
    });
    Views.tip(addSet, "Add a set to " + exercise.name(), Shortcuts.ADD_SET);
    Button remove = Views.iconButton(MaterialDesignT.TRASH_CAN_OUTLINE, "Remove " + exercise.name());
    remove.setFocusTraversable(false);
    remove.setOnAction(event -> {
      if (!vm.hasDoneSets(exercise) || confirmRemove.test(exercise)) {
        vm.removeExercise(exercise);
      }
    });
    head.getChildren().addAll(addSet, remove);
    return head;
  }

  private static HBox columnHeads(String unit) {
    HBox heads = new HBox(10, columnHead("Set", SetRowView.BADGE), columnHead("Target", SetRowView.TARGET),
        columnHead("Reps", SetRowView.REPS), columnHead("Weight (" + unit + ")", SetRowView.WEIGHT),
        columnHead("RPE", SetRowView.RPE), columnHead("Done", SetRowView.DONE));
    heads.setAlignment(Pos.CENTER_LEFT);
    heads.getStyleClass().add("set-heads");
    return heads;
  }

  private static VBox setRows(ActiveWorkoutViewModel vm, ExerciseRow exercise, ZoneId zone, SetFields fields,
      WorkoutAddOns extras) {
    VBox rows = new VBox(6);
    for (SetRow row : exercise.sets()) {
      rows.getChildren().add(SetRowView.build(vm, exercise, row, zone, fields, extras.forSet(exercise, row)));
    }
    return rows;
  }
}
