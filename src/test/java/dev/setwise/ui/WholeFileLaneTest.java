package dev.setwise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import dev.setwise.ui.data.BackupsViewModel;
import dev.setwise.ui.data.DataFolder;
import dev.setwise.ui.workout.SetRow;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups run on the whole-file lane, never on the writer lane: here that lane is held back (as a
 * backup of a large history would hold it for many seconds) while saves go straight through.
 */
class WholeFileLaneTest {

  @TempDir
  Path dir;

  TestContext t;
  final List<Runnable> heldBack = new ArrayList<>();
  BackgroundTasks tasks;
  DataFolder folder;
  MainViewModel vm;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    tasks = BackgroundTasks.lanes(Runnable::run, heldBack::add, Runnable::run);
    UiServices services = UiServices.of(t.app);
    folder = new DataFolder(t.app, d -> AppContext.open(d, t.clock));
    vm = new MainViewModel(services, folder, tasks, Chime.SILENT, UiPreferences.defaults());
    vm.start();
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aSaveIsWrittenWhileTheDailyBackupWaitsOnItsOwnLane() {
    Plan plan = t.plan(vm.profileProperty().get(), "Push");
    WorkoutViewModel workout = vm.workout();
    workout.prepareStart(plan.id());
    workout.startForm().start();

    vm.backUpDailyIfDue();
    SetRow first = workout.active().exercises().get(0).sets().get(0);
    first.reps().textProperty().set("7");

    assertThat(heldBack).as("the backup is on the whole-file lane").hasSize(1);
    assertThat(t.app.backups().list()).isEmpty();
    assertThat(t.app.sessions().get(vm.profileProperty().get().id(), workout.sessionProperty().get().id())
        .structure().exercises().get(0).sets().get(0).reps()).isEqualTo(7);
    assertThat(workout.saver().saveStateProperty().get()).isEqualTo(dev.setwise.ui.workout.WorkoutSaver.SaveState.SAVED);

    heldBack.remove(0).run();
    assertThat(t.app.backups().list()).hasSize(1);
  }

  @Test
  void backUpNowRunsOnTheWholeFileLaneToo() {
    BackupsViewModel backups = new BackupsViewModel(folder, tasks, t.clock.getZone());
    backups.backUpNow();
    assertThat(heldBack).hasSize(1);
    assertThat(t.app.backups().list()).isEmpty();
    heldBack.remove(0).run();
    assertThat(t.app.backups().list()).hasSize(1);
  }
}
