package dev.setwise.ui.workout;

import javafx.scene.Node;

/**
 * What other screens add to the workout on screen: a node in each exercise's head (its history)
 * and one in each set's line (what was done last time, a record badge, the plate calculator).
 * Either may answer null to add nothing. Called on the FX thread whenever the cards are rebuilt.
 */
public interface WorkoutAddOns {

  WorkoutAddOns NONE = new WorkoutAddOns() {
    @Override
    public Node forExercise(ExerciseRow exercise) {
      return null;
    }

    @Override
    public Node forSet(ExerciseRow exercise, SetRow row) {
      return null;
    }
  };

  Node forExercise(ExerciseRow exercise);

  Node forSet(ExerciseRow exercise, SetRow row);
}
