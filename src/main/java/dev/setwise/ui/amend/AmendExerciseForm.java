package dev.setwise.ui.amend;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import dev.setwise.ui.common.NumberText;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** One exercise of the correction with its sets; every field carries its own inline error. */
public final class AmendExerciseForm {

  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty superset = new SimpleStringProperty(this, "superset", "");
  private final StringProperty restSeconds = new SimpleStringProperty(this, "restSeconds", "");
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty nameError = new SimpleStringProperty(this, "nameError");
  private final StringProperty supersetError = new SimpleStringProperty(this, "supersetError");
  private final StringProperty restSecondsError = new SimpleStringProperty(this, "restSecondsError");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final StringProperty setsError = new SimpleStringProperty(this, "setsError");
  private final ObservableList<AmendSetForm> sets = FXCollections.observableArrayList();

  AmendExerciseForm(Exercise exercise, Runnable onEdit) {
    name.set(exercise.name() == null ? "" : exercise.name());
    superset.set(exercise.superset() == null ? "" : exercise.superset());
    restSeconds.set(NumberText.format(exercise.restSeconds()));
    notes.set(exercise.notes() == null ? "" : exercise.notes());
    for (SetEntry set : exercise.sets()) {
      sets.add(new AmendSetForm(set, onEdit));
    }
    name.addListener((obs, old, now) -> onEdit.run());
    superset.addListener((obs, old, now) -> onEdit.run());
    restSeconds.addListener((obs, old, now) -> onEdit.run());
    notes.addListener((obs, old, now) -> onEdit.run());
    sets.addListener((ListChangeListener<AmendSetForm>) change -> onEdit.run());
  }

  Exercise toExercise(String path, List<Problem> problems) {
    NumberText.Parsed<Integer> rest = NumberText.integer(restSeconds.get());
    if (!rest.ok()) {
      problems.add(new Problem(path + ".rest_seconds", rest.problem()));
    }
    List<SetEntry> entries = new ArrayList<>();
    for (int i = 0; i < sets.size(); i++) {
      entries.add(sets.get(i).toEntry(path + ".sets[" + i + "]", problems));
    }
    return new Exercise(name.get(), blankToNull(notes.get()), rest.value(), blankToNull(superset.get()), entries);
  }

  void clearErrors() {
    nameError.set(null);
    supersetError.set(null);
    restSecondsError.set(null);
    notesError.set(null);
    setsError.set(null);
    sets.forEach(AmendSetForm::clearErrors);
  }

  StringProperty errorFor(String field) {
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

  public ObservableList<AmendSetForm> sets() {
    return sets;
  }
}
