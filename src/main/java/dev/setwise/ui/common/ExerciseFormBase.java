package dev.setwise.ui.common;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * One exercise being edited with its sets, as the plan editor and the correction of a session
 * both show it: name, superset label, rest and notes, every field with its own inline error. The
 * two differ only in their set rows ({@code S}), which each editor makes from a recorded set.
 */
public abstract class ExerciseFormBase<S extends SetRowForm> {

  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty superset = new SimpleStringProperty(this, "superset", "");
  private final StringProperty restSeconds = new SimpleStringProperty(this, "restSeconds", "");
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty nameError = new SimpleStringProperty(this, "nameError");
  private final StringProperty supersetError = new SimpleStringProperty(this, "supersetError");
  private final StringProperty restSecondsError = new SimpleStringProperty(this, "restSecondsError");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final StringProperty setsError = new SimpleStringProperty(this, "setsError");
  private final ObservableList<S> sets = FXCollections.observableArrayList();

  /**
   * Moves {@code form} by {@code delta} places within {@code forms}, nothing when that leaves the
   * list. The removal, the first half of the move, runs inside {@code quietly} so that an editor
   * counting list changes as edits sees one edit, not two. FX thread.
   */
  public static <F> void move(ObservableList<F> forms, F form, int delta, Consumer<Runnable> quietly) {
    int from = forms.indexOf(form);
    int to = from + delta;
    if (from < 0 || to < 0 || to >= forms.size()) {
      return;
    }
    quietly.accept(() -> forms.remove(from));
    forms.add(to, form);
  }

  /**
   * @param setRow makes the row of one of {@code exercise}'s sets
   * @param onEdit runs on every change of a field, a set row or the list of sets
   */
  protected ExerciseFormBase(Exercise exercise, Function<SetEntry, S> setRow, Runnable onEdit) {
    name.set(exercise.name() == null ? "" : exercise.name());
    superset.set(exercise.superset() == null ? "" : exercise.superset());
    restSeconds.set(NumberText.format(exercise.restSeconds()));
    notes.set(exercise.notes() == null ? "" : exercise.notes());
    for (SetEntry set : exercise.sets()) {
      sets.add(setRow.apply(set));
    }
    name.addListener((obs, old, now) -> onEdit.run());
    superset.addListener((obs, old, now) -> onEdit.run());
    restSeconds.addListener((obs, old, now) -> onEdit.run());
    notes.addListener((obs, old, now) -> onEdit.run());
    sets.addListener((ListChangeListener<S>) change -> onEdit.run());
  }

  /** The exercise as typed; text that is not a number is reported to {@code problems} under {@code path}. */
  public Exercise toExercise(String path, List<Problem> problems) {
    NumberText.Parsed<Integer> rest = NumberText.integer(restSeconds.get());
    if (!rest.ok()) {
      problems.add(new Problem(path + ".rest_seconds", rest.problem()));
    }
    List<SetEntry> entries = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      entries.add(sets.get(i).toEntry(path + ".sets[" + i + "]", problems));
    }
    // Name and superset go to the domain untrimmed-but-present, so it names an empty one; notes as typed.
    return new Exercise(name.get(), blankToNull(notes.get()), rest.value(), blankToNull(superset.get()), entries);
  }

  public void clearErrors() {
    nameError.set(null);
    supersetError.set(null);
    restSecondsError.set(null);
    notesError.set(null);
    setsError.set(null);
    sets.forEach(SetRowForm::clearErrors);
  }

  /** The inline error of the exercise's own field a validation path ends in ({@code "name"}), or null. */
  public StringProperty errorFor(String field) {
    return switch (field) {
      case "name" -> nameError;
      case "superset" -> supersetError;
      case "rest_seconds" -> restSecondsError;
      case "notes" -> notesError;
      case "sets" -> setsError;
      default -> null;
    };
  }

  private static String blankToNull(String text) {
    return text == null || text.isEmpty() ? null : text;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty supersetProperty() {
    return superset;
  }

  public StringProperty restSecondsProperty() {
    return restSeconds;
  }

  public StringProperty notesProperty() {
    return notes;
  }

  public StringProperty nameErrorProperty() {
    return nameError;
  }

  public StringProperty supersetErrorProperty() {
    return supersetError;
  }

  public StringProperty restSecondsErrorProperty() {
    return restSecondsError;
  }

  public StringProperty notesErrorProperty() {
    return notesError;
  }

  public StringProperty setsErrorProperty() {
    return setsError;
  }

  public ObservableList<S> sets() {
    return sets;
  }
}
