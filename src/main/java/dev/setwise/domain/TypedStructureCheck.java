package dev.setwise.domain;

import java.time.Instant;

/**
 * A fast answer to "would {@link StructureValidator#check} accept this structure unchanged?",
 * read straight from the records instead of from a JSON tree built for the purpose. It says yes
 * only when every rule of contract §2 holds and the tree path would hand back an equal structure
 * (names already trimmed, no negative zero, instants already at milliseconds); any doubt is a no,
 * and the caller then takes the tree path, which reports every problem with its path. So the
 * bounds live twice, here as plain comparisons; {@code TypedStructureCheckTest} holds the two to
 * the same answers.
 */
final class TypedStructureCheck {

  private TypedStructureCheck() {}

  static boolean passes(SessionStructure structure) {
    if (structure == null || structure.unit() == null) {
      return false;
    }
    if (structure.name() != null && !trimmedLength(structure.name(), 1, StructureValidator.MAX_NAME)) {
      return false;
    }
    if (!notes(structure.notes()) || !decimal(structure.bodyweight(), 0, true, 1000, false)) {
      return false;
    }
    if (structure.exercises().size() > StructureValidator.MAX_EXERCISES) {
      return false;
    }
    for (Exercise exercise : structure.exercises()) {
      if (exercise == null || !exercise(exercise)) {
        return false;
      }
    }
    return true;
  }

  private static boolean exercise(Exercise exercise) {
    if (exercise.name() == null || !trimmedLength(exercise.name(), 1, StructureValidator.MAX_NAME)) {
      return false;
    }
    if (!notes(exercise.notes()) || !integer(exercise.restSeconds(), 0, StructureValidator.MAX_REST_SECONDS)) {
      return false;
    }
    if (exercise.superset() != null && !trimmedLength(exercise.superset(), 1, StructureValidator.MAX_SUPERSET)) {
      return false;
    }
    if (exercise.sets().size() > StructureValidator.MAX_SETS) {
      return false;
    }
    for (SetEntry set : exercise.sets()) {
      if (set == null || !set(set)) {
        return false;
      }
    }
    return true;
  }

  private static boolean set(SetEntry set) {
    return set.type() != null
        && integer(set.targetReps(), 0, StructureValidator.MAX_REPS)
        && decimal(set.targetWeight(), 0, false, 10_000, false)
        && decimal(set.targetRpe(), 1, false, 10, true)
        && integer(set.reps(), 0, StructureValidator.MAX_REPS)
        && decimal(set.weight(), 0, false, 10_000, false)
        && decimal(set.rpe(), 1, false, 10, true)
        && integer(set.durationSeconds(), 0, StructureValidator.MAX_DURATION_SECONDS)
        && decimal(set.distanceM(), 0, false, 1_000_000, false)
        && instant(set.completedAt());
  }

  /** Already trimmed (the tree path would trim it), {@code min..max} code points. */
  private static boolean trimmedLength(String text, int min, int max) {
    if (!text.equals(text.strip())) {
      return false;
    }
    int length = text.codePointCount(0, text.length());
    return length >= min && length <= max;
  }

  private static boolean notes(String notes) {
    return notes == null || notes.codePointCount(0, notes.length()) <= StructureValidator.MAX_NOTES;
  }

  private static boolean integer(Integer value, int min, int max) {
    return value == null || (value >= min && value <= max);
  }

  /**
   * Finite, in range and (with {@code halves}) a multiple of 0.5. The bounds are whole numbers, so
   * comparing the double is the same as comparing its shortest decimal, as the tree path does;
   * negative zero would come back as zero, so it is left to the tree path.
   */
  private static boolean decimal(Double value, double min, boolean minExclusive, double max, boolean halves) {
    if (value == null) {
      return true;
    }
    double d = value;
    if (!Double.isFinite(d) || Double.doubleToRawLongBits(d) == Long.MIN_VALUE) {
      return false;
    }
    if (minExclusive ? d <= min : d < min) {
      return false;
    }
    if (d > max) {
      return false;
    }
    return !halves || d * 2 == Math.rint(d * 2);
  }

  /** The tree path writes and reads an instant back at millisecond precision. */
  private static boolean instant(Instant at) {
    return at == null || at.getNano() % 1_000_000 == 0;
  }
}
