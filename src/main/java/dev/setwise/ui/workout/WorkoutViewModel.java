package dev.setwise.ui.workout;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Exercise;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.StructureValidator;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.BackgroundTasks.Failure;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.FieldNames;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.UiServices;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workout screen: the start form when nothing is in progress, else the session being logged.
 * Every edit is validated by the domain's rules and, when valid, saved at once by an
 * {@link AutoSaver}; problems appear next to their field and nothing invalid is written.
 * All state changes on the FX thread; services are called through {@link BackgroundTasks}.
 */
public final class WorkoutViewModel {

  /** What the screen shows. */
  public enum Mode {
    LOADING,
    START,
    ACTIVE
  }

  /** How the last edit stands with the disk. */
  public enum SaveState {
    SAVED,
    SAVING,
    INVALID,
    FAILED
  }

  private static final Duration REST_OVER_BANNER = Duration.ofSeconds(6);
  private static final String NOT_SAVED = "Not saved: ";

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final Chime chime;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Navigator navigator;

  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.LOADING);
  private final ObservableList<PlanSummary> plans = FXCollections.observableArrayList();
  private final ObjectProperty<PlanSummary> chosenPlan = new SimpleObjectProperty<>(this, "chosenPlan");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
  private final StringProperty startError = new SimpleStringProperty(this, "startError");
  private final BooleanProperty conflict = new SimpleBooleanProperty(this, "conflict");

  private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session");
  private final StringProperty title = new SimpleStringProperty(this, "title", "");
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final ObservableList<ExerciseRow> exercises = FXCollections.observableArrayList();
  private final StringProperty newExerciseName = new SimpleStringProperty(this, "newExerciseName", "");
  private final StringProperty newExerciseError = new SimpleStringProperty(this, "newExerciseError");
  private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "0:00");
  private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
  private final ObjectProperty<SaveState> saveState = new SimpleObjectProperty<>(this, "saveState", SaveState.SAVED);
  private final StringProperty saveMessage = new SimpleStringProperty(this, "saveMessage", "");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty changedElsewhere = new SimpleBooleanProperty(this, "changedElsewhere");

  private final BooleanProperty resting = new SimpleBooleanProperty(this, "resting");
  private final IntegerProperty restRemaining = new SimpleIntegerProperty(this, "restRemaining");
  private final IntegerProperty restTotal = new SimpleIntegerProperty(this, "restTotal");
  private final StringProperty restText = new SimpleStringProperty(this, "restText", "");
  private final BooleanProperty restOver = new SimpleBooleanProperty(this, "restOver");
  private final StringProperty nextUp = new SimpleStringProperty(this, "nextUp", "");
  private Instant restEndsAt;
  private Instant restOverSince;

  private AutoSaver saver;
  private boolean building;
  private UUID preferredPlan;

  public WorkoutViewModel(UiServices services, BackgroundTasks tasks, Chime chime,
      ReadOnlyObjectProperty<Profile> profile, Navigator navigator) {
    this.services = services;
    this.tasks = tasks;
    this.chime = chime;
    this.profile = profile;
    this.navigator = navigator;
    notes.addListener((obs, old, now) -> edited());
  }

  // ---- loading and the start form ----

  /** Reloads for the current profile: the session in progress, else the start form. */
  public void refresh() {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    mode.set(Mode.LOADING);
    tasks.read("load your workout", () -> new Loaded(services.sessions().findInProgress(owner.id()),
        services.plans().list(owner.id())), loaded -> {
          if (!owner.equals(profile.get())) {
            return;
          }
          setPlans(loaded.plans());
          if (loaded.inProgress().isPresent()) {
            show(loaded.inProgress().get());
          } else {
            showStartForm();
          }
        }, failure -> {
          error.set(failure.message());
          showStartForm();
        });
  }

  private record Loaded(Optional<Session> inProgress, List<PlanSummary> plans) {}

  /** Opens the start form with {@code planId} chosen (from the plans screen). */
  public void prepareStart(UUID planId) {
    preferredPlan = planId;
    if (mode.get() != Mode.ACTIVE) {
      refresh();
    }
  }

  private void setPlans(List<PlanSummary> list) {
    PlanSummary keep = chosenPlan.get();
    plans.setAll(list);
    PlanSummary choice = null;
    for (PlanSummary plan : list) {
      if (preferredPlan != null ? plan.id().equals(preferredPlan) : keep != null && plan.id().equals(keep.id())) {
        choice = plan;
      }
    }
    chosenPlan.set(choice != null ? choice : list.isEmpty() ? null : list.get(0));
    preferredPlan = null;
  }

  private void showStartForm() {
    session.set(null);
    exercises.clear();
    resting.set(false);
    restOver.set(false);
    saver = null;
    date.set(LocalDate.now(services.clock()));
    mode.set(Mode.START);
  }

  /** Starts a session from the chosen plan on the chosen date. */
  public void start() {
    Profile owner = profile.get();
    PlanSummary plan = chosenPlan.get();
    startError.set(null);
    conflict.set(false);
    if (plan == null) {
      startError.set(plans.isEmpty() ? "Create a plan first (Plans screen)." : "Choose a plan to start from.");
      return;
    }
    if (date.get() == null) {
      startError.set("Choose the date of the workout.");
      return;
    }
    busy.set(true);
    LocalDate day = date.get();
    tasks.write("start the workout", () -> services.sessions().start(owner.id(), plan.id(), day),
        started -> {
          busy.set(false);
          show(started);
        }, failure -> {
          busy.set(false);
          conflict.set(failure.cause() instanceof ConflictException);
          startError.set(failure.message());
        });
  }

  /** Opens the session in progress (the conflict's "Resume" button). */
  public void resume() {
    Profile owner = profile.get();
    tasks.read("open the workout in progress", () -> services.sessions().findInProgress(owner.id()), found -> {
      conflict.set(false);
      startError.set(null);
      if (found.isPresent()) {
        show(found.get());
      } else {
        startError.set("No workout is in progress any more.");
      }
    }, failure -> startError.set(failure.message()));
  }

  // ---- the session being logged ----

  private void show(Session started) {
    building = true;
    try {
      session.set(started);
      SessionStructure structure = started.structure();
      title.set(structure.name() == null ? "Workout" : structure.name());
      notes.set(structure.notes() == null ? "" : structure.notes());
      List<ExerciseRow> rows = new ArrayList<>();
      for (Exercise exercise : structure.exercises()) {
        ExerciseRow row = new ExerciseRow(exercise, this::edited);
        for (SetEntry set : exercise.sets()) {
          row.sets().add(new SetRow(set, set, this::edited));
        }
        rows.add(row);
      }
      exercises.setAll(rows);
    } finally {
      building = false;
    }
    // The owner is fixed now: saves still queued after a profile switch belong to this session's owner.
    UUID owner = profile.get().id();
    saver = new AutoSaver(tasks, started, (basis, next) -> write(owner, basis, next), this::saved, this::saveFailed);
    startError.set(null);
    conflict.set(false);
    error.set(null);
    changedElsewhere.set(false);
    resting.set(false);
    restOver.set(false);
    saveState.set(SaveState.SAVED);
    saveMessage.set("All changes saved");
    mode.set(Mode.ACTIVE);
    updateProgress(structure(new ArrayList<>()));
    tick();
  }

  private void edited() {
    if (building || mode.get() != Mode.ACTIVE || saver == null) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    SessionStructure structure = structure(problems);
    problems.addAll(StructureValidator.problemsOf(structure, "session", false));
    showProblems(problems);
    updateProgress(structure);
    if (!problems.isEmpty()) {
      saveState.set(SaveState.INVALID);
      saveMessage.set(NOT_SAVED + FieldNames.describe(problems.get(0)));
      return;
    }
    saveState.set(SaveState.SAVING);
    saveMessage.set("Saving…");
    saver.submit(structure);
  }

  private void saved(Session saved) {
    if (session.get() == null || !session.get().id().equals(saved.id())) {
      return;
    }
    session.set(saved);
    if (saver != null && !saver.hasPending() && saveState.get() == SaveState.SAVING) {
      saveState.set(SaveState.SAVED);
      saveMessage.set("Saved at " + Formats.timeWithSeconds(saved.updatedAt(), services.clock().getZone()));
    }
  }

  /**
   * The one place the workout screen writes an edit: {@code next} over {@code basis}, the session
   * as the screen last loaded or saved it. The save names {@code basis.version()}, so a change
   * made elsewhere meanwhile (the REST API, sync) refuses it and shows as "Changed elsewhere"
   * through {@link ChangedElsewhere} instead of being overwritten.
   */
  private Session write(UUID owner, Session basis, SessionStructure next) {
    return services.sessions().update(owner, basis.id(), next, basis.version());
  }

  private void saveFailed(Failure failure) {
    saveState.set(SaveState.FAILED);
    saveMessage.set(NOT_SAVED + failure.message());
    if (ChangedElsewhere.refused(failure.cause())) {
      changedElsewhere.set(true);
    }
  }

  /**
   * Shows the workout as it is on disk now, dropping what this screen could not save (after a
   * change made elsewhere refused it): the session in progress again, or the start form when it
   * was completed or deleted elsewhere.
   */
  public void reload() {
    changedElsewhere.set(false);
    saveState.set(SaveState.SAVED);
    saveMessage.set("");
    refresh();
  }

  /** Tries the last unsaved change again. */
  public void retrySave() {
    if (saver != null && saver.hasPending()) {
      saveState.set(SaveState.SAVING);
      saveMessage.set("Saving…");
      saver.retry();
    }
  }

  /** Tries a failed save once more (the window is closing); does nothing otherwise. */
  public void retryFailedSave() {
    if (saveState.get() == SaveState.FAILED) {
      retrySave();
    }
  }

  /**
   * Why the screen holds a change that is not on disk (a field with a problem, a save that
   * failed), or null when everything shown is saved. Ask after the writes finished.
   */
  public String unsavedChange() {
    if (mode.get() != Mode.ACTIVE || saver == null) {
      return null;
    }
    if (saveState.get() == SaveState.INVALID || saveState.get() == SaveState.FAILED) {
      String message = saveMessage.get();
      return message.startsWith(NOT_SAVED) ? message.substring(NOT_SAVED.length()) : message;
    }
    return null;
  }

  /** The session as the rows show it; text that is not a number goes to {@code problems}. */
  SessionStructure structure(List<Problem> problems) {
    SessionStructure base = session.get().structure();
    List<Exercise> list = new ArrayList<>();
    for (int e = 0; e < exercises.size(); e++) {
      ExerciseRow row = exercises.get(e);
      List<SetEntry> sets = new ArrayList<>();
      for (int s = 0; s < row.sets().size(); s++) {
        sets.add(row.sets().get(s).toEntry("session.exercises[" + e + "].sets[" + s + "]", problems));
      }
      String exerciseNotes = row.notesProperty().get();
      list.add(new Exercise(row.name(), exerciseNotes == null || exerciseNotes.isEmpty() ? null : exerciseNotes,
          row.restSeconds(), row.superset(), sets));
    }
    String sessionNotes = notes.get();
    return new SessionStructure(base.name(), base.unit(),
        sessionNotes == null || sessionNotes.isEmpty() ? null : sessionNotes, base.bodyweight(), list);
  }

  private void showProblems(List<Problem> problems) {
    notesError.set(null);
    for (ExerciseRow row : exercises) {
      row.notesErrorProperty().set(null);
      row.sets().forEach(SetRow::clearErrors);
    }
    for (Problem problem : problems) {
      StringProperty target = errorFor(problem.path());
      if (target != null && target.get() == null) {
        target.set(FieldNames.inline(problem));
      }
    }
  }

  private StringProperty errorFor(String path) {
    if (path.equals("session.notes")) {
      return notesError;
    }
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("session\\.exercises\\[(\\d+)](?:\\.sets\\[(\\d+)]\\.(\\w+)|\\.(notes))")
            .matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    int e = Integer.parseInt(matcher.group(1));
    if (e >= exercises.size()) {
      return null;
    }
    ExerciseRow row = exercises.get(e);
    if (matcher.group(4) != null) {
      return row.notesErrorProperty();
    }
    int s = Integer.parseInt(matcher.group(2));
    if (s >= row.sets().size()) {
      return null;
    }
    SetRow set = row.sets().get(s);
    for (SetRow.Field field : set.fields()) {
      if (field.key().equals(matcher.group(3))) {
        return field.errorProperty();
      }
    }
    return null;
  }

  private void updateProgress(SessionStructure structure) {
    StructureStats stats = structure.stats();
    progress.set(stats.completedSetCount() + " of " + stats.setCount() + " sets done · "
        + NumberText.volume(stats.volume()) + " " + structure.unit().code());
  }

  /** Marks a set done (stamping {@code completed_at}) or not done, and starts the rest countdown. */
  public void setDone(SetRow row, boolean isDone) {
    if (mode.get() != Mode.ACTIVE || row.isDone() == isDone) {
      return;
    }
    Instant now = services.clock().instant();
    row.markDone(isDone ? now : null);
    if (isDone) {
      ExerciseRow exercise = exerciseOf(row);
      Integer rest = exercise == null ? null : exercise.restSeconds();
      nextUp.set(describeNext(row));
      if (rest != null && rest > 0) {
        restEndsAt = now.plusSeconds(rest);
        restTotal.set(rest);
        resting.set(true);
        restOver.set(false);
        tick();
      }
    }
    edited();
  }

  /** "Next: Bench press, set 3 · 6 × 80 kg @ 8", or "Last set done" when nothing is left. */
  private String describeNext(SetRow after) {
    List<SetRow> all = allSets();
    int from = all.indexOf(after);
    for (int i = 1; i <= all.size(); i++) {
      SetRow candidate = all.get((from + i + all.size()) % all.size());
      if (!candidate.isDone()) {
        ExerciseRow exercise = exerciseOf(candidate);
        return "Next: " + exercise.name() + ", set " + (exercise.sets().indexOf(candidate) + 1) + " · "
            + Formats.target(candidate.target(), session.get().structure().unit());
      }
    }
    return "Every set is done: complete the workout when you are ready.";
  }

  /**
   * The "one keystroke" path: marks {@code current} (or the first set not yet done) done and
   * returns the next set not done, for the view to focus; null when every set is done.
   */
  public SetRow doneAndNext(SetRow current) {
    List<SetRow> all = allSets();
    SetRow target = current;
    if (target == null) {
      target = all.stream().filter(r -> !r.isDone()).findFirst().orElse(null);
    }
    if (target == null) {
      return null;
    }
    setDone(target, true);
    int index = all.indexOf(target);
    for (int i = index + 1; i < all.size(); i++) {
      if (!all.get(i).isDone()) {
        return all.get(i);
      }
    }
    return all.stream().filter(r -> !r.isDone()).findFirst().orElse(null);
  }

  /** Every set in workout order. */
  public List<SetRow> allSets() {
    List<SetRow> all = new ArrayList<>();
    exercises.forEach(e -> all.addAll(e.sets()));
    return all;
  }

  public ExerciseRow exerciseOf(SetRow row) {
    return exercises.stream().filter(e -> e.sets().contains(row)).findFirst().orElse(null);
  }

  /** Adds a set after the last set of {@code exercise} (the last exercise when null); returns it. */
  public SetRow addSet(ExerciseRow exercise) {
    ExerciseRow into = exercise != null ? exercise : exercises.isEmpty() ? null : exercises.get(exercises.size() - 1);
    if (into == null || mode.get() != Mode.ACTIVE) {
      return null;
    }
    if (into.sets().size() >= StructureValidator.MAX_SETS) {
      error.set("An exercise holds at most " + StructureValidator.MAX_SETS + " sets.");
      return null;
    }
    SetEntry suggestion = into.sets().isEmpty() ? SetEntry.target(SetType.NORMAL, null, null, null)
        : into.sets().get(into.sets().size() - 1).asSuggestion();
    SetType type = suggestion.type() == SetType.WARMUP ? SetType.NORMAL : suggestion.type();
    SetEntry fresh = SetEntry.target(type, suggestion.targetReps(), suggestion.targetWeight(), suggestion.targetRpe());
    SetRow row = new SetRow(fresh, suggestion, this::edited);
    into.sets().add(row);
    edited();
    return row;
  }

  public void removeSet(SetRow row) {
    ExerciseRow exercise = exerciseOf(row);
    if (exercise != null) {
      exercise.sets().remove(row);
      edited();
    }
  }

  /** Adds an exercise named {@link #newExerciseNameProperty()} with one empty set; returns its first set. */
  public SetRow addExercise() {
    String name = newExerciseName.get() == null ? "" : newExerciseName.get().strip();
    newExerciseError.set(null);
    if (name.isEmpty() || name.codePointCount(0, name.length()) > StructureValidator.MAX_NAME) {
      newExerciseError.set("Exercise name must be 1 to " + StructureValidator.MAX_NAME + " characters");
      return null;
    }
    if (exercises.size() >= StructureValidator.MAX_EXERCISES) {
      newExerciseError.set("A workout holds at most " + StructureValidator.MAX_EXERCISES + " exercises");
      return null;
    }
    ExerciseRow row = new ExerciseRow(new Exercise(name, null, null, null, List.of()), this::edited);
    SetEntry empty = SetEntry.target(SetType.NORMAL, null, null, null);
    SetRow first = new SetRow(empty, empty, this::edited);
    row.sets().add(first);
    exercises.add(row);
    newExerciseName.set("");
    edited();
    return first;
  }

  public void removeExercise(ExerciseRow row) {
    if (exercises.remove(row)) {
      edited();
    }
  }

  /** True when removing {@code row} would throw away sets already done (the view asks first). */
  public boolean hasDoneSets(ExerciseRow row) {
    return row.sets().stream().anyMatch(SetRow::isDone);
  }

  /**
   * Completes the session with what the screen shows; it becomes read-only and opens in history.
   * Refused while a field holds a problem.
   */
  public void complete() {
    Session current = session.get();
    if (current == null || mode.get() != Mode.ACTIVE) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    SessionStructure structure = structure(problems);
    problems.addAll(StructureValidator.problemsOf(structure, "session", false));
    if (!problems.isEmpty()) {
      showProblems(problems);
      error.set("Fix the marked fields before completing: " + FieldNames.describe(problems.get(0)));
      return;
    }
    UUID owner = profile.get().id();
    saver.cancel();
    busy.set(true);
    AutoSaver saves = saver;
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
    error.set(failure.message());
    if (ChangedElsewhere.refused(failure.cause())) {
      changedElsewhere.set(true);
    }
  }

  /** Deletes the session in progress and everything logged in it. */
  public void discard() {
    Session current = session.get();
    if (current == null || mode.get() != Mode.ACTIVE) {
      return;
    }
    UUID owner = profile.get().id();
    saver.cancel();
    busy.set(true);
    AutoSaver saves = saver;
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
    Session current = session.get();
    if (current == null) {
      return;
    }
    Instant now = services.clock().instant();
    elapsed.set(Formats.clock(Duration.between(current.startedAt(), now)));
    if (resting.get()) {
      long millis = Duration.between(now, restEndsAt).toMillis();
      int seconds = (int) Math.max(0, (millis + 999) / 1000);
      restRemaining.set(seconds);
      restText.set(Formats.clock(Duration.ofSeconds(seconds)));
      if (millis <= 0) {
        resting.set(false);
        restOver.set(true);
        restOverSince = now;
        chime.play();
      }
    } else if (restOver.get() && restOverSince != null
        && Duration.between(restOverSince, now).compareTo(REST_OVER_BANNER) >= 0) {
      restOver.set(false);
    }
  }

  /** Ends the rest countdown early, silently. */
  public void skipRest() {
    resting.set(false);
    restOver.set(false);
  }

  // ---- properties ----

  public ObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public ObservableList<PlanSummary> plans() {
    return plans;
  }

  public ObjectProperty<PlanSummary> chosenPlanProperty() {
    return chosenPlan;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public StringProperty startErrorProperty() {
    return startError;
  }

  public BooleanProperty conflictProperty() {
    return conflict;
  }

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  public StringProperty titleProperty() {
    return title;
  }

  public StringProperty notesProperty() {
    return notes;
  }

  public StringProperty notesErrorProperty() {
    return notesError;
  }

  public ObservableList<ExerciseRow> exercises() {
    return exercises;
  }

  public StringProperty newExerciseNameProperty() {
    return newExerciseName;
  }

  public StringProperty newExerciseErrorProperty() {
    return newExerciseError;
  }

  public StringProperty elapsedProperty() {
    return elapsed;
  }

  public StringProperty progressProperty() {
    return progress;
  }

  public ObjectProperty<SaveState> saveStateProperty() {
    return saveState;
  }

  public StringProperty saveMessageProperty() {
    return saveMessage;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  /**
   * True when the last save (or Complete, or Discard) was refused because the session was changed
   * elsewhere: the screen shows "Changed elsewhere: reload" with {@link #reload()}.
   */
  public BooleanProperty changedElsewhereProperty() {
    return changedElsewhere;
  }

  public BooleanProperty restingProperty() {
    return resting;
  }

  public IntegerProperty restRemainingProperty() {
    return restRemaining;
  }

  public IntegerProperty restTotalProperty() {
    return restTotal;
  }

  public StringProperty restTextProperty() {
    return restText;
  }

  public BooleanProperty restOverProperty() {
    return restOver;
  }

  /** What comes after the set just done, for the rest banner. */
  public StringProperty nextUpProperty() {
    return nextUp;
  }

  /** The weight unit of the session in progress ("kg"). */
  public String unit() {
    Session current = session.get();
    return current == null ? "" : current.structure().unit().code();
  }
}
