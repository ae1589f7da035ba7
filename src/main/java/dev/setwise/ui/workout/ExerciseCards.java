package dev.setwise.ui.workout;

import dev.setwise.domain.Supersets;
import dev.setwise.ui.common.ScrollToFocus;
import dev.setwise.ui.common.SupersetFrame;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/**
 * The exercises of the workout on screen, one card each (a superset's cards in one frame), rebuilt whenever an exercise or a set is
 * added or removed; it knows which set each field belongs to, so the keyboard can be put on one.
 */
final class ExerciseCards {

  private final ActiveWorkoutViewModel vm;
  private final ZoneId zone;
  private final VBox box = new VBox(14);
  private final SetFields fields = new SetFields();
  private final ListChangeListener<SetRow> setsListener = change -> rebuild();
  private SetRow focusAfterRebuild;
  private WorkoutAddOns extras = WorkoutAddOns.NONE;

  ExerciseCards(ActiveWorkoutViewModel vm, ZoneId zone) {
    this.vm = vm;
    this.zone = zone;
    vm.exercises().addListener((ListChangeListener<ExerciseRow>) change -> rebuild());
  }

  Node node() {
    return box;
  }

  /** Draws the cards again with {@code extras} in them. */
  void setExtras(WorkoutAddOns extras) {
    this.extras = extras == null ? WorkoutAddOns.NONE : extras;
    rebuild();
  }

  /** The set of the control that has the keyboard; null when it is not in a set. */
  SetRow rowOf(Node focused) {
    return fields.rowOf(focused);
  }

  /** Puts the keyboard on {@code row}'s first field (once it is on screen) and brings it into view. */
  void focus(SetRow row) {
    TextField field = fields.firstOf(row);
    if (field == null) {
      focusAfterRebuild = row;
      return;
    }
    field.requestFocus();
    field.selectAll();
    // Already focused (the same set again): no focus change brings it into view, so ask.
    ScrollToFocus.revealLater(field);
  }

  private void rebuild() {
    fields.clear();
    List<Node> cards = new ArrayList<>();
    for (List<ExerciseRow> block : vm.blocks()) {
      boolean superset = Supersets.isSuperset(block);
      List<Node> blockCards = new ArrayList<>();
      for (ExerciseRow exercise : block) {
        blockCards.add(ExerciseCard.build(vm, exercise, superset, zone, fields, extras, this::focus,
            this::confirmRemove));
        exercise.sets().removeListener(setsListener);
        exercise.sets().addListener(setsListener);
      }
      if (superset) {
        cards.add(SupersetFrame.of(block.get(0).superset(), roundRestSpinner(block), blockCards));
      } else {
        cards.addAll(blockCards);
      }
    }
    box.getChildren().setAll(cards);
    if (focusAfterRebuild != null) {
      SetRow target = focusAfterRebuild;
      focusAfterRebuild = null;
      focus(target);
    }
  }

  /**
   * The rest after each round of a superset: it shows the group's rest, and a change sets it on the
   * last exercise, whose rest is the group's from then on.
   */
  private static Node roundRestSpinner(List<ExerciseRow> block) {
    ObjectProperty<Integer> roundRest = new SimpleObjectProperty<>(Supersets.roundRest(block, ExerciseRow::restSeconds));
    ExerciseRow last = block.get(block.size() - 1);
    roundRest.addListener((obs, old, now) -> last.restSecondsProperty().set(now));
    return RestSpinner.of(roundRest, "Rest after each round of superset " + last.superset());
  }

  private boolean confirmRemove(ExerciseRow exercise) {
    return Views.confirm(box.getScene().getWindow(), "Remove " + exercise.name() + "?",
        "Its sets already done will be removed from this workout.", "Remove");
  }
}
