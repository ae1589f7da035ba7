package dev.setwise.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The workout itself, as {@code contract.md} §2 describes: a plan's template or a session's
 * snapshot. Immutable; the {@code with…} methods return changed copies.
 */
public record SessionStructure(String name, Unit unit, String notes, Double bodyweight, List<Exercise> exercises) {

  public SessionStructure {
    exercises = exercises == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(exercises));
  }

  public static SessionStructure empty(Unit unit) {
    return new SessionStructure(null, unit, null, null, List.of());
  }

  public SessionStructure withName(String newName) {
    return new SessionStructure(newName, unit, notes, bodyweight, exercises);
  }

  public SessionStructure withUnit(Unit newUnit) {
    return new SessionStructure(name, newUnit, notes, bodyweight, exercises);
  }

  public SessionStructure withNotes(String newNotes) {
    return new SessionStructure(name, unit, newNotes, bodyweight, exercises);
  }

  public SessionStructure withBodyweight(Double newBodyweight) {
    return new SessionStructure(name, unit, notes, newBodyweight, exercises);
  }

  public SessionStructure withExercises(List<Exercise> newExercises) {
    return new SessionStructure(name, unit, notes, bodyweight, newExercises);
  }

  public SessionStructure withExercise(int index, Exercise exercise) {
    List<Exercise> copy = new ArrayList<>(exercises);
    copy.set(index, exercise);
    return withExercises(copy);
  }

  /** The same workout with every actual value cleared, as a new session starts from a plan. */
  public SessionStructure targetsOnly() {
    List<Exercise> cleared = new ArrayList<>(exercises.size());
    for (Exercise exercise : exercises) {
      cleared.add(exercise.withSets(exercise.sets().stream().map(SetEntry::targetsOnly).toList()));
    }
    return withExercises(cleared);
  }

  /** Counts and volume, as written into the summary columns beside the snapshot. */
  public StructureStats stats() {
    return StructureStats.of(this);
  }
}
