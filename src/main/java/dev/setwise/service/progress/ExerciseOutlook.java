package dev.setwise.service.progress;

import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.LastTime;
import dev.setwise.domain.progress.RepsAtWeight;
import java.util.List;

/**
 * What the workout screen needs of one exercise before the first set: last time's sets and the
 * records a set must beat (its badge is then decided in memory, at once).
 */
public record ExerciseOutlook(String exercise, LastTime last, ExerciseRecords records, List<RepsAtWeight> repsAtWeight) {

  public ExerciseOutlook {
    repsAtWeight = List.copyOf(repsAtWeight);
  }
}
