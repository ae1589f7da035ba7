package dev.setwise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import dev.setwise.ui.data.DataFolder;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {

  @TempDir
  Path dir;

  TestContext t;
  UiServices services;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    services = UiServices.of(t.app);
  }

  @AfterEach
  void close() {
    t.close();
  }

  private MainViewModel started(UiPreferences preferences) {
    MainViewModel vm = new MainViewModel(services, new DataFolder(t.app, d -> AppContext.open(d, t.clock)),
        BackgroundTasks.sameThread(), Chime.SILENT, preferences);
    vm.start();
    return vm;
  }

  @Test
  void theFirstRunCreatesTheDefaultProfileAndShowsThePlans() {
    MainViewModel vm = started(UiPreferences.defaults());

    assertThat(vm.profileProperty().get().name()).isEqualTo("Athlete");
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.PLANS);
    assertThat(vm.readyProperty().get()).isTrue();
    assertThat(UiPreferences.load(dir).profileId()).isEqualTo(vm.profileProperty().get().id());
  }

  @Test
  void theLastProfileIsRememberedAndItsWorkoutInProgressOpensStraightAway() {
    t.profile("Alex");
    Profile sam = t.profile("Sam");
    Plan plan = t.plan(sam, "Push");
    t.app.sessions().start(sam.id(), plan.id(), null);

    MainViewModel vm = started(UiPreferences.defaults().withProfile(sam.id()));

    assertThat(vm.profileProperty().get()).isEqualTo(sam);
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.WORKOUT);
    assertThat(vm.workout().modeProperty().get()).isEqualTo(WorkoutViewModel.Mode.ACTIVE);
  }

  @Test
  void startingFromAPlanDuringAWorkoutAsksTheWindowToOfferItAndStartsNothing() {
    Profile sam = t.profile("Sam");
    Plan plan = t.plan(sam, "Push");
    var running = t.app.sessions().start(sam.id(), plan.id(), null);
    MainViewModel vm = started(UiPreferences.defaults().withProfile(sam.id()));
    vm.show(Screen.PLANS);

    vm.startFrom(t.plan(sam, "Pull").id());

    assertThat(vm.workoutInProgressProperty().get()).isTrue();
    assertThat(vm.screenProperty().get()).isEqualTo(Screen.PLANS);
    assertThat(vm.workout().sessionProperty().get().id()).isEqualTo(running.id());
  }

  @Test
  void theRestAfterWarmUpsIsChangedForTheCurrentProfile() {
    MainViewModel vm = started(UiPreferences.defaults());
    AtomicReference<Integer> shown = new AtomicReference<>();
    AtomicReference<String> failure = new AtomicReference<>();

    vm.loadWarmupRest(shown::set, failure::set);
    assertThat(shown.get()).isEqualTo(60);
    vm.changeWarmupRest(3601, () -> { }, failure::set);
    assertThat(failure.get()).isEqualTo("Rest after warm-up sets must be 0 to 3600 seconds");
    vm.changeWarmupRest(45, () -> { }, failure::set);
    vm.loadWarmupRest(shown::set, failure::set);
    assertThat(shown.get()).isEqualTo(45);
  }

  @Test
  void addingAProfileSwitchesToItAndAClashIsExplained() {
    MainViewModel vm = started(UiPreferences.defaults());
    AtomicReference<String> failure = new AtomicReference<>();

    vm.addProfile("Sam", Unit.LB, () -> { }, failure::set);
    assertThat(vm.profileProperty().get().name()).isEqualTo("Sam");
    assertThat(vm.profileProperty().get().unit()).isEqualTo(Unit.LB);
    assertThat(vm.profiles()).extracting(Profile::name).containsExactly("Athlete", "Sam");

    vm.addProfile("sam", Unit.KG, () -> { }, failure::set);
    assertThat(failure.get()).isEqualTo("A profile named \"Sam\" already exists");

    vm.plans().newPlan();
    assertThat(vm.plans().editor().unitProperty().get()).isEqualTo(Unit.LB);
  }

  @Test
  void switchingProfilesShowsOnlyTheirPlans() {
    MainViewModel vm = started(UiPreferences.defaults());
    t.plan(vm.profileProperty().get(), "Mine");
    Profile other = t.profile("Other");
    t.plan(other, "Theirs");
    vm.show(Screen.PLANS);
    vm.plans().refresh();
    assertThat(vm.plans().plans()).extracting(p -> p.name()).containsExactly("Mine");

    vm.switchTo(other);
    vm.show(Screen.PLANS);
    assertThat(vm.plans().plans()).extracting(p -> p.name()).containsExactly("Theirs");
  }

  @Test
  void theThemeIsRemembered() {
    MainViewModel vm = started(UiPreferences.defaults());
    vm.darkProperty().set(true);
    assertThat(UiPreferences.load(dir).dark()).isTrue();
  }

  @Test
  void openingACompletedSessionShowsItInHistory() {
    MainViewModel vm = started(UiPreferences.defaults());
    Plan plan = t.plan(vm.profileProperty().get(), "Push");
    var session = t.app.sessions().start(vm.profileProperty().get().id(), plan.id(), null);
    t.app.sessions().complete(vm.profileProperty().get().id(), session.id(), Structures.plan());

    vm.openSession(session.id(), false);

    assertThat(vm.screenProperty().get()).isEqualTo(Screen.HISTORY);
    assertThat(vm.showingDetailProperty().get()).isTrue();
    assertThat(vm.detail().sessionProperty().get().id()).isEqualTo(session.id());
    vm.closeDetail();
    assertThat(vm.history().rows()).hasSize(1);
  }
}
