package dev.setwise.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * What was done in a session, as the targets of another: "Repeat this workout" (a new session) and
 * "Save as plan" (a new plan). Each set keeps its type and gets as targets the reps, weight and RPE
 * it was done with; a set not done keeps its own targets. Every actual value is cleared. Exercise
 * names, notes, rest and superset labels are kept; the session's notes and bodyweight belong to
 * that day and are not copied.
 */
public final class DoneAsTargets {

  private DoneAsTargets() {}

  /** The snapshot of a session that repeats {@code done}: its name, its exercises, done values as targets. */
  public static SessionStructure session(SessionStructure done) {
    return new SessionStructure(done.name(), done.unit(), null, null, exercises(done));
  }

  /** The structure of a plan made from {@code done} (a plan's name is its own, not the structure's). */
  public static SessionStructure plan(SessionStructure done) {
    return new SessionStructure(null, done.unit(), null, null, exercises(done));
  }

  private static List<Exercise> exercises(SessionStructure done) {
    List<Exercise> exercises = new ArrayList<>(done.exercises().size());
    for (Exercise exercise : done.exercises()) {
      List<SetEntry> sets = new ArrayList<>(exercise.sets().size());
      for (SetEntry set : exercise.sets()) {
        sets.add(asTarget(set));
      }
      exercises.add(exercise.withSets(sets));
    }
    return exercises;
  }

  static SetEntry asTarget(SetEntry set) {
    if (!set.completed() || (set.reps() == null && set.weight() == null && set.rpe() == null)) {
      return set.targetsOnly();
    }
    return set.withTargets(set.reps() != null ? set.reps() : set.targetReps(),
        set.weight() != null ? set.weight() : set.targetWeight(),
        set.rpe() != null ? set.rpe() : set.targetRpe()).targetsOnly();
  }
}
