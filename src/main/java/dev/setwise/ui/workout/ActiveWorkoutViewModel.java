package dev.setwise.ui.workout;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Supersets;
import dev.setwise.service.RestTimerService;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.UiServices;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The session being logged: its exercises and sets as rows, notes, progress and the commands that
 * change them (mark done, add, remove). Every edit is validated by the domain's rules and, when
 * valid, saved at once through the {@link WorkoutSaver}; problems appear next to their field and
 * nothing invalid is written. FX thread only.
 */
public final class ActiveWorkoutViewModel {


  private final UiServices services;
  private final RestTimer rest;
  private final WorkoutSaver saver;

  private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session");
  private final StringProperty title = new SimpleStringProperty(this, "title", "");
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final ObservableList<ExerciseRow> exercises = FXCollections.observableArrayList();
  private final StringProperty newExerciseName = new SimpleStringProperty(this, "newExerciseName", "");
  private final StringProperty newExerciseError = new SimpleStringProperty(this, "newExerciseError");
  private final StringProperty elapsed = new SimpleStringProperty(this, "elapsed", "0:00");
  private final StringProperty progress = new SimpleStringProperty(this, "progress", "");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final SetOrder order = new SetOrder(exercises);
  private boolean building;
  private int warmupRest = RestTimerService.DEFAULT_WARMUP_REST;

  ActiveWorkoutViewModel(UiServices services, RestTimer rest, WorkoutSaver saver) {
    this.services = services;
    this.rest = rest;
    this.saver = saver;
    notes.addListener((obs, old, now) -> edited());
  }

  /** Shows {@code started} of {@code owner} and saves every edit of it from now on. */
  void open(UUID owner, Session started) {
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
    saver.begin(owner, started, this::saved);
    error.set(null);
    updateProgress(structure(new ArrayList<>()));
    tick();
  }

  /** The profile's rest after a warm-up set, in seconds. */
  void setWarmupRest(int seconds) {
    warmupRest = seconds;
  }

  /** No session on screen any more. */
  void close() {
    saver.end();
    session.set(null);
    exercises.clear();
  }

  private boolean saved(Session saved) {
    if (session.get() == null || !session.get().id().equals(saved.id())) {
      return false;
    }
    session.set(saved);
    return true;
  }

  private void edited() {
    if (building || session.get() == null || !saver.saving()) {
      return;
    }
    List<Problem> problems = new ArrayList<>();
    SessionStructure structure = checked(problems);
    FieldErrors.show(problems, notesError, exercises);
    updateProgress(structure);
    if (!problems.isEmpty()) {
      saver.invalid(problems.get(0));
      return;
    }
    saver.submit(structure);
  }

  /**
   * The session as the rows show it, with every problem in {@code problems}: text that is not a
   * number, and what the domain's rules refuse.
   */
  SessionStructure checked(List<Problem> problems) {
    SessionStructure structure = structure(problems);
    problems.addAll(StructureValidator.problemsOf(structure, "session", false));
    return structure;
  }

  /** Puts {@code problems} next to their fields. */
  void showProblems(List<Problem> problems) {
    FieldErrors.show(problems, notesError, exercises);
  }

  /** The session as the rows show it; text that is not a number goes to {@code problems}. */
  private SessionStructure structure(List<Problem> problems) {
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

  private void updateProgress(SessionStructure structure) {
    StructureStats stats = structure.stats();
    progress.set(stats.completedSetCount() + " of " + stats.setCount() + " sets done · "
        + NumberText.volume(stats.volume()) + " " + structure.unit().code());
  }

  /** Updates the elapsed time. */
  void tick() {
    Session current = session.get();
    if (current != null) {
      elapsed.set(Formats.clock(Duration.between(current.startedAt(), services.clock().instant())));
    }
  }

  // ---- sets ----

  /** Marks a set done (stamping {@code completed_at}) or not done, and starts the rest countdown. */
  public void setDone(SetRow row, boolean isDone) {
    if (session.get() == null || row.isDone() == isDone) {
      return;
    }
    Instant now = services.clock().instant();
    row.markDone(isDone ? now : null);
    if (isDone) {
      rest.nextUpProperty().set(describeNext(row));
      SetOrder.Rest next = order.restAfter(row, warmupRest);
      if (next != null) {
        rest.start(next.seconds(), next.warmup());
      } else {
        // Mid-round in a superset (or an exercise without rest): the athlete has moved on.
        rest.skip();
      }
    }
    edited();
  }

  /** "Next: Bench press, set 3 · 6 × 80 kg @ 8", or "Every set is done…" when nothing is left. */
  private String describeNext(SetRow after) {
    SetRow next = order.nextNotDone(after);
    if (next == null) {
      return "Every set is done: complete the workout when you are ready.";
    }
    ExerciseRow exercise = order.exerciseOf(next);
    return "Next: " + exercise.name() + ", " + exercise.setName(next) + " · "
        + Formats.target(next.target(), session.get().structure().unit());
  }

  /**
   * The "one keystroke" path: marks {@code current} (or the first set not yet done) done and
   * returns the next set not done, for the view to focus; null when every set is done.
   */
  public SetRow doneAndNext(SetRow current) {
    SetRow target = current != null ? current : order.firstNotDone();
    if (target == null) {
      return null;
    }
    setDone(target, true);
    return order.nextNotDone(target);
  }

  /** The first set not yet done, in the order of the workout; null when every set is done. */
  public SetRow firstNotDone() {
    return order.firstNotDone();
  }

  /** The exercises in blocks, as they are drawn: a superset together, every other exercise on its own. */
  public List<List<ExerciseRow>> blocks() {
    return order.blocks();
  }

  /** Every set in workout order. */
  public List<SetRow> allSets() {
    return order.sequence();
  }

  public ExerciseRow exerciseOf(SetRow row) {
    return order.exerciseOf(row);
  }

  /** Adds a set after the last set of {@code exercise} (the last exercise when null); returns it. */
  public SetRow addSet(ExerciseRow exercise) {
    ExerciseRow into = exercise != null ? exercise : exercises.isEmpty() ? null : exercises.get(exercises.size() - 1);
    if (into == null || session.get() == null) {
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

  // ---- exercises ----

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
    // The rest it gets until changed on its card: what the exercise before it rests.
    Integer rest = exercises.isEmpty() ? null
        : Supersets.roundRest(order.blockOf(exercises.get(exercises.size() - 1)), ExerciseRow::restSeconds);
    ExerciseRow row = new ExerciseRow(new Exercise(name, null, rest, null, List.of()), this::edited);
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

  // ---- properties ----

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

  /** "3 of 7 sets done · 1,580 kg". */
  public StringProperty progressProperty() {
    return progress;
  }

  /** A problem with the last command (Complete refused, too many sets), for a banner. */
  public StringProperty errorProperty() {
    return error;
  }

  /** The weight unit of the session in progress ("kg"). */
  public String unit() {
    Session current = session.get();
    return current == null ? "" : current.structure().unit().code();
  }
}
