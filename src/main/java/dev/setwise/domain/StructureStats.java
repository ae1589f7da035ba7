package dev.setwise.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The figures a history list shows without reading the snapshot. Volume follows the contract:
 * Σ reps × weight over completed, non-warm-up sets, summed exactly and rounded to 3 decimals.
 */
public record StructureStats(int exerciseCount, int setCount, int completedSetCount, double volume) {

  public static StructureStats of(SessionStructure structure) {
    int sets = 0;
    int completed = 0;
    BigDecimal volume = BigDecimal.ZERO;
    for (Exercise exercise : structure.exercises()) {
      for (SetEntry set : exercise.sets()) {
        sets++;
        if (set.completed()) {
          completed++;
        }
        if (set.completed() && set.type() != SetType.WARMUP && set.reps() != null && set.weight() != null) {
          volume = volume.add(BigDecimal.valueOf(set.weight()).multiply(BigDecimal.valueOf(set.reps())));
        }
      }
    }
    return new StructureStats(structure.exercises().size(), sets, completed,
        volume.setScale(3, RoundingMode.HALF_UP).doubleValue());
  }
}
