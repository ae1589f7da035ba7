package dev.setwise.ui.workout;

import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.RestCountdown;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.BackgroundTasks.Failure;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.FieldNames;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.UiServices;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The workout screen: the start form ({@link StartFormViewModel}) when nothing is in progress, else
 * the session being logged ({@link ActiveWorkoutViewModel}) with its saves ({@link WorkoutSaver})
 * and rest countdown ({@link RestTimer}). This class moves between them: loading, starting,
 * completing, discarding and reloading. FX thread only; services through {@link BackgroundTasks}.
 */
public final class WorkoutViewModel {

  /** What the screen shows. */
  public enum Mode {
    LOADING,
    START,
    ACTIVE
  }

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Navigator navigator;

  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LOADING);
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final StartFormViewModel startForm;
  private final RestTimer rest;
  private final WorkoutSaver saver;
  private final ActiveWorkoutViewModel active;

  public WorkoutViewModel(UiServices services, BackgroundTasks tasks, Chime chime,
      ReadOnlyObjectProperty<Profile> profile, Navigator navigator) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    this.navigator = navigator;
    this.startForm = new StartFormViewModel(services, tasks, profile, started -> show(started, Optional.empty()));
    this.rest = new RestTimer(services.clock(), chime);
    this.saver = new WorkoutSaver(services, tasks);
    this.active = new ActiveWorkoutViewModel(services, rest, saver);
  }

  // ---- loading ----

  /** Reloads for the current profile: the session in progress, else the start form. */
  public void refresh() {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    mode.set(Mode.LOADING);
    tasks.read("load your workout", () -> load(owner.id()), loaded -> {
          if (!owner.equals(profile.get())) {
            return;
          }
          startForm.setPlans(loaded.plans());
          active.setWarmupRest(loaded.warmupRest());
          if (loaded.inProgress().isPresent()) {
            show(loaded.inProgress().get(), loaded.rest());
          } else {
            showStartForm();
          }
        }, failure -> {
          active.errorProperty().set(failure.message());
          showStartForm();
        });
  }

  private record Loaded(Optional<Session> inProgress, Optional<RestCountdown> rest, List<PlanSummary> plans,
      int warmupRest) {}

  /** The session in progress with its saved rest countdown, the plans and the warm-up rest (reader thread). */
  private Loaded load(UUID owner) {
    Optional<Session> inProgress = services.sessions().findInProgress(owner);
    Optional<RestCountdown> rest = inProgress.flatMap(s -> services.rests().find(owner, s.id()));
    return new Loaded(inProgress, rest, services.plans().list(owner), services.rests().warmupRest(owner));
  }

  /** Opens the start form with {@code planId} chosen (from the plans screen). */
  public void prepareStart(UUID planId) {
    startForm.prefer(planId);
    if (mode.get() != Mode.ACTIVE) {
      refresh();
    }
  }

  private void showStartForm() {
    active.close();
    rest.reset();
    startForm.reset();
    mode.set(Mode.START);
  }

  /** Opens the session in progress (the conflict's "Resume" button). */
  public void resume() {
    Profile owner = profile.get();
    tasks.read("open the workout in progress", () -> load(owner.id()), found -> {
      startForm.clearProblem();
      if (found.inProgress().isPresent()) {
        show(found.inProgress().get(), found.rest());
      } else {
        startForm.problem("No workout is in progress any more.");
      }
    }, failure -> startForm.problem(failure.message()));
  }

  private void show(Session session, Optional<RestCountdown> savedRest) {
    UUID owner = profile.get().id();
    rest.reset();
    rest.attach(keeper(owner, session.id()));
    active.open(owner, session);
    savedRest.ifPresent(rest::resume);
    startForm.clearProblem();
    mode.set(Mode.ACTIVE);
  }

  /** Saves the rest countdowns of {@code sessionId} on the writer lane, in order with its autosaves. */
  private RestTimer.Keeper keeper(UUID owner, UUID sessionId) {
    return new RestTimer.Keeper() {
      @Override
      public void keep(Instant endsAt, int seconds) {
        tasks.write("remember the rest", () -> services.rests().save(owner, sessionId, endsAt, seconds),
            saved -> { }, failure -> { });
      }

      @Override
      public void forget() {
        tasks.write("end the rest", () -> {
          services.rests().end(owner, sessionId);
          return sessionId;
        }, ended -> { }, failure -> { });
      }
    };
  }

  /** The profile's rest after a warm-up set changed (Profile → Rest after warm-ups…). */
  public void warmupRestChanged(int seconds) {
    active.setWarmupRest(seconds);
  }

  // ---- saving ----

  /**
   * Shows the workout as it is on disk now, dropping what this screen could not save (after a
   * change made elsewhere refused it): the session in progress again, or the start form when it
   * was completed or deleted elsewhere.
   */
  public void reload() {
    saver.forget();
    refresh();
  }

  /** Tries a failed save once more (the window is closing); does nothing otherwise. */
  public void retryFailedSave() {
    saver.retryFailed();
  }

  /**
   * Why the screen holds a change that is not on disk (a field with a problem, a save that
   * failed), or null when everything shown is saved. Ask after the writes finished.
   */
  public String unsavedChange() {
    return mode.get() == Mode.ACTIVE ? saver.unsavedChange() : null;
  }

  // ---- completing and discarding ----

  /**
   * Completes the session with what the screen shows; it becomes read-only and opens in history.
   * Refused while a field holds a problem.
   */
  public void complete() {
    Session current = active.sessionProperty().get();
    if (current == null || mode.get() != Mode.ACTIVE) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    SessionStructure structure = active.checked(problems);
    if (!problems.isEmpty()) {
      active.showProblems(problems);
      active.errorProperty().set("Fix the marked fields before completing: " + FieldNames.describe(problems.get(0)));
      return;
    }
    UUID owner = profile.get().id();
    saver.cancel();
    busy.set(true);
    AutoSaver saves = saver.saves();
    // The version is read on the writer lane, after any save still under way has landed.
    tasks.write("complete the workout",
        () -> services.sessions().complete(owner, current.id(), structure, saves.basis().version()), done -> {
      busy.set(false);
      showStartForm();
      refresh();
      navigator.openSession(done.id(), false);
    }, this::actionFailed);
  }

  private void actionFailed(Failure failure) {
    busy.set(false);
    active.errorProperty().set(failure.message());
    saver.noticeRefusal(failure);
  }

  /** Deletes the session in progress and everything logged in it. */
  public void discard() {
    Session current = active.sessionProperty().get();
    if (current == null || mode.get() != Mode.ACTIVE) {
      return;
    }
    UUID owner = profile.get().id();
    saver.cancel();
    busy.set(true);
    AutoSaver saves = saver.saves();
    tasks.write("discard the workout", () -> {
      services.sessions().delete(owner, current.id(), saves.basis().version());
      return current.id();
    }, id -> {
      busy.set(false);
      showStartForm();
      refresh();
    }, this::actionFailed);
  }

  // ---- clocks ----

  /** Updates the elapsed time and the rest countdown; the view calls it a few times a second. */
  public void tick() {
    if (active.sessionProperty().get() == null) {
      return;
    }
    active.tick();
    rest.tick();
  }

  // ---- properties ----

  public ObjectProperty<Mode> modeProperty() {
    return mode;
  }

  /** True while Complete or Discard runs. */
  public BooleanProperty busyProperty() {
    return busy;
  }

  public StartFormViewModel startForm() {
    return startForm;
  }

  public ActiveWorkoutViewModel active() {
    return active;
  }

  public WorkoutSaver saver() {
    return saver;
  }

  public RestTimer rest() {
    return rest;
  }

  /** The session on screen; null while the start form shows. */
  public ObjectProperty<Session> sessionProperty() {
    return active.sessionProperty();
  }

  /** A problem with the last command, for the banner of the session. */
  public StringProperty errorProperty() {
    return active.errorProperty();
  }
}
