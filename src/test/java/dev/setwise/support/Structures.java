package dev.setwise.support;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.time.Instant;
import java.util.List;

/** Ready-made structures for tests. */
public final class Structures {

  private Structures() {}

  /** A plan: squat 3×5 at 100 kg after a warm-up, bench 3×8 at 60 kg. */
  public static SessionStructure plan() {
    return new SessionStructure(null, Unit.KG, null, null, List.of(
        new Exercise("Squat", null, 180, null, List.of(
            SetEntry.target(SetType.WARMUP, 5, 60.0, null),
            SetEntry.target(SetType.NORMAL, 5, 100.0, 8.0),
            SetEntry.target(SetType.NORMAL, 5, 100.0, 8.5),
            SetEntry.target(SetType.NORMAL, 5, 100.0, 9.0))),
        new Exercise("Bench press", "Pause the first rep", 120, null, List.of(
            SetEntry.target(SetType.NORMAL, 8, 60.0, null),
            SetEntry.target(SetType.NORMAL, 8, 60.0, null),
            SetEntry.target(SetType.NORMAL, 8, 60.0, null)))));
  }

  /** Marks set {@code setIndex} of exercise {@code exerciseIndex} done with the given values. */
  public static SessionStructure done(SessionStructure structure, int exerciseIndex, int setIndex, int reps,
      double weight, Instant at) {
    Exercise exercise = structure.exercises().get(exerciseIndex);
    SetEntry set = exercise.sets().get(setIndex).withActuals(reps, weight, null).withCompleted(at);
    return structure.withExercise(exerciseIndex, exercise.withSet(setIndex, set));
  }
}
