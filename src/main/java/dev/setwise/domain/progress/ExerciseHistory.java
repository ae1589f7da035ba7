package dev.setwise.domain.progress;

import dev.setwise.domain.Unit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything Setwise knows about one exercise (contract §4a's {@code stats exercise}): its sessions
 * oldest first (all of them, or the newest few when asked), its records, the rep maxes for 1 to 12
 * reps (absent keys have none) and the most reps done at each weight. Numbers in {@code unit}.
 */
public record ExerciseHistory(String exercise, Unit unit, List<ExerciseSession> sessions, int totalSessions,
    ExerciseRecords records, Map<Integer, RecordValue> repMaxes, List<RepsAtWeight> repsAtWeight) {

  public ExerciseHistory {
    sessions = List.copyOf(sessions);
    repMaxes = Collections.unmodifiableMap(new TreeMap<>(repMaxes));
    repsAtWeight = List.copyOf(repsAtWeight);
  }
}
