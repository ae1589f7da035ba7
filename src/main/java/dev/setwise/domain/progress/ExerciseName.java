package dev.setwise.domain.progress;

import java.time.LocalDate;
import java.util.List;

/**
 * One exercise of a profile's catalogue: its key after aliases, the name it is shown by, the other
 * keys that count as it (aliases), and when it was last done (null when only plans name it).
 */
public record ExerciseName(String key, String name, List<String> aliasKeys, LocalDate lastDone) {

  public ExerciseName {
    aliasKeys = List.copyOf(aliasKeys);
  }

  /** Every key whose sets count for this exercise: its own and its aliases'. */
  public List<String> keys() {
    java.util.ArrayList<String> all = new java.util.ArrayList<>(aliasKeys.size() + 1);
    all.add(key);
    all.addAll(aliasKeys);
    return all;
  }
}
