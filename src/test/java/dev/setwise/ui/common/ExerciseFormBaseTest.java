package dev.setwise.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.Test;

/**
 * The exercise form both the plan editor and the correction are built of, with a set row of its
 * own, and the placement of the problems found in what they hold.
 */
class ExerciseFormBaseTest {

  /** A set row with one field, reps, read as an integer. */
  static final class RepsRow implements SetRowForm {
    final StringProperty reps = new SimpleStringProperty();
    final StringProperty repsError = new SimpleStringProperty();

    RepsRow(SetEntry set) {
      reps.set(NumberText.format(set.reps()));
    }

    @Override
    public SetEntry toEntry(String path, List<Problem> problems) {
      NumberText.Parsed<Integer> value = NumberText.integer(reps.get());
      if (!value.ok()) {
        problems.add(new Problem(path + ".reps", value.problem()));
      }
      return new SetEntry(SetType.NORMAL, null, null, null, value.value(), null, null, null, null, false, null);
    }

    @Override
    public StringProperty errorFor(String field) {
      return field.equals("reps") ? repsError : null;
    }

    @Override
    public void clearErrors() {
      repsError.set(null);
    }
  }

  static final class Form extends ExerciseFormBase<RepsRow> {
    Form(Exercise exercise, Runnable onEdit) {
      super(exercise, RepsRow::new, onEdit);
    }
  }

  private static SetEntry done(int reps) {
    return new SetEntry(SetType.NORMAL, null, null, null, reps, null, null, null, null, false, null);
  }

  private static Form bench(Runnable onEdit) {
    return new Form(new Exercise("Bench press", null, 90, "A", List.of(done(5), done(3))), onEdit);
  }

  @Test
  void theSetRowsAreTheEditorsOwnAndReportUnderTheirPlace() {
    Form form = bench(() -> { });
    form.restSecondsProperty().set("1.5");
    form.sets().get(1).reps.set("x");

    List<Problem> problems = new ArrayList<>();
    Exercise typed = form.toExercise("session.exercises[2]", problems);

    assertThat(typed.name()).isEqualTo("Bench press");
    assertThat(typed.superset()).isEqualTo("A");
    assertThat(typed.sets()).extracting(SetEntry::reps).containsExactly(5, null);
    assertThat(problems).extracting(Problem::path)
        .containsExactly("session.exercises[2].rest_seconds", "session.exercises[2].sets[1].reps");
  }

  @Test
  void everyFieldAndEveryChangeOfTheSetsCountsAsAnEdit() {
    AtomicInteger edits = new AtomicInteger();
    Form form = bench(edits::incrementAndGet);
    assertThat(edits).as("filling the form in is not an edit").hasValue(0);

    form.nameProperty().set("Incline press");
    form.supersetProperty().set("");
    form.restSecondsProperty().set("60");
    form.notesProperty().set("Slow");
    form.sets().remove(0);

    assertThat(edits).hasValue(5);
  }

  @Test
  void eachProblemIsShownUnderItsFieldAndTheRestAreDescribedInOrder() {
    List<Form> exercises = List.of(bench(() -> { }), bench(() -> { }));
    StructureErrors errors = new StructureErrors("session");
    List<Problem> found = List.of(
        new Problem("session.exercises[1].sets[0].reps", "must be an integer from 0 to 1000"),
        new Problem("session.exercises[1].sets[0].reps", "must be a whole number"),
        new Problem("session.exercises[0].name", "must be 1 to 120 characters"),
        new Problem("session.exercises[0].sets[1].completed_at", "must be after the start"),
        new Problem("session.exercises[5].name", "must be 1 to 120 characters"),
        new Problem("structure.exercises[0].notes", "must be at most 4000 characters"));

    List<String> unplaced = StructureErrors.place(found, path -> errors.exerciseError(exercises, path));

    assertThat(exercises.get(1).sets().get(0).repsError.get())
        .as("the first problem of a field is the one shown").isEqualTo("Reps must be an integer from 0 to 1000");
    assertThat(exercises.get(0).nameErrorProperty().get()).isEqualTo("Name must be 1 to 120 characters");
    assertThat(exercises.get(0).notesErrorProperty().get()).as("another editor's path is not this one's").isNull();
    assertThat(unplaced).containsExactly("Exercise 1, set 2: done at must be after the start",
        "Exercise 6: name must be 1 to 120 characters", "Exercise 1: notes must be at most 4000 characters");

    exercises.get(1).clearErrors();
    assertThat(exercises.get(1).sets().get(0).repsError.get()).as("clearing reaches the set rows").isNull();
  }

  @Test
  void aMoveStaysInsideTheListAndItsRemovalHalfRunsQuietly() {
    javafx.collections.ObservableList<String> forms = javafx.collections.FXCollections.observableArrayList("A", "B", "C");
    List<String> loud = new ArrayList<>();
    boolean[] quiet = {false};
    forms.addListener((javafx.collections.ListChangeListener<String>) change -> loud.add(quiet[0] ? "quiet" : "edit"));
    java.util.function.Consumer<Runnable> quietly = change -> {
      quiet[0] = true;
      try {
        change.run();
      } finally {
        quiet[0] = false;
      }
    };

    ExerciseFormBase.move(forms, "C", -2, quietly);
    assertThat(forms).containsExactly("C", "A", "B");
    assertThat(loud).containsExactly("quiet", "edit");

    ExerciseFormBase.move(forms, "C", -1, quietly);
    ExerciseFormBase.move(forms, "B", 1, quietly);
    ExerciseFormBase.move(forms, "missing", 1, quietly);
    assertThat(forms).as("moves past either end, or of a form not in the list, do nothing").containsExactly("C", "A", "B");
    assertThat(loud).hasSize(2);
  }
}
