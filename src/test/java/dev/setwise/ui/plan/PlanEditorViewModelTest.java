package dev.setwise.ui.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import dev.setwise.ui.UiFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanEditorViewModelTest {

  @TempDir
  Path dir;

  UiFixture f;
  PlansViewModel plans;
  PlanEditorViewModel editor;

  @BeforeEach
  void open() {
    f = new UiFixture(dir);
    plans = new PlansViewModel(f.services, f.tasks, f.profile, f.navigator);
    editor = plans.editor();
    plans.refresh();
  }

  @AfterEach
  void close() {
    f.close();
  }

  private void fillValidPlan() {
    editor.nameProperty().set("Push A");
    ExerciseForm bench = editor.exercises().get(0);
    bench.nameProperty().set("Bench press");
    bench.sets().get(0).targetWeightProperty().set("60");
  }

  @Test
  void aNewPlanIsNotSavedUntilItIsValid() {
    plans.newPlan();

    assertThat(editor.unitProperty().get()).isEqualTo(Unit.KG);
    assertThat(editor.validProperty().get()).isFalse();
    assertThat(editor.nameErrorProperty().get()).as("no problem shown before the first keystroke").isNull();
    assertThat(editor.exercises().get(0).nameErrorProperty().get()).isNull();
    assertThat(editor.problems()).isEmpty();

    plans.save();
    assertThat(editor.errorProperty().get()).isEqualTo("Not saved: Name must be 1 to 120 characters");
    assertThat(editor.nameErrorProperty().get()).isEqualTo("Name must be 1 to 120 characters");
    assertThat(editor.exercises().get(0).nameErrorProperty().get()).isEqualTo("Name must be 1 to 120 characters");
    assertThat(f.services.plans().list(f.owner())).isEmpty();
  }

  @Test
  void aNewPlanShowsItsProblemsFromTheFirstKeystroke() {
    plans.newPlan();
    editor.nameProperty().set("P");

    assertThat(editor.nameErrorProperty().get()).isNull();
    assertThat(editor.exercises().get(0).nameErrorProperty().get()).isEqualTo("Name must be 1 to 120 characters");
    assertThat(editor.problems()).hasSize(1);
  }

  @ParameterizedTest(name = "{0} = \"{1}\" says \"{2}\"")
  @CsvSource(delimiter = '|', value = {
      "reps   | 1001 | Target reps must be an integer from 0 to 1000",
      "reps   | 2.5  | Target reps must be a whole number",
      "weight | -5   | Target weight must be from 0 to 10000",
      "weight | lots | Target weight must be a number",
      "rpe    | 7.3  | Target RPE must be a multiple of 0.5",
      "rpe    | 0    | Target RPE must be from 1 to 10"})
  void aWrongTargetNamesTheFieldAndItsLimit(String field, String text, String message) {
    plans.newPlan();
    fillValidPlan();
    SetForm set = editor.exercises().get(0).sets().get(0);
    switch (field) {
      case "reps" -> set.targetRepsProperty().set(text);
      case "weight" -> set.targetWeightProperty().set(text);
      default -> set.targetRpeProperty().set(text);
    }
    String shown = switch (field) {
      case "reps" -> set.targetRepsErrorProperty().get();
      case "weight" -> set.targetWeightErrorProperty().get();
      default -> set.targetRpeErrorProperty().get();
    };
    assertThat(shown).isEqualTo(message);
    assertThat(editor.validProperty().get()).isFalse();
    assertThat(editor.problems()).first().asString().startsWith("Exercise 1, set 1: target");
  }

  @Test
  void exerciseFieldsAreCheckedToo() {
    plans.newPlan();
    fillValidPlan();
    ExerciseForm bench = editor.exercises().get(0);
    bench.restSecondsProperty().set("4000");
    bench.supersetProperty().set("ABCDEFGHIJ");
    assertThat(bench.restSecondsErrorProperty().get()).isEqualTo("Rest seconds must be an integer from 0 to 3600");
    assertThat(bench.supersetErrorProperty().get()).isEqualTo("Superset label must be 1 to 8 characters");
    bench.restSecondsProperty().set("120");
    bench.supersetProperty().set("A");
    assertThat(editor.validProperty().get()).isTrue();
  }

  @Test
  void aValidPlanIsSavedWithItsExercisesInOrderAndSelected() {
    plans.newPlan();
    fillValidPlan();
    ExerciseForm second = editor.addExercise();
    second.nameProperty().set("Overhead press");
    editor.addSet(second).typeProperty().set(SetType.AMRAP);
    editor.moveExercise(second, -1);

    plans.save();

    assertThat(plans.plans()).extracting(PlanSummary::name).containsExactly("Push A");
    assertThat(plans.selectedProperty().get().name()).isEqualTo("Push A");
    Plan saved = f.services.plans().get(f.owner(), editor.planIdProperty().get());
    assertThat(saved.structure().exercises()).extracting(e -> e.name()).containsExactly("Overhead press", "Bench press");
    assertThat(saved.structure().exercises().get(0).sets()).extracting(s -> s.type())
        .containsExactly(SetType.NORMAL, SetType.AMRAP);
    assertThat(saved.structure().exercises().get(1).sets().get(0).targetWeight()).isEqualTo(60.0);
    assertThat(editor.dirtyProperty().get()).isFalse();
  }

  @Test
  void renamingASelectedPlanUpdatesIt() {
    Plan plan = f.services.plans().create(f.owner(), "Legs", Structures.plan());
    plans.refresh();
    plans.select(plans.plans().get(0));
    assertThat(editor.exercises()).hasSize(2);
    assertThat(editor.exercises().get(0).sets().get(1).targetRpeProperty().get()).isEqualTo("8");

    editor.nameProperty().set("Legs heavy");
    assertThat(editor.dirtyProperty().get()).isTrue();
    plans.save();

    assertThat(f.services.plans().get(f.owner(), plan.id()).name()).isEqualTo("Legs heavy");
    assertThat(plans.messageProperty().get()).isEqualTo("Saved “Legs heavy”.");

    editor.nameProperty().set("Oops");
    editor.exercises().get(0).restSecondsProperty().set("abc");
    plans.revert();
    assertThat(editor.nameProperty().get()).isEqualTo("Legs heavy");
    assertThat(editor.exercises().get(0).restSecondsProperty().get()).isEqualTo("180");
    assertThat(editor.dirtyProperty().get()).isFalse();
    assertThat(editor.validProperty().get()).isTrue();
  }

  @Test
  void duplicateMakesACopyAndDeleteSaysWhatItWillDo() {
    Plan used = f.services.plans().create(f.owner(), "Used", Structures.plan());
    f.services.sessions().start(f.owner(), used.id(), null);
    f.services.plans().create(f.owner(), "Fresh", Structures.plan());
    plans.refresh();

    PlanSummary usedSummary = plans.plans().stream().filter(p -> p.name().equals("Used")).findFirst().orElseThrow();
    PlanSummary freshSummary = plans.plans().stream().filter(p -> p.name().equals("Fresh")).findFirst().orElseThrow();
    assertThat(plans.deleteQuestion(usedSummary)).contains("will be archived").contains("sessions stay in History");
    assertThat(plans.deleteQuestion(freshSummary)).contains("deleted for good");

    plans.select(freshSummary);
    plans.duplicate();
    assertThat(plans.plans()).extracting(PlanSummary::name).containsExactlyInAnyOrder("Fresh", "Fresh (copy)", "Used");

    plans.select(usedSummary);
    plans.delete();
    assertThat(plans.messageProperty().get()).isEqualTo("Archived “Used”; its sessions are still in History.");
    assertThat(plans.plans()).extracting(PlanSummary::name).containsExactlyInAnyOrder("Fresh", "Fresh (copy)");
    assertThat(f.services.plans().get(f.owner(), used.id()).archived()).isTrue();
  }

  @Test
  void startWorkoutAsksForTheStartFormWithThePlan() {
    Plan plan = f.services.plans().create(f.owner(), "Legs", Structures.plan());
    plans.refresh();
    plans.select(plans.plans().get(0));
    plans.startWorkout();
    assertThat(f.navigator.calls).containsExactly("start " + plan.id());
  }
}
