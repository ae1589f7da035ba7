package dev.setwise.ui.amend;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureValidator;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.ExerciseFormBase;
import dev.setwise.ui.common.FieldNames;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.StructureErrors;
import dev.setwise.ui.common.UiServices;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The correction of a completed session ("Amend…"): the whole structure as the session holds it
 * now, editable like the workout's sets (exercises, sets, reps, weight, RPE, done), and the reason,
 * required. Every edit is checked with the rules the service applies ({@link StructureValidator},
 * 1 to {@value SessionRequests#MAX_REASON} characters of reason); each problem shows under its
 * field, and Save stays off until there is none and something was changed. Saving records an
 * amendment ({@code SessionService.amend}) over the version the editor was opened on; the original
 * and every earlier version are kept.
 */
public final class AmendViewModel {

  private static final StructureErrors ERRORS = new StructureErrors("session");

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;

  private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session");
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty bodyweight = new SimpleStringProperty(this, "bodyweight", "");
  private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
  private final StringProperty nameError = new SimpleStringProperty(this, "nameError");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final StringProperty bodyweightError = new SimpleStringProperty(this, "bodyweightError");
  private final StringProperty reasonError = new SimpleStringProperty(this, "reasonError");
  private final StringProperty exercisesError = new SimpleStringProperty(this, "exercisesError");
  private final ObservableList<AmendExerciseForm> exercises = FXCollections.observableArrayList();
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final BooleanProperty valid = new SimpleBooleanProperty(this, "valid");
  private final BooleanProperty changed = new SimpleBooleanProperty(this, "changed");
  private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
  private final BooleanProperty open = new SimpleBooleanProperty(this, "open");
  private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private boolean loading;
  /** False until the reason field was typed in: an empty reason is not an error before the first keystroke. */
  private boolean reasonTouched;

  public AmendViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    name.addListener((obs, old, now) -> edited());
    notes.addListener((obs, old, now) -> edited());
    bodyweight.addListener((obs, old, now) -> edited());
    reason.addListener((obs, old, now) -> {
      if (!loading) {
        reasonTouched = true;
      }
      edited();
    });
    exercises.addListener((ListChangeListener<AmendExerciseForm>) change -> edited());
  }

  /** Opens the editor on {@code completed} as it is now (its newest version). */
  public void begin(Session completed) {
    loading = true;
    try {
      session.set(completed);
      SessionStructure structure = completed.structure();
      name.set(structure.name() == null ? "" : structure.name());
      notes.set(structure.notes() == null ? "" : structure.notes());
      bodyweight.set(NumberText.format(structure.bodyweight()));
      reason.set("");
      List<AmendExerciseForm> forms = new ArrayList<>();
      for (Exercise exercise : structure.exercises()) {
        forms.add(new AmendExerciseForm(exercise, this::edited));
      }
      exercises.setAll(forms);
    } finally {
      loading = false;
    }
    reasonTouched = false;
    error.set(null);
    dirty.set(false);
    open.set(true);
    validate();
  }

  /** Closes the editor; what was typed is dropped. */
  public void close() {
    loading = true;
    try {
      exercises.clear();
      problems.clear();
      reason.set("");
    } finally {
      loading = false;
    }
    session.set(null);
    dirty.set(false);
    saving.set(false);
    open.set(false);
  }

  private void edited() {
    if (loading || session.get() == null) {
      return;
    }
    dirty.set(true);
    validate();
  }

  /** Checks everything and places each problem under its field. Returns the structure as typed. */
  SessionStructure validate() {
    List<Problem> found = new ArrayList<>();
    SessionStructure structure = structure(found);
    found.addAll(StructureValidator.problemsOf(structure, "session", false));
    String why = reason.get() == null ? "" : reason.get().strip();
    int length = why.codePointCount(0, why.length());
    boolean reasonOk = length >= 1 && length <= SessionRequests.MAX_REASON;
    nameError.set(null);
    notesError.set(null);
    bodyweightError.set(null);
    exercisesError.set(null);
    reasonError.set(null);
    exercises.forEach(AmendExerciseForm::clearErrors);
    List<String> unplaced = StructureErrors.place(found, this::errorFor);
    List<String> described = new ArrayList<>(found.stream().map(FieldNames::describe).toList());
    if (!reasonOk && (reasonTouched || length > 0)) {
      reasonError.set("Reason must be 1 to " + SessionRequests.MAX_REASON + " characters");
    }
    // Like the reason's own error, the hint waits for the first keystroke (or a save).
    if (!reasonOk && (reasonTouched || length > 0)) {
      described.add("Reason: say why you correct the session (1 to " + SessionRequests.MAX_REASON + " characters)");
    }
    problems.setAll(described);
    if (!unplaced.isEmpty()) {
      exercisesError.set(String.join("\n", unplaced));
    }
    Session current = session.get();
    changed.set(current != null && found.isEmpty() && !sameAs(structure, current.structure()));
    valid.set(found.isEmpty() && reasonOk);
    return structure;
  }

  /** Equal as recorded: an unnamed correction keeps the session's name, as the service does. */
  private static boolean sameAs(SessionStructure corrected, SessionStructure current) {
    SessionStructure named = corrected.name() == null ? corrected.withName(current.name()) : corrected;
    return named.equals(current);
  }

  private SessionStructure structure(List<Problem> found) {
    List<Exercise> list = new ArrayList<>();
    for (int i = 0; i < exercises.size(); i++) {
      list.add(exercises.get(i).toExercise("session.exercises[" + i + "]", found));
    }
    NumberText.Parsed<Double> weight = NumberText.decimal(bodyweight.get());
    if (!weight.ok()) {
      found.add(new Problem("session.bodyweight", weight.problem()));
    }
    String text = notes.get();
    String title = name.get();
    return new SessionStructure(title == null || title.isEmpty() ? null : title, session.get().structure().unit(),
        text == null || text.isEmpty() ? null : text, weight.value(), list);
  }

  private StringProperty errorFor(String path) {
    switch (path) {
      case "session.name":
        return nameError;
      case "session.notes":
        return notesError;
      case "session.bodyweight":
        return bodyweightError;
      case "session.exercises":
        return exercisesError;
      default:
        break;
    }
    return ERRORS.exerciseError(exercises, path);
  }

  // ---- structure commands ----

  /** Adds an exercise with one set to fill in. */
  public AmendExerciseForm addExercise() {
    if (exercises.size() >= StructureValidator.MAX_EXERCISES) {
      error.set("A session holds at most " + StructureValidator.MAX_EXERCISES + " exercises.");
      return null;
    }
    AmendExerciseForm form = new AmendExerciseForm(new Exercise("", null, null, null,
        List.of(SetEntry.target(SetType.NORMAL, null, null, null))), this::edited);
    exercises.add(form);
    return form;
  }

  public void removeExercise(AmendExerciseForm form) {
    exercises.remove(form);
  }

  public void moveExercise(AmendExerciseForm form, int delta) {
    ExerciseFormBase.move(exercises, form, delta, this::quietly);
  }

  /** Runs a change of the form lists that is not an edit of its own (half of a move). */
  private void quietly(Runnable change) {
    loading = true;
    try {
      change.run();
    } finally {
      loading = false;
    }
  }

  /** Adds a set after the last one, of its type (a warm-up is followed by a normal set), not yet filled in. */
  public AmendSetForm addSet(AmendExerciseForm form) {
    if (form.sets().size() >= StructureValidator.MAX_SETS) {
      error.set("An exercise holds at most " + StructureValidator.MAX_SETS + " sets.");
      return null;
    }
    SetType type = SetType.NORMAL;
    if (!form.sets().isEmpty()) {
      SetType last = form.sets().get(form.sets().size() - 1).typeProperty().get();
      type = last == SetType.WARMUP ? SetType.NORMAL : last;
    }
    AmendSetForm set = new AmendSetForm(SetEntry.target(type, null, null, null), this::edited);
    form.sets().add(set);
    return set;
  }

  public void removeSet(AmendExerciseForm form, AmendSetForm set) {
    form.sets().remove(set);
  }

  /**
   * Records the correction when it is valid and changes something, then hands the session as it
   * is now (amended, one version on) to {@code onSaved} and closes. A session changed meanwhile
   * elsewhere (another amendment, over sync or the API) refuses it; nothing is lost from the form.
   */
  public void save(Consumer<Session> onSaved) {
    reasonTouched = true;
    SessionStructure structure = validate();
    Session current = session.get();
    if (current == null) {
      return;
    }
    if (!valid.get()) {
      error.set("Not saved: " + problems.get(0));
      return;
    }
    if (!changed.get()) {
      error.set("Not saved: the correction changes nothing yet.");
      return;
    }
    Profile owner = profile.get();
    String why = reason.get();
    saving.set(true);
    error.set(null);
    tasks.write("save the correction", () -> services.sessions().amend(owner.id(), current.id(), structure, why,
        current.version()), amended -> {
          close();
          onSaved.accept(amended);
        }, failure -> {
          saving.set(false);
          error.set(failure.cause() instanceof PreconditionFailedException
              ? "Not saved: this session was amended elsewhere meanwhile. Close the editor and open the session "
                  + "again to see its newest version."
              : "Not saved: " + failure.message());
        });
  }

  // ---- properties ----

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty notesProperty() {
    return notes;
  }

  public StringProperty bodyweightProperty() {
    return bodyweight;
  }

  public StringProperty reasonProperty() {
    return reason;
  }

  public StringProperty nameErrorProperty() {
    return nameError;
  }

  public StringProperty notesErrorProperty() {
    return notesError;
  }

  public StringProperty bodyweightErrorProperty() {
    return bodyweightError;
  }

  public StringProperty reasonErrorProperty() {
    return reasonError;
  }

  public StringProperty exercisesErrorProperty() {
    return exercisesError;
  }

  public ObservableList<AmendExerciseForm> exercises() {
    return exercises;
  }

  /** Every problem, described with its place; the missing reason last, once the reason was typed in or a save tried. */
  public ObservableList<String> problems() {
    return problems;
  }

  /** True when every field and the reason are valid. */
  public BooleanProperty validProperty() {
    return valid;
  }

  /** True when the fields are valid and differ from what the session holds now. */
  public BooleanProperty changedProperty() {
    return changed;
  }

  /** True once anything was typed since the editor opened (closing then asks). */
  public BooleanProperty dirtyProperty() {
    return dirty;
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public BooleanProperty savingProperty() {
    return saving;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** The unit of the session being corrected ("kg"). */
  public String unit() {
    return session.get() == null ? "" : session.get().structure().unit().code();
  }
}
