package dev.setwise.domain;

import java.time.Instant;

/**
 * One set of an exercise: its targets (from the plan) and what was actually done. Every number is
 * optional ({@code null} means absent). Bounds are checked by {@link StructureValidator}, not here,
 * so that a half-typed value can be held and reported with its path.
 */
public record SetEntry(
    SetType type,
    Integer targetReps,
    Double targetWeight,
    Double targetRpe,
    Integer reps,
    Double weight,
    Double rpe,
    Integer durationSeconds,
    Double distanceM,
    boolean completed,
    Instant completedAt) {

  public SetEntry {
    type = type == null ? SetType.NORMAL : type;
  }

  /** A plan set: only targets. */
  public static SetEntry target(SetType type, Integer targetReps, Double targetWeight, Double targetRpe) {
    return new SetEntry(type, targetReps, targetWeight, targetRpe, null, null, null, null, null, false, null);
  }

  /** True when any value that records what was done (rather than the target) is present. */
  public boolean hasActualValues() {
    return reps != null || weight != null || rpe != null || completed || completedAt != null;
  }

  /** The volume this set adds: reps × weight when completed and not a warm-up, else zero. */
  public double volume() {
    if (!completed || type == SetType.WARMUP || reps == null || weight == null) {
      return 0;
    }
    return reps * weight;
  }

  public SetEntry withType(SetType newType) {
    return new SetEntry(newType, targetReps, targetWeight, targetRpe, reps, weight, rpe,
        durationSeconds, distanceM, completed, completedAt);
  }

  public SetEntry withTargets(Integer newTargetReps, Double newTargetWeight, Double newTargetRpe) {
    return new SetEntry(type, newTargetReps, newTargetWeight, newTargetRpe, reps, weight, rpe,
        durationSeconds, distanceM, completed, completedAt);
  }

  public SetEntry withActuals(Integer newReps, Double newWeight, Double newRpe) {
    return new SetEntry(type, targetReps, targetWeight, targetRpe, newReps, newWeight, newRpe,
        durationSeconds, distanceM, completed, completedAt);
  }

  public SetEntry withDurationAndDistance(Integer newDurationSeconds, Double newDistanceM) {
    return new SetEntry(type, targetReps, targetWeight, targetRpe, reps, weight, rpe,
        newDurationSeconds, newDistanceM, completed, completedAt);
  }

  /** Marks the set done at {@code at}, or not done (clearing the stamp) when {@code at} is null. */
  public SetEntry withCompleted(Instant at) {
    return new SetEntry(type, targetReps, targetWeight, targetRpe, reps, weight, rpe,
        durationSeconds, distanceM, at != null, at);
  }

  /** The same targets with every actual value cleared: how a plan set starts in a new session. */
  public SetEntry targetsOnly() {
    return new SetEntry(type, targetReps, targetWeight, targetRpe, null, null, null,
        durationSeconds, distanceM, false, null);
  }
}
