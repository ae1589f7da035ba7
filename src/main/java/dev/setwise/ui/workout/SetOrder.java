package dev.setwise.ui.workout;

import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the sets of a workout are done, and so where Ctrl+Enter goes next: exercise
 * by exercise, each set in turn.
 */
final class SetOrder {

  private final List<ExerciseRow> exercises;

  SetOrder(List<ExerciseRow> exercises) {
    this.exercises = exercises;
  }

  /** Every set in the order it is done. */
  List<SetRow> sequence() {
    List<SetRow> all = new ArrayList<>();
    exercises.forEach(e -> all.addAll(e.sets()));
    return all;
  }

  /** The first set not yet done, in order; null when every set is done. */
  SetRow firstNotDone() {
    return sequence().stream().filter(r -> !r.isDone()).findFirst().orElse(null);
  }

  /** The next set not yet done after {@code row}, wrapping round to the start; null when none is left. */
  SetRow nextNotDone(SetRow row) {
    List<SetRow> all = sequence();
    int from = all.indexOf(row);
    for (int i = 1; i <= all.size(); i++) {
      SetRow candidate = all.get(Math.floorMod(from + i, all.size()));
      if (!candidate.isDone()) {
        return candidate;
      }
    }
    return null;
  }

  ExerciseRow exerciseOf(SetRow row) {
    return exercises.stream().filter(e -> e.sets().contains(row)).findFirst().orElse(null);
  }

  /** The rest to start once {@code row} is done, in seconds; null for none. */
  Integer restAfter(SetRow row) {
    ExerciseRow exercise = exerciseOf(row);
    Integer rest = exercise == null ? null : exercise.restSeconds();
    return rest != null && rest > 0 ? rest : null;
  }
}
