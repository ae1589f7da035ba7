package dev.setwise.ui.workout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.UiFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkoutViewModelTest {

  @TempDir
  Path dir;

  UiFixture f;
  Plan plan;
  AtomicInteger chimes = new AtomicInteger();
  WorkoutViewModel vm;

  @BeforeEach
  void open() {
    f = new UiFixture(dir);
    plan = f.services.plans().create(f.owner(), "Strength A", Structures.plan());
    vm = new WorkoutViewModel(f.services, f.tasks, chimes::incrementAndGet, f.profile, f.navigator);
    vm.refresh();
  }

  @AfterEach
  void close() {
    f.close();
  }

  private Session stored() {
    return f.services.sessions().get(f.owner(), vm.sessionProperty().get().id());
  }

  private SetEntry storedSet(int exercise, int set) {
    return stored().structure().exercises().get(exercise).sets().get(set);
  }

  @Test
  void withNothingInProgressTheStartFormOffersThePlansAndToday() {
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(vm.startForm().plans()).extracting(p -> p.name()).containsExactly("Strength A");
    assertThat(vm.startForm().chosenPlanProperty().get().id()).isEqualTo(plan.id());
    assertThat(vm.startForm().dateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 24));
  }

  @Test
  void startOpensTheSessionWithActualsPrefilledFromTargetsButNotRecorded() {
    vm.startForm().dateProperty().set(LocalDate.of(2026, 11, 20));
    vm.startForm().start();

    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.ACTIVE);
    assertThat(stored().date()).isEqualTo(LocalDate.of(2026, 11, 20));
    SetRow first = vm.active().exercises().get(0).sets().get(1);
    assertThat(first.reps().textProperty().get()).isEqualTo("5");
    assertThat(first.weight().textProperty().get()).isEqualTo("100");
    assertThat(first.rpe().textProperty().get()).isEqualTo("8");
    assertThat(first.reps().prefilledProperty().get()).isTrue();
    assertThat(storedSet(0, 1).reps()).isNull();
    assertThat(vm.active().titleProperty().get()).isEqualTo("Strength A");
  }

  @Test
  void doneAndNextRecordsThePrefilledValuesStampsTheTimeSavesAndMovesOn() {
    vm.startForm().start();
    f.t.clock.advance(Duration.ofMinutes(3));

    SetRow next = vm.active().doneAndNext(null);

    SetEntry saved = storedSet(0, 0);
    assertThat(saved.completed()).isTrue();
    assertThat(saved.completedAt()).isEqualTo(TestContext.START.plus(Duration.ofMinutes(3)));
    assertThat(saved.reps()).isEqualTo(5);
    assertThat(saved.weight()).isEqualTo(60.0);
    assertThat(next).isSameAs(vm.active().exercises().get(0).sets().get(1));
    assertThat(vm.saver().saveStateProperty().get()).isEqualTo(WorkoutSaver.SaveState.SAVED);
    assertThat(vm.saver().saveMessageProperty().get()).startsWith("Saved at");
    assertThat(vm.active().progressProperty().get()).isEqualTo("1 of 7 sets done · 0 kg");
  }

  @Test
  void aTypedValueIsSavedAtOnceAndTheSetCanBeUndone() {
    vm.startForm().start();
    SetRow row = vm.active().exercises().get(0).sets().get(1);

    row.reps().textProperty().set("6");
    assertThat(storedSet(0, 1).reps()).isEqualTo(6);
    assertThat(storedSet(0, 1).weight()).isNull();

    vm.active().setDone(row, true);
    assertThat(storedSet(0, 1).weight()).isEqualTo(100.0);
    assertThat(vm.active().progressProperty().get()).isEqualTo("1 of 7 sets done · 600 kg");

    vm.active().setDone(row, false);
    assertThat(storedSet(0, 1).completed()).isFalse();
    assertThat(storedSet(0, 1).completedAt()).isNull();
    assertThat(storedSet(0, 1).reps()).isEqualTo(6);
  }

  @Test
  void aValueOutOfRangeIsShownOnItsFieldAndNothingInvalidIsSaved() {
    vm.startForm().start();
    SetRow row = vm.active().exercises().get(0).sets().get(1);
    row.reps().textProperty().set("7");

    row.rpe().textProperty().set("11");
    row.weight().textProperty().set("heavy");

    assertThat(row.rpe().errorProperty().get()).isEqualTo("RPE must be from 1 to 10");
    assertThat(row.weight().errorProperty().get()).isEqualTo("Weight must be a number");
    assertThat(vm.saver().saveStateProperty().get()).isEqualTo(WorkoutSaver.SaveState.INVALID);
    assertThat(vm.saver().saveMessageProperty().get()).startsWith("Not saved: Exercise 1, set 2:");
    assertThat(storedSet(0, 1).reps()).isEqualTo(7);
    assertThat(storedSet(0, 1).rpe()).isNull();

    row.rpe().textProperty().set("8,5");
    row.weight().textProperty().set("102.5");
    assertThat(row.rpe().errorProperty().get()).isNull();
    assertThat(storedSet(0, 1).rpe()).isEqualTo(8.5);
    assertThat(storedSet(0, 1).weight()).isEqualTo(102.5);
  }

  @Test
  void theRestCountdownStartsWhenASetIsDoneAndChimesOnceWhenItEnds() {
    vm.startForm().start();
    SetRow next = vm.active().doneAndNext(null);
    vm.active().doneAndNext(next);
    assertThat(vm.rest().restingProperty().get()).isTrue();
    assertThat(vm.rest().textProperty().get()).isEqualTo("3:00");
    assertThat(vm.rest().nextUpProperty().get()).isEqualTo("Next: Squat, set 2 · 5 × 100 kg @ 8.5");

    f.t.clock.advance(Duration.ofSeconds(100));
    vm.tick();
    assertThat(vm.rest().textProperty().get()).isEqualTo("1:20");
    assertThat(vm.active().elapsedProperty().get()).isEqualTo("1:40");

    f.t.clock.advance(Duration.ofSeconds(80));
    vm.tick();
    vm.tick();
    assertThat(vm.rest().restingProperty().get()).isFalse();
    assertThat(vm.rest().overProperty().get()).isTrue();
    assertThat(chimes.get()).isEqualTo(1);

    f.t.clock.advance(Duration.ofSeconds(10));
    vm.tick();
    assertThat(vm.rest().overProperty().get()).isFalse();
  }

  @Test
  void aWarmUpGetsTheShorterWarmUpRestAndTheBannerNumbersSetsAsTheListDoes() {
    vm.startForm().start();
    ExerciseRow squat = vm.active().exercises().get(0);
    assertThat(squat.sets()).extracting(squat::badge).containsExactly("W", "1", "2", "3");

    vm.active().doneAndNext(null);

    assertThat(vm.rest().textProperty().get()).isEqualTo("1:00");
    assertThat(vm.rest().nextUpProperty().get()).isEqualTo("Next: Squat, set 1 · 5 × 100 kg @ 8");
  }

  @Test
  void aSupersetAlternatesItsExercisesAndRestsAfterEachRoundEvenWithUnevenSets() {
    Plan supersets = f.services.plans().create(f.owner(), "Arms", new SessionStructure(null, Unit.KG, null, null,
        List.of(new Exercise("Curl", null, null, "A", List.of(normal(12), normal(12), normal(12))),
            new Exercise("Pushdown", null, 90, "A", List.of(normal(15), normal(15))),
            new Exercise("Plank", null, 60, null, List.of(normal(1))))));
    vm.refresh();
    vm.startForm().chosenPlanProperty().set(vm.startForm().plans().stream()
        .filter(p -> p.id().equals(supersets.id())).findFirst().orElseThrow());
    vm.startForm().start();
    List<ExerciseRow> rows = vm.active().exercises();
    SetRow curl1 = rows.get(0).sets().get(0);
    SetRow curl2 = rows.get(0).sets().get(1);
    SetRow curl3 = rows.get(0).sets().get(2);
    SetRow pushdown1 = rows.get(1).sets().get(0);
    SetRow pushdown2 = rows.get(1).sets().get(1);
    assertThat(vm.active().allSets()).containsExactly(curl1, pushdown1, curl2, pushdown2, curl3,
        rows.get(2).sets().get(0));

    assertThat(vm.active().doneAndNext(null)).isSameAs(pushdown1);
    assertThat(vm.rest().restingProperty().get()).as("no rest inside a round").isFalse();
    assertThat(vm.rest().nextUpProperty().get()).isEqualTo("Next: Pushdown, set 1 · 15 reps");

    assertThat(vm.active().doneAndNext(pushdown1)).isSameAs(curl2);
    assertThat(vm.rest().restingProperty().get()).as("rest after the round").isTrue();
    assertThat(vm.rest().textProperty().get()).isEqualTo("1:30");

    assertThat(vm.active().doneAndNext(curl2)).isSameAs(pushdown2);
    assertThat(vm.rest().restingProperty().get()).as("the next round began: the rest is over").isFalse();
    assertThat(vm.active().doneAndNext(pushdown2)).isSameAs(curl3);
    assertThat(vm.rest().restingProperty().get()).isTrue();
    assertThat(vm.active().doneAndNext(curl3)).as("a round of one: the curl has a third set")
        .isSameAs(rows.get(2).sets().get(0));
    assertThat(vm.rest().textProperty().get()).isEqualTo("1:30");
    assertThat(vm.active().blocks()).hasSize(2);
  }

  private static SetEntry normal(int reps) {
    return SetEntry.target(SetType.NORMAL, reps, null, null);
  }

  @Test
  void skippingTheRestIsSilent() {
    vm.startForm().start();
    vm.active().doneAndNext(null);
    vm.rest().skip();
    f.t.clock.advance(Duration.ofMinutes(5));
    vm.tick();
    assertThat(chimes.get()).isZero();
    assertThat(vm.rest().restingProperty().get()).isFalse();
  }

  @Test
  void setsAndExercisesCanBeAddedAndRemovedMidWorkout() {
    vm.startForm().start();
    ExerciseRow bench = vm.active().exercises().get(1);
    SetRow added = vm.active().addSet(bench);
    assertThat(added.reps().textProperty().get()).isEqualTo("8");
    assertThat(stored().structure().exercises().get(1).sets()).hasSize(4);

    vm.active().newExerciseNameProperty().set("  ");
    assertThat(vm.active().addExercise()).isNull();
    assertThat(vm.active().newExerciseErrorProperty().get()).isEqualTo("Exercise name must be 1 to 120 characters");

    vm.active().newExerciseNameProperty().set("Face pull");
    SetRow first = vm.active().addExercise();
    first.reps().textProperty().set("15");
    first.weight().textProperty().set("20");
    vm.active().setDone(first, true);
    assertThat(stored().structure().exercises()).extracting(e -> e.name())
        .containsExactly("Squat", "Bench press", "Face pull");
    assertThat(storedSet(2, 0).completed()).isTrue();

    vm.active().removeSet(vm.active().exercises().get(0).sets().get(0));
    vm.active().removeExercise(vm.active().exercises().get(1));
    assertThat(stored().structure().exercises()).extracting(e -> e.name()).containsExactly("Squat", "Face pull");
    assertThat(stored().structure().exercises().get(0).sets()).hasSize(3);
  }

  @Test
  void notesOfTheSessionAndOfAnExerciseAreSaved() {
    vm.startForm().start();
    vm.active().notesProperty().set("Slept badly");
    vm.active().exercises().get(0).notesProperty().set("Belt from set 2");
    assertThat(stored().structure().notes()).isEqualTo("Slept badly");
    assertThat(stored().structure().exercises().get(0).notes()).isEqualTo("Belt from set 2");
    vm.active().notesProperty().set("x".repeat(4001));
    assertThat(vm.active().notesErrorProperty().get()).isEqualTo("Notes must be at most 4000 characters");
    assertThat(stored().structure().notes()).isEqualTo("Slept badly");
  }

  @Test
  void aSecondViewModelResumesTheSessionWithEveryValue() {
    vm.startForm().start();
    vm.active().doneAndNext(null);
    SetRow second = vm.active().exercises().get(0).sets().get(1);
    second.reps().textProperty().set("4");
    second.rpe().textProperty().set("9.5");

    WorkoutViewModel reopened = new WorkoutViewModel(f.services, f.tasks, () -> { }, f.profile, f.navigator);
    reopened.refresh();

    assertThat(reopened.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.ACTIVE);
    SetRow first = reopened.active().exercises().get(0).sets().get(0);
    assertThat(first.isDone()).isTrue();
    assertThat(first.completedAtProperty().get()).isEqualTo(TestContext.START);
    SetRow again = reopened.active().exercises().get(0).sets().get(1);
    assertThat(again.reps().textProperty().get()).isEqualTo("4");
    assertThat(again.reps().prefilledProperty().get()).isFalse();
    assertThat(again.rpe().textProperty().get()).isEqualTo("9.5");
    assertThat(again.weight().textProperty().get()).isEqualTo("100");
    assertThat(again.weight().prefilledProperty().get()).isTrue();
  }

  private WorkoutViewModel reopen() {
    WorkoutViewModel reopened = new WorkoutViewModel(f.services, f.tasks, () -> { }, f.profile, f.navigator);
    reopened.refresh();
    return reopened;
  }

  @Test
  void aValueClearedOnADoneSetStaysClearedAfterReopeningAndTheNextSaveKeepsItCleared() {
    vm.startForm().start();
    SetRow row = vm.active().exercises().get(0).sets().get(1);
    vm.active().setDone(row, true);
    assertThat(storedSet(0, 1).rpe()).isEqualTo(8.0);
    row.rpe().textProperty().set("");
    row.weight().textProperty().set("");
    assertThat(storedSet(0, 1).rpe()).isNull();

    WorkoutViewModel reopened = reopen();
    SetRow again = reopened.active().exercises().get(0).sets().get(1);
    assertThat(again.isDone()).isTrue();
    assertThat(again.rpe().textProperty().get()).isEmpty();
    assertThat(again.rpe().prefilledProperty().get()).isFalse();
    assertThat(again.weight().textProperty().get()).isEmpty();
    assertThat(again.reps().textProperty().get()).isEqualTo("5");

    // Any later save (here: a note) writes the set as logged, never its target.
    reopened.active().notesProperty().set("Knees fine");
    assertThat(stored().structure().notes()).isEqualTo("Knees fine");
    assertThat(storedSet(0, 1).rpe()).isNull();
    assertThat(storedSet(0, 1).weight()).isNull();
    assertThat(storedSet(0, 1).reps()).isEqualTo(5);
  }

  @Test
  void aSetDoneWithoutValuesShowsNoTargetAfterReopening() {
    Session started = f.services.sessions().start(f.owner(), plan.id(), null);
    SetEntry bare = started.structure().exercises().get(0).sets().get(2).withCompleted(TestContext.START);
    f.services.sessions().update(f.owner(), started.id(), started.structure().withExercise(0,
        started.structure().exercises().get(0).withSet(2, bare)));

    WorkoutViewModel reopened = reopen();
    SetRow row = reopened.active().exercises().get(0).sets().get(2);
    assertThat(row.fields()).extracting(field -> field.textProperty().get()).containsExactly("", "", "");
    assertThat(row.fields()).noneMatch(field -> field.prefilledProperty().get());
  }

  @Test
  void unmarkingASetTurnsTheSuggestionsItAdoptedBackIntoSuggestionsAndKeepsWhatWasTyped() {
    vm.startForm().start();
    SetRow row = vm.active().exercises().get(0).sets().get(1);
    row.reps().textProperty().set("4");
    vm.active().setDone(row, true);
    assertThat(storedSet(0, 1).weight()).isEqualTo(100.0);

    vm.active().setDone(row, false);

    SetEntry saved = storedSet(0, 1);
    assertThat(saved.completed()).isFalse();
    assertThat(saved.reps()).isEqualTo(4);
    assertThat(saved.weight()).isNull();
    assertThat(saved.rpe()).isNull();
    assertThat(row.weight().textProperty().get()).isEqualTo("100");
    assertThat(row.weight().prefilledProperty().get()).isTrue();
    assertThat(row.reps().prefilledProperty().get()).isFalse();
  }

  @Test
  void aValueEditedAfterTheSetWasDoneStaysLoggedWhenTheSetIsUnmarked() {
    vm.startForm().start();
    SetRow row = vm.active().exercises().get(0).sets().get(1);
    vm.active().setDone(row, true);
    row.rpe().textProperty().set("9");
    vm.active().setDone(row, false);
    assertThat(storedSet(0, 1).rpe()).isEqualTo(9.0);
    assertThat(storedSet(0, 1).reps()).isNull();
  }

  @Test
  void aSetAddedMidWorkoutSuggestsTheSetBeforeAndLogsNothingUntilDone() {
    vm.startForm().start();
    ExerciseRow squat = vm.active().exercises().get(0);
    squat.sets().get(3).weight().textProperty().set("102.5");

    SetRow added = vm.active().addSet(squat);

    assertThat(added.weight().textProperty().get()).isEqualTo("102.5");
    assertThat(added.fields()).allMatch(field -> field.prefilledProperty().get());
    SetEntry saved = storedSet(0, 4);
    assertThat(saved.reps()).isNull();
    assertThat(saved.weight()).isNull();
    assertThat(saved.rpe()).isNull();
    vm.active().setDone(added, true);
    assertThat(storedSet(0, 4).weight()).isEqualTo(102.5);
  }

  @Test
  void startingWhileAnotherSessionIsInProgressShowsTheConflictAndResumeOpensIt() {
    Session elsewhere = f.services.sessions().start(f.owner(), plan.id(), null);

    vm.startForm().start();

    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(vm.startForm().startErrorProperty().get()).isEqualTo(Messages.SESSION_IN_PROGRESS);
    assertThat(vm.startForm().conflictProperty().get()).isTrue();

    vm.resume();
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.ACTIVE);
    assertThat(vm.sessionProperty().get().id()).isEqualTo(elsewhere.id());
    assertThat(vm.startForm().conflictProperty().get()).isFalse();
  }

  @Test
  void editsQueuedBeforeAProfileSwitchAreSavedForTheirOwner() {
    vm.startForm().start();
    Session current = vm.sessionProperty().get();
    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("3");
    f.profile.set(f.t.profile("Sam"));
    vm.refresh();
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(vm.startForm().plans()).isEmpty();

    f.profile.set(f.services.profiles().findByName("Alex").orElseThrow());
    vm.refresh();
    assertThat(vm.sessionProperty().get().id()).isEqualTo(current.id());
    assertThat(vm.active().exercises().get(0).sets().get(1).reps().textProperty().get()).isEqualTo("3");
  }

  @Test
  void anEmptyWorkoutStartsWithoutAPlanAndSavesTheExercisesAddedAsYouGo() {
    vm.startForm().startEmpty();

    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.ACTIVE);
    assertThat(stored().planId()).isNull();
    assertThat(vm.active().titleProperty().get()).isEqualTo("Workout");
    assertThat(vm.active().exercises()).isEmpty();
    vm.active().newExerciseNameProperty().set("Dips");
    SetRow first = vm.active().addExercise();
    first.reps().textProperty().set("12");
    assertThat(vm.active().doneAndNext(first)).isNull();
    assertThat(storedSet(0, 0).reps()).isEqualTo(12);
    assertThat(storedSet(0, 0).completed()).isTrue();
  }

  @Test
  void anEmptyWorkoutIsRefusedWhileAnotherIsInProgressAndOffersIt() {
    f.services.sessions().start(f.owner(), plan.id(), null);
    vm.startForm().startEmpty();
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(vm.startForm().startErrorProperty().get()).isEqualTo(Messages.SESSION_IN_PROGRESS);
    assertThat(vm.startForm().conflictProperty().get()).isTrue();
  }

  @Test
  void startWithoutAPlanSaysWhatToDo() {
    vm.startForm().chosenPlanProperty().set(null);
    vm.startForm().start();
    assertThat(vm.startForm().startErrorProperty().get()).isEqualTo("Choose a plan to start from.");
  }

  @Test
  void completeSavesTheFinalStateEndsTheSessionAndOpensItInHistory() {
    vm.startForm().start();
    vm.active().doneAndNext(null);
    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("4");
    f.t.clock.advance(Duration.ofMinutes(50));

    Session current = vm.sessionProperty().get();
    vm.complete();

    Session done = f.services.sessions().get(f.owner(), current.id());
    assertThat(done.completed()).isTrue();
    assertThat(done.endedAt()).isEqualTo(TestContext.START.plus(Duration.ofMinutes(50)));
    assertThat(done.structure().exercises().get(0).sets().get(1).reps()).isEqualTo(4);
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(f.navigator.calls).containsExactly("open " + current.id());
  }

  @Test
  void completeIsRefusedWhileAFieldIsWrong() {
    vm.startForm().start();
    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("-1");
    vm.complete();
    assertThat(vm.errorProperty().get())
        .isEqualTo("Fix the marked fields before completing: Exercise 1, set 2: reps must be an integer from 0 to 1000");
    assertThat(stored().completed()).isFalse();
  }

  @Test
  void discardDeletesTheSession() {
    vm.startForm().start();
    Session current = vm.sessionProperty().get();
    vm.discard();
    assertThat(f.services.sessions().findInProgress(f.owner())).isEmpty();
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(f.services.audit().list(f.owner(), 1, 0).items().get(0).action()).isEqualTo("session_deleted");
    assertThat(current).isNotNull();
  }

  @Test
  void aSaveRefusedBecauseTheWorkoutWasCompletedElsewhereSaysChangedElsewhereAndReloadShowsItAsItIs() {
    vm.startForm().start();
    Session current = vm.sessionProperty().get();
    f.services.sessions().complete(f.owner(), current.id(), null);

    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("3");

    assertThat(vm.saver().changedElsewhereProperty().get()).isTrue();
    assertThat(stored().structure().exercises().get(0).sets().get(1).reps()).isNull();
    vm.reload();
    assertThat(vm.saver().changedElsewhereProperty().get()).isFalse();
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
  }

  @Test
  void aWorkoutDiscardedElsewhereSaysChangedElsewhereOnTheNextSaveAndOnComplete() {
    vm.startForm().start();
    f.services.sessions().delete(f.owner(), vm.sessionProperty().get().id());

    vm.active().doneAndNext(null);
    assertThat(vm.saver().changedElsewhereProperty().get()).isTrue();
    vm.complete();
    assertThat(vm.saver().changedElsewhereProperty().get()).isTrue();
    assertThat(vm.errorProperty().get()).isEqualTo(Messages.SESSION_NOT_FOUND);

    vm.reload();
    assertThat(vm.modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.START);
    assertThat(vm.saver().changedElsewhereProperty().get()).isFalse();
  }

  @Test
  void aSaveOverAChangeMadeElsewhereIsRefusedAndLeavesThatChangeInPlace() {
    vm.startForm().start();
    Session current = vm.sessionProperty().get();
    // Another client (the REST API, sync) logs the second set meanwhile.
    SessionStructure theirs = current.structure().withExercise(0, current.structure().exercises().get(0)
        .withSet(1, current.structure().exercises().get(0).sets().get(1).withActuals(7, 90.0, null)));
    f.services.sessions().update(f.owner(), current.id(), theirs);

    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("3");

    assertThat(vm.saver().changedElsewhereProperty().get()).isTrue();
    assertThat(vm.saver().saveStateProperty().get()).isEqualTo(WorkoutSaver.SaveState.FAILED);
    assertThat(stored().structure().exercises().get(0).sets().get(1).reps()).isEqualTo(7);
    vm.complete();
    assertThat(stored().completed()).isFalse();
    assertThat(stored().structure().exercises().get(0).sets().get(1).reps()).isEqualTo(7);

    vm.reload();
    assertThat(vm.saver().changedElsewhereProperty().get()).isFalse();
    assertThat(vm.active().exercises().get(0).sets().get(1).reps().textProperty().get()).isEqualTo("7");
  }

  @Test
  void aFailureThatIsNotAChangeElsewhereOffersNoReload() {
    vm.startForm().start();
    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("abc");
    assertThat(vm.saver().saveStateProperty().get()).isEqualTo(WorkoutSaver.SaveState.INVALID);
    assertThat(vm.saver().changedElsewhereProperty().get()).isFalse();
    assertThat(vm.unsavedChange()).isEqualTo("Exercise 1, set 2: reps must be a whole number");
  }

  @Test
  void eachSaveIsMadeFromTheSessionTheLastSaveReturned() {
    Session started = f.services.sessions().start(f.owner(), plan.id(), null);
    java.util.List<Session> bases = new java.util.ArrayList<>();
    java.util.List<Session> results = new java.util.ArrayList<>();
    AutoSaver saver = new AutoSaver(f.tasks, started, (basis, next) -> {
      bases.add(basis);
      f.t.clock.advance(Duration.ofSeconds(1));
      return f.services.sessions().update(f.owner(), basis.id(), next);
    }, results::add, failure -> { });

    saver.submit(started.structure().withExercise(0, started.structure().exercises().get(0)));
    saver.submit(started.structure());

    assertThat(bases).hasSize(2);
    assertThat(bases.get(0)).isEqualTo(started);
    assertThat(bases.get(1)).isEqualTo(results.get(0));
    assertThat(bases.get(1).updatedAt()).isAfter(started.updatedAt());
  }

  @Test
  void aSaveThatFailsSaysSoAndKeepsTheChangeForRetry() {
    vm.startForm().start();
    f.services.sessions().complete(f.owner(), vm.sessionProperty().get().id(), null);

    vm.active().exercises().get(0).sets().get(1).reps().textProperty().set("3");

    assertThat(vm.saver().saveStateProperty().get()).isEqualTo(WorkoutSaver.SaveState.FAILED);
    // With versions the save is refused as made from an older version (the completion raised it).
    assertThat(vm.saver().saveMessageProperty().get()).isEqualTo("Not saved: " + Messages.SESSION_CHANGED);
    assertThat(vm.unsavedChange()).isNotNull();
    assertThat(stored().structure().exercises().get(0).sets().get(1).reps()).isNull();
  }
}
