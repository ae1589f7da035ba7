package dev.setwise.domain.progress;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The records of one exercise in the profile's unit: each {@link RecordKind} (absent when there is
 * no working set) and the most reps done at any one weight.
 */
public record ExerciseRecords(String exercise, Map<RecordKind, RecordValue> best, RepsAtWeight mostReps) {

  public ExerciseRecords {
    EnumMap<RecordKind, RecordValue> copy = new EnumMap<>(RecordKind.class);
    copy.putAll(best);
    best = Collections.unmodifiableMap(copy);
  }

  /** The record of {@code kind}, or null when there is none. */
  public RecordValue get(RecordKind kind) {
    return best.get(kind);
  }

  public boolean isEmpty() {
    return best.isEmpty();
  }
}
