package dev.setwise.ui.plan;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Unit;
import dev.setwise.service.PlanService;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.ExerciseFormBase;
import dev.setwise.ui.common.FieldNames;
import dev.setwise.ui.common.StructureErrors;
import dev.setwise.ui.common.UiServices;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
 * The plan editor: name, unit, notes, exercises and their sets. Every edit is checked at once with
 * the domain's own rules ({@link PlanService#problemsOf}); each problem is shown under its field
 * with the field's name and limit, and Save stays off until there is none.
 */
public final class PlanEditorViewModel {

  private static final StructureErrors ERRORS = new StructureErrors("structure");

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;

  private final ObjectProperty<UUID> planId = new SimpleObjectProperty<>(this, "planId");
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final ObjectProperty<Unit> unit = new SimpleObjectProperty<>(this, "unit", Unit.KG);
  private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
  private final StringProperty nameError = new SimpleStringProperty(this, "nameError");
  private final StringProperty notesError = new SimpleStringProperty(this, "notesError");
  private final StringProperty exercisesError = new SimpleStringProperty(this, "exercisesError");
  private final ObservableList<ExerciseForm> exercises = FXCollections.observableArrayList();
  private final ObservableList<String> problems = FXCollections.observableArrayList();
  private final BooleanProperty valid = new SimpleBooleanProperty(this, "valid", false);
  private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty", false);
  private final BooleanProperty open = new SimpleBooleanProperty(this, "open", false);
  private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving", false);
  private final StringProperty status = new SimpleStringProperty(this, "status", "");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private boolean loading;
  /** False until the first edit (or Save): a plan just opened shows no problems, only a Save that is off. */
  private boolean showProblems;

  public PlanEditorViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    name.addListener((obs, old, now) -> edited());
    unit.addListener((obs, old, now) -> edited());
    notes.addListener((obs, old, now) -> edited());
    exercises.addListener((ListChangeListener<ExerciseForm>) change -> edited());
  }

  /** Shows {@code plan} for editing (its structure holds targets only). */
  public void edit(Plan plan) {
    load(plan.id(), plan.name(), plan.structure());
    status.set(plan.hasSessions()
        ? "Sessions already started from this plan keep their own copy; changes apply to new sessions."
        : "");
  }

  /** Starts a new plan in the profile's unit, with one exercise to fill in. */
  public void createNew() {
    Unit profileUnit = profile.get() == null ? Unit.KG : profile.get().unit();
    load(null, "", new SessionStructure(null, profileUnit, null, null, List.of(blankExercise())));
    status.set("New plan: nothing is saved until you press Save.");
    dirty.set(true);
  }

  /**
   * Starts a new plan from {@code structure} (targets only) named {@code planName}, unsaved: the
   * person edits it, then saves it (Save as plan from a session).
   */
  public void createFrom(String planName, SessionStructure structure, String note) {
    load(null, planName, structure);
    status.set(note);
    dirty.set(true);
  }

  public void close() {
    loading = true;
    try {
      planId.set(null);
      name.set("");
      notes.set("");
      exercises.clear();
      problems.clear();
    } finally {
      loading = false;
    }
    open.set(false);
    dirty.set(false);
  }

  private void load(UUID id, String planName, SessionStructure structure) {
    loading = true;
    try {
      planId.set(id);
      name.set(planName);
      unit.set(structure.unit());
      notes.set(structure.notes() == null ? "" : structure.notes());
      List<ExerciseForm> forms = new ArrayList<>();
      for (Exercise exercise : structure.exercises()) {
        forms.add(new ExerciseForm(exercise, this::edited));
      }
      exercises.setAll(forms);
    } finally {
      loading = false;
    }
    open.set(true);
    error.set(null);
    showProblems = false;
    validate();
    dirty.set(false);
  }

  private static Exercise blankExercise() {
    return new Exercise("", null, 90, null, List.of(SetEntry.target(SetType.NORMAL, 8, null, null)));
  }

  private void edited() {
    if (loading) {
      return;
    }
    dirty.set(true);
    showProblems = true;
    validate();
  }

  /**
   * Checks everything and, once the plan was edited, places each problem under its field. Returns
   * the structure as typed.
   */
  SessionStructure validate() {
    List<Problem> found = new ArrayList<>();
    SessionStructure structure = structure(found);
    found.addAll(PlanService.problemsOf(name.get(), structure));
    nameError.set(null);
    notesError.set(null);
    exercisesError.set(null);
    exercises.forEach(ExerciseForm::clearErrors);
    valid.set(found.isEmpty());
    if (!showProblems) {
      problems.clear();
      return structure;
    }
    List<String> unplaced = StructureErrors.place(found, this::errorFor);
    problems.setAll(found.stream().map(FieldNames::describe).toList());
    if (!unplaced.isEmpty()) {
      exercisesError.set(String.join("\n", unplaced));
    }
    return structure;
  }

  private SessionStructure structure(List<Problem> found) {
    List<Exercise> list = new ArrayList<>();
    for (int i = 0; i < exercises.size(); i++) {
      list.add(exercises.get(i).toExercise("structure.exercises[" + i + "]", found));
    }
    String text = notes.get();
    return new SessionStructure(null, unit.get(), text == null || text.isEmpty() ? null : text, null, list);
  }

  private StringProperty errorFor(String path) {
    switch (path) {
      case "name":
        return nameError;
      case "structure.notes":
        return notesError;
      case "structure.exercises":
        return exercisesError;
      default:
        break;
    }
    return ERRORS.exerciseError(exercises, path);
  }

  // ---- structure commands ----

  public ExerciseForm addExercise() {
    if (exercises.size() >= StructureValidator.MAX_EXERCISES) {
      error.set("A plan holds at most " + StructureValidator.MAX_EXERCISES + " exercises.");
      return null;
    }
    ExerciseForm form = new ExerciseForm(blankExercise(), this::edited);
    exercises.add(form);
    return form;
  }

  public void removeExercise(ExerciseForm form) {
    exercises.remove(form);
  }

  public void moveExercise(ExerciseForm form, int delta) {
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

  /** Adds a set copying the last one's type and targets (a new first set is a normal set of 8). */
  public SetForm addSet(ExerciseForm form) {
    if (form.sets().size() >= StructureValidator.MAX_SETS) {
      error.set("An exercise holds at most " + StructureValidator.MAX_SETS + " sets.");
      return null;
    }
    SetForm set;
    if (form.sets().isEmpty()) {
      set = new SetForm(SetEntry.target(SetType.NORMAL, 8, null, null), this::edited);
    } else {
      SetEntry last = form.sets().get(form.sets().size() - 1).toEntry("", new ArrayList<>());
      SetType type = last.type() == SetType.WARMUP ? SetType.NORMAL : last.type();
      set = new SetForm(SetEntry.target(type, last.targetReps(), last.targetWeight(), last.targetRpe()), this::edited);
    }
    form.sets().add(set);
    return set;
  }

  public void removeSet(ExerciseForm form, SetForm set) {
    form.sets().remove(set);
  }

  /**
   * Saves when valid (create or update), then hands the saved plan to {@code onSaved}.
   * Does nothing but point at the problems when it is not valid.
   */
  public void save(Consumer<Plan> onSaved) {
    showProblems = true;
    SessionStructure structure = validate();
    if (!valid.get()) {
      error.set("Not saved: " + problems.get(0));
      return;
    }
    Profile owner = profile.get();
    UUID id = planId.get();
    String planName = name.get();
    saving.set(true);
    error.set(null);
    tasks.write("save the plan", () -> id == null
        ? services.plans().create(owner.id(), planName, structure)
        : services.plans().update(owner.id(), id, planName, structure), saved -> {
          saving.set(false);
          load(saved.id(), saved.name(), saved.structure());
          status.set("Saved.");
          onSaved.accept(saved);
        }, failure -> {
          saving.set(false);
          error.set(failure.message());
        });
  }

  // ---- properties ----

  public ObjectProperty<UUID> planIdProperty() {
    return planId;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public ObjectProperty<Unit> unitProperty() {
    return unit;
  }

  public StringProperty notesProperty() {
    return notes;
  }

  public StringProperty nameErrorProperty() {
    return nameError;
  }

  public StringProperty notesErrorProperty() {
    return notesError;
  }

  public StringProperty exercisesErrorProperty() {
    return exercisesError;
  }

  public ObservableList<ExerciseForm> exercises() {
    return exercises;
  }

  /** Every problem, described with its place ("Exercise 1, set 3: target reps must be …"). */
  public ObservableList<String> problems() {
    return problems;
  }

  public BooleanProperty validProperty() {
    return valid;
  }

  public BooleanProperty dirtyProperty() {
    return dirty;
  }

  public BooleanProperty openProperty() {
    return open;
  }

  public BooleanProperty savingProperty() {
    return saving;
  }

  public StringProperty statusProperty() {
    return status;
  }

  public StringProperty errorProperty() {
    return error;
  }
}
