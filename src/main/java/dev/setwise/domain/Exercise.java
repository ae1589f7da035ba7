package dev.setwise.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One exercise of a structure with its sets, in order. */
public record Exercise(String name, String notes, Integer restSeconds, String superset, List<SetEntry> sets) {

  public Exercise {
    sets = sets == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(sets));
  }

  public Exercise withName(String newName) {
    return new Exercise(newName, notes, restSeconds, superset, sets);
  }

  public Exercise withNotes(String newNotes) {
    return new Exercise(name, newNotes, restSeconds, superset, sets);
  }

  public Exercise withRestSeconds(Integer newRestSeconds) {
    return new Exercise(name, notes, newRestSeconds, superset, sets);
  }

  public Exercise withSuperset(String newSuperset) {
    return new Exercise(name, notes, restSeconds, newSuperset, sets);
  }

  public Exercise withSets(List<SetEntry> newSets) {
    return new Exercise(name, notes, restSeconds, superset, newSets);
  }

  public Exercise withSet(int index, SetEntry set) {
    List<SetEntry> copy = new ArrayList<>(sets);
    copy.set(index, set);
    return withSets(copy);
  }
}
