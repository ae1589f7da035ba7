package dev.setwise.ui.workout;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SetType;
import dev.setwise.ui.common.Formats;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** One exercise of the workout screen: its notes and rest can change, and sets can be added or removed. */
public final class ExerciseRow {

  private final String name;
  private final ObjectProperty<Integer> restSeconds = new SimpleObjectProperty<>(this, "restSeconds");
  private final String superset;
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final ObservableList<SetRow> sets = FXCollections.observableArrayList();

  ExerciseRow(Exercise exercise, Runnable onEdit) {
    this.name = exercise.name();
    restSeconds.set(exercise.restSeconds());
    this.superset = exercise.superset();
    notes.set(exercise.notes() == null ? "" : exercise.notes());
    notes.addListener((obs, old, now) -> onEdit.run());
    restSeconds.addListener((obs, old, now) -> onEdit.run());
  }

  public String name() {
    return name;
  }

  /** Rest after each set (of a superset: after each round, on its last exercise), in seconds; null when none is set. */
  public Integer restSeconds() {
    return restSeconds.get();
  }

  /** The rest, changed mid-workout from the card (0 is no rest); saved with the session. */
  public ObjectProperty<Integer> restSecondsProperty() {
    return restSeconds;
  }

  public String superset() {
    return superset;
  }

  public StringProperty notesProperty() {
    return notes;
  }

  public StringProperty notesErrorProperty() {
    return notesError;
  }

  public ObservableList<SetRow> sets() {
    return sets;
  }

  /**
   * How the list names {@code set}: "W" for a warm-up, else its number among the working sets
   * ("1", "2", "3D"), warm-ups not counted.
   */
  public String badge(SetRow set) {
    int number = 0;
    for (SetRow each : sets) {
      if (each.type() != SetType.WARMUP) {
        number++;
      }
      if (each == set) {
        break;
      }
    }
    return Formats.setBadge(set.type(), number);
  }

  /** The same numbering in words, for the rest banner: "set 1", "set 3D", "warm-up". */
  public String setName(SetRow set) {
    return set.type() == SetType.WARMUP ? "warm-up" : "set " + badge(set);
  }
}
