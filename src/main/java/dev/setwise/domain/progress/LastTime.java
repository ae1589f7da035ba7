package dev.setwise.domain.progress;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What was done in an exercise the last time it was trained in a completed session: its completed
 * sets in order, converted to the unit asked for.
 */
public record LastTime(String exercise, LocalDate date, UUID sessionId, List<LoggedSet> sets) {

  public LastTime {
    sets = List.copyOf(sets);
  }

  /** The set in the same place last time, or null when last time had fewer sets. */
  public LoggedSet set(int index) {
    return index >= 0 && index < sets.size() ? sets.get(index) : null;
  }
}
