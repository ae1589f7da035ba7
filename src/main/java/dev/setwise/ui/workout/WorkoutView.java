package dev.setwise.ui.workout;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.SetType;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignN;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The workout screen: layout and bindings only. The start form, or the session being logged: one
 * card per exercise, one row per set (target, then reps, weight and RPE prefilled from it, then the
 * done toggle), so Tab walks the workout in order and Ctrl+Enter marks a set done and jumps on.
 */
public final class WorkoutView {

  private final WorkoutViewModel vm;
  private final Navigator navigator;
  private final ZoneId zone;
  private final StackPane root = new StackPane();
  private final VBox startForm = new VBox();
  private final VBox active = new VBox();
  private final VBox exerciseBox = new VBox(14);
  private final Map<SetRow, TextField> firstFields = new HashMap<>();
  private final Map<Node, SetRow> rowOfField = new HashMap<>();
  private final ComboBox<PlanSummary> planChoice = new ComboBox<>();
  private final TextField newExerciseField = new TextField();
  private final Timeline ticker;
  private final ListChangeListener<SetRow> setsListener = change -> rebuild();
  private SetRow focusAfterRebuild;
  private java.util.function.BiFunction<ExerciseRow, SetRow, Node> setExtras = (exercise, row) -> null;
  private java.util.function.Function<ExerciseRow, Node> exerciseExtras = exercise -> null;
  private Runnable confirmComplete = () -> { };
  private Runnable confirmDiscard = () -> { };

  public WorkoutView(WorkoutViewModel vm, Navigator navigator, ZoneId zone) {
    this.vm = vm;
    this.navigator = navigator;
    this.zone = zone;
    buildStartForm();
    buildActive();
    Label loading = new Label("Loading…");
    loading.getStyleClass().add("empty-note");
    loading.visibleProperty().bind(vm.modeProperty().isEqualTo(WorkoutViewModel.Mode.LOADING));
    startForm.visibleProperty().bind(vm.modeProperty().isEqualTo(WorkoutViewModel.Mode.START));
    active.visibleProperty().bind(vm.modeProperty().isEqualTo(WorkoutViewModel.Mode.ACTIVE));
    root.getChildren().addAll(loading, wrapStart(), active);
    vm.exercises().addListener((ListChangeListener<ExerciseRow>) change -> rebuild());
    ticker = new Timeline(new KeyFrame(Duration.millis(250), event -> vm.tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
  }

  public Node node() {
    return root;
  }

  /** How Complete and Discard ask for confirmation (the main window owns the dialogs). */
  public void setConfirmations(Runnable complete, Runnable discard) {
    this.confirmComplete = complete;
    this.confirmDiscard = discard;
  }

  /**
   * What other screens add to each exercise's head and to each set row (the progress side: last
   * time, record badge, history and plates); a null node adds nothing. Rebuilds what shows.
   */
  public void setExtras(java.util.function.Function<ExerciseRow, Node> forExercise,
      java.util.function.BiFunction<ExerciseRow, SetRow, Node> forSet) {
    this.exerciseExtras = forExercise;
    this.setExtras = forSet;
    rebuild();
  }

  /** Puts the keyboard where the athlete starts: the plan choice, or the first set not yet done. */
  public void focusDefault() {
    if (vm.modeProperty().get() == WorkoutViewModel.Mode.START) {
      planChoice.requestFocus();
      return;
    }
    vm.allSets().stream().filter(r -> !r.isDone()).findFirst().ifPresent(this::focus);
  }

  // ---- start form ----

  private Node wrapStart() {
    StackPane wrapper = new StackPane(startForm);
    StackPane.setAlignment(startForm, Pos.TOP_CENTER);
    wrapper.setPadding(new Insets(40, 20, 20, 20));
    wrapper.visibleProperty().bind(startForm.visibleProperty());
    return wrapper;
  }

  private void buildStartForm() {
    startForm.getStyleClass().addAll("card", "start-form");
    startForm.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Label title = new Label("Start a workout");
    title.getStyleClass().add("screen-title");
    Label planLabel = new Label("Plan");
    planChoice.setItems(vm.plans());
    planChoice.valueProperty().bindBidirectional(vm.chosenPlanProperty());
    planChoice.setMaxWidth(Double.MAX_VALUE);
    planChoice.getStyleClass().add("big-input");
    planChoice.setCellFactory(list -> new PlanCell());
    planChoice.setButtonCell(new PlanCell());
    planChoice.setPromptText("No plans yet");
    planLabel.setLabelFor(planChoice);
    Label dateLabel = new Label("Date");
    DatePicker date = new DatePicker();
    Views.lenientDates(date);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    date.setMaxWidth(Double.MAX_VALUE);
    date.getStyleClass().add("big-input");
    dateLabel.setLabelFor(date);
    Button start = Views.button("Start workout", MaterialDesignP.PLAY);
    start.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
    start.setDefaultButton(true);
    start.setMaxWidth(Double.MAX_VALUE);
    start.setId("start-workout");
    start.setOnAction(event -> vm.start());
    start.disableProperty().bind(vm.busyProperty());
    Views.tip(start, "Start the workout", null);

    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    error.setId("start-error");
    error.textProperty().bind(vm.startErrorProperty());
    Button resume = Views.button("Resume the workout in progress", MaterialDesignP.PLAY_CIRCLE_OUTLINE);
    resume.getStyleClass().add(Styles.SUCCESS);
    resume.setId("resume-workout");
    resume.setOnAction(event -> navigator.resumeWorkout());
    resume.visibleProperty().bind(vm.conflictProperty());
    resume.managedProperty().bind(resume.visibleProperty());
    VBox problem = new VBox(8, error, resume);
    problem.getStyleClass().add(Styles.BG_DANGER_SUBTLE);
    problem.setPadding(new Insets(10));
    problem.visibleProperty().bind(vm.startErrorProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());

    Button toPlans = Views.button("Go to Plans", MaterialDesignC.CLIPBOARD_LIST_OUTLINE);
    toPlans.setOnAction(event -> navigator.show(Navigator.Screen.PLANS));
    Label noPlans = new Label("You have no plans yet. Create one to start from.");
    noPlans.setWrapText(true);
    HBox empty = new HBox(12, noPlans, toPlans);
    empty.setAlignment(Pos.CENTER_LEFT);
    empty.visibleProperty().bind(Bindings.isEmpty(vm.plans()));
    empty.managedProperty().bind(empty.visibleProperty());

    startForm.getChildren().addAll(title, planLabel, planChoice, dateLabel, date, start, problem, empty);
  }

  private static final class PlanCell extends ListCell<PlanSummary> {
    @Override
    protected void updateItem(PlanSummary item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.name() + "  ·  " + item.exerciseCount()
          + (item.exerciseCount() == 1 ? " exercise" : " exercises"));
    }
  }

  // ---- the session ----

  private void buildActive() {
    Label title = new Label();
    title.getStyleClass().add("screen-title");
    title.setId("workout-title");
    title.textProperty().bind(vm.titleProperty());
    Label date = new Label();
    date.getStyleClass().add("muted");
    date.textProperty().bind(Bindings.createStringBinding(() -> vm.sessionProperty().get() == null ? ""
        : Formats.date(vm.sessionProperty().get().date()) + " · started "
            + Formats.time(vm.sessionProperty().get().startedAt(), zone), vm.sessionProperty()));
    Label progress = new Label();
    progress.textProperty().bind(vm.progressProperty());
    VBox heading = new VBox(2, title, date, progress);

    Label elapsed = new Label();
    elapsed.getStyleClass().add("elapsed");
    elapsed.textProperty().bind(vm.elapsedProperty());
    elapsed.setGraphic(Views.icon(MaterialDesignT.TIMER_OUTLINE));
    elapsed.setAccessibleText("Elapsed time");
    Label saveState = saveStateLabel();
    saveState.setId("save-state");
    VBox clock = new VBox(2, elapsed, saveState);
    clock.setAlignment(Pos.CENTER_RIGHT);

    Button complete = Views.button("Complete", MaterialDesignF.FLAG_CHECKERED);
    complete.getStyleClass().add(Styles.SUCCESS);
    complete.setId("complete-workout");
    complete.setOnAction(event -> confirmComplete.run());
    Views.tip(complete, "Complete the workout", Shortcuts.COMPLETE);
    Button discard = Views.button("Discard", MaterialDesignD.DELETE_OUTLINE);
    discard.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
    discard.setId("discard-workout");
    discard.setOnAction(event -> confirmDiscard.run());
    Views.tip(discard, "Discard the workout", Shortcuts.DISCARD);
    complete.disableProperty().bind(vm.busyProperty());
    discard.disableProperty().bind(vm.busyProperty());
    VBox actions = new VBox(8, complete, discard);
    complete.setMaxWidth(Double.MAX_VALUE);
    discard.setMaxWidth(Double.MAX_VALUE);

    HBox top = new HBox(20, heading, new Spacer(), clock, actions);
    top.setAlignment(Pos.CENTER_LEFT);

    Node error = Views.banner(vm.errorProperty(), Styles.DANGER);

    Label addLabel = new Label("Add an exercise");
    newExerciseField.setPromptText("Exercise name, e.g. Face pull");
    newExerciseField.textProperty().bindBidirectional(vm.newExerciseNameProperty());
    newExerciseField.setPrefColumnCount(24);
    newExerciseField.setOnAction(event -> addExercise());
    Views.tip(newExerciseField, "Name of an exercise to add", Shortcuts.ADD_EXERCISE);
    Button add = Views.button("Add exercise", MaterialDesignP.PLUS);
    add.setOnAction(event -> addExercise());
    Views.tip(add, "Add the exercise", Shortcuts.ADD_EXERCISE);
    HBox addRow = new HBox(10, newExerciseField, add);
    addRow.setAlignment(Pos.CENTER_LEFT);
    VBox addBox = new VBox(6, addLabel, addRow, Views.errorLabel(vm.newExerciseErrorProperty(), newExerciseField));

    Label notesLabel = new Label("Session notes");
    TextArea notes = new TextArea();
    notes.setPromptText("How did it go? Sleep, energy, anything to remember");
    notes.setPrefRowCount(3);
    notes.setWrapText(true);
    notes.textProperty().bindBidirectional(vm.notesProperty());
    notesLabel.setLabelFor(notes);
    VBox notesBox = new VBox(6, notesLabel, notes, Views.errorLabel(vm.notesErrorProperty(), notes));

    VBox content = new VBox(16, exerciseBox, addBox, notesBox);
    content.setPadding(new Insets(4, 20, 20, 20));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    VBox header = new VBox(10, top, changedElsewhereBanner(), restBanner(), error);
    header.setPadding(new Insets(16, 20, 8, 20));
    active.getChildren().addAll(header, scroll);
  }

  private Label saveStateLabel() {
    Label label = new Label();
    label.getStyleClass().add("save-state");
    label.textProperty().bind(vm.saveMessageProperty());
    Runnable style = () -> {
      label.getStyleClass().removeAll("saved", "problem");
      WorkoutViewModel.SaveState state = vm.saveStateProperty().get();
      if (state == WorkoutViewModel.SaveState.SAVED) {
        label.getStyleClass().add("saved");
        label.setGraphic(Views.icon(MaterialDesignC.CLOUD_CHECK_OUTLINE));
      } else if (state == WorkoutViewModel.SaveState.SAVING) {
        label.setGraphic(Views.icon(MaterialDesignC.CONTENT_SAVE));
      } else {
        label.getStyleClass().add("problem");
        label.setGraphic(Views.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
      }
    };
    style.run();
    vm.saveStateProperty().addListener((obs, old, now) -> style.run());
    label.setOnMouseClicked(event -> {
      if (vm.saveStateProperty().get() == WorkoutViewModel.SaveState.FAILED) {
        vm.retrySave();
      }
    });
    return label;
  }

  /** "Changed elsewhere: reload", with Reload, when a change made elsewhere refused a save. */
  private Node changedElsewhereBanner() {
    Label text = new Label("Changed elsewhere: reload to see this workout as it is now. "
        + "Your last change here was not saved.", Views.icon(MaterialDesignA.ALERT_OUTLINE));
    text.setWrapText(true);
    text.getStyleClass().add(Styles.TEXT_BOLD);
    text.setId("changed-elsewhere");
    Button reload = Views.button("Reload", MaterialDesignR.RELOAD);
    reload.getStyleClass().add(Styles.ACCENT);
    reload.setId("reload-workout");
    reload.setOnAction(event -> vm.reload());
    Views.tip(reload, "Show the workout as it is now", null);
    HBox banner = new HBox(12, text, new Spacer(), reload);
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.getStyleClass().addAll("changed-elsewhere", Styles.BG_WARNING_SUBTLE);
    banner.visibleProperty().bind(vm.changedElsewhereProperty());
    banner.managedProperty().bind(banner.visibleProperty());
    return banner;
  }

  private Node restBanner() {
    Label icon = new Label(null, Views.icon(MaterialDesignT.TIMER_SAND));
    Label caption = new Label();
    caption.textProperty().bind(Bindings.when(vm.restOverProperty()).then("Rest over: next set!")
        .otherwise("Rest"));
    caption.getStyleClass().add(Styles.TITLE_4);
    Label time = new Label();
    time.getStyleClass().add("rest-time");
    time.textProperty().bind(vm.restTextProperty());
    time.visibleProperty().bind(vm.restingProperty());
    time.managedProperty().bind(time.visibleProperty());
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(Bindings.createDoubleBinding(() -> vm.restTotalProperty().get() <= 0 ? 0
        : vm.restRemainingProperty().get() / (double) vm.restTotalProperty().get(),
        vm.restRemainingProperty(), vm.restTotalProperty()));
    bar.setPrefWidth(260);
    bar.visibleProperty().bind(vm.restingProperty());
    bar.managedProperty().bind(bar.visibleProperty());
    Button skip = Views.button("Skip rest", MaterialDesignS.SKIP_NEXT);
    skip.setOnAction(event -> vm.skipRest());
    skip.setFocusTraversable(false);
    Views.tip(skip, "Skip the rest", Shortcuts.SKIP_REST);
    skip.textProperty().bind(Bindings.when(vm.restingProperty()).then("Skip rest").otherwise("Dismiss"));
    Label next = new Label();
    next.setId("next-up");
    next.getStyleClass().add(Styles.TEXT_BOLD);
    next.textProperty().bind(vm.nextUpProperty());
    HBox banner = new HBox(icon, caption, time, bar, next, new Spacer(), skip);
    banner.getStyleClass().add("rest-banner");
    banner.visibleProperty().bind(vm.restingProperty().or(vm.restOverProperty()));
    banner.managedProperty().bind(banner.visibleProperty());
    vm.restOverProperty().addListener((obs, old, over) -> {
      if (over) {
        banner.getStyleClass().add("over");
      } else {
        banner.getStyleClass().remove("over");
      }
    });
    return banner;
  }

  private void addExercise() {
    SetRow first = vm.addExercise();
    if (first != null) {
      focus(first);
    }
  }

  /** Focuses the exercise-name field (the "add exercise" shortcut). */
  public void focusNewExercise() {
    newExerciseField.requestFocus();
  }

  /** Adds a set to the exercise that holds the focus (else the last one) and focuses it. */
  public void addSetHere() {
    SetRow current = focusedRow();
    SetRow added = vm.addSet(current == null ? null : vm.exerciseOf(current));
    if (added != null) {
      focus(added);
    }
  }

  /** Marks the focused set (else the first one not done) done and moves to the next one. */
  public void doneAndNext() {
    SetRow next = vm.doneAndNext(focusedRow());
    if (next != null) {
      focus(next);
    }
  }

  private SetRow focusedRow() {
    Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
    while (focused != null) {
      SetRow row = rowOfField.get(focused);
      if (row != null) {
        return row;
      }
      focused = focused.getParent();
    }
    return null;
  }

  private void focus(SetRow row) {
    TextField field = firstFields.get(row);
    if (field == null) {
      focusAfterRebuild = row;
      return;
    }
    field.requestFocus();
    field.selectAll();
    // Bring the row into view inside the scroll pane.
    Node node = field;
    while (node != null && !(node instanceof ScrollPane)) {
      node = node.getParent();
    }
    if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
      double contentHeight = scroll.getContent().getBoundsInLocal().getHeight();
      double viewport = scroll.getViewportBounds().getHeight();
      double y = scroll.getContent().sceneToLocal(field.localToScene(0, 0)).getY();
      if (contentHeight > viewport) {
        double top = scroll.getVvalue() * (contentHeight - viewport);
        if (y < top || y + 60 > top + viewport) {
          scroll.setVvalue(Math.max(0, Math.min(1, (y - viewport / 3) / (contentHeight - viewport))));
        }
      }
    }
  }

  // ---- exercise cards ----

  private void rebuild() {
    firstFields.clear();
    rowOfField.clear();
    List<Node> cards = new ArrayList<>();
    for (ExerciseRow exercise : vm.exercises()) {
      cards.add(exerciseCard(exercise));
    }
    exerciseBox.getChildren().setAll(cards);
    if (focusAfterRebuild != null) {
      SetRow target = focusAfterRebuild;
      focusAfterRebuild = null;
      focus(target);
    }
  }

  private Node exerciseCard(ExerciseRow exercise) {
    VBox card = new VBox();
    card.getStyleClass().add("card");
    Label name = new Label(exercise.name());
    name.getStyleClass().add("exercise-name");
    HBox head = new HBox(12, name);
    head.setAlignment(Pos.CENTER_LEFT);
    if (exercise.superset() != null) {
      Label superset = new Label("Superset " + exercise.superset());
      superset.getStyleClass().addAll(Styles.ACCENT, "muted");
      head.getChildren().add(superset);
    }
    if (exercise.restSeconds() != null && exercise.restSeconds() > 0) {
      Label rest = new Label("Rest " + Formats.clock(java.time.Duration.ofSeconds(exercise.restSeconds())),
          Views.icon(MaterialDesignT.TIMER_OUTLINE));
      rest.getStyleClass().add("muted");
      head.getChildren().add(rest);
    }
    head.getChildren().add(new Spacer());
    Node extra = exerciseExtras.apply(exercise);
    if (extra != null) {
      head.getChildren().add(extra);
    }
    Button addSet = Views.button("Add set", MaterialDesignP.PLUS);
    addSet.getStyleClass().add(Styles.FLAT);
    addSet.setFocusTraversable(false);
    addSet.setOnAction(event -> {
      SetRow added = vm.addSet(exercise);
      if (added != null) {
        focus(added);
      }
    });
    Views.tip(addSet, "Add a set to " + exercise.name(), Shortcuts.ADD_SET);
    Button remove = Views.iconButton(MaterialDesignT.TRASH_CAN_OUTLINE, "Remove " + exercise.name());
    remove.setFocusTraversable(false);
    remove.setOnAction(event -> {
      if (!vm.hasDoneSets(exercise) || Views.confirm(root.getScene().getWindow(), "Remove " + exercise.name() + "?",
          "Its sets already done will be removed from this workout.", "Remove")) {
        vm.removeExercise(exercise);
      }
    });
    head.getChildren().addAll(addSet, remove);

    CustomTextField notes = new CustomTextField();
    notes.setLeft(Views.icon(MaterialDesignN.NOTE_TEXT_OUTLINE));
    notes.setPromptText("Notes for " + exercise.name());
    notes.setAccessibleText("Notes for " + exercise.name());
    notes.textProperty().bindBidirectional(exercise.notesProperty());
    notes.setFocusTraversable(false);
    Node notesError = Views.errorLabel(exercise.notesErrorProperty(), notes);

    card.getChildren().addAll(head, columnHeads(), setRows(exercise), notes, notesError);
    exercise.sets().removeListener(setsListener);
    exercise.sets().addListener(setsListener);
    return card;
  }

  private HBox columnHeads() {
    HBox heads = new HBox(10, head("Set", 40), head("Target", 170), head("Reps", 90),
        head("Weight (" + vm.unit() + ")", 110), head("RPE", 80), head("Done", 52));
    heads.setAlignment(Pos.CENTER_LEFT);
    return heads;
  }

  private static Label head(String text, double width) {
    Label label = new Label(text);
    label.getStyleClass().add("column-head");
    label.setMinWidth(width);
    label.setPrefWidth(width);
    return label;
  }

  private VBox setRows(ExerciseRow exercise) {
    VBox rows = new VBox(6);
    int number = 0;
    for (SetRow row : exercise.sets()) {
      if (row.type() != SetType.WARMUP) {
        number++;
      }
      rows.getChildren().add(setRow(exercise, row, number));
    }
    return rows;
  }

  private Node setRow(ExerciseRow exercise, SetRow row, int number) {
    Label badge = new Label(Formats.setBadge(row.type(), number));
    badge.getStyleClass().add("set-badge");
    if (row.type() == SetType.WARMUP) {
      badge.getStyleClass().add("warmup");
    }
    Views.tip(badge, Formats.setType(row.type()) + " set", null);
    Label target = new Label(Formats.target(row.target(), vm.sessionProperty().get().structure().unit()));
    target.getStyleClass().add("set-target");
    target.setMinWidth(170);
    target.setPrefWidth(170);

    String where = exercise.name() + ", set " + (exercise.sets().indexOf(row) + 1);
    TextField reps = field(row, row.reps(), 90, "Reps done", where);
    TextField weight = field(row, row.weight(), 110, "Weight lifted (" + vm.unit() + ")", where);
    TextField rpe = field(row, row.rpe(), 80, "RPE, 1 to 10", where);

    ToggleButton done = new ToggleButton(null, Views.icon(MaterialDesignC.CHECK_BOLD));
    done.getStyleClass().add("done-toggle");
    done.setSelected(row.isDone());
    done.setAccessibleText("Done: " + where);
    Views.whenChanged(done, row.doneProperty(), done::setSelected);
    done.setOnAction(event -> vm.setDone(row, done.isSelected()));
    Views.tip(done, "Mark set done; Ctrl+Enter also moves to the next set", null);
    rowOfField.put(done, row);

    Label at = new Label();
    at.getStyleClass().add("muted");
    at.textProperty().bind(Bindings.createStringBinding(() -> row.completedAtProperty().get() == null ? ""
        : Formats.time(row.completedAtProperty().get(), zone), row.completedAtProperty()));
    at.setMinWidth(50);

    Button remove = Views.iconButton(MaterialDesignC.CLOSE, "Remove this set");
    remove.setFocusTraversable(false);
    remove.setOnAction(event -> vm.removeSet(row));

    HBox line = new HBox(10, badge, target, reps, weight, rpe, done, at, remove);
    Node extra = setExtras.apply(exercise, row);
    if (extra != null) {
      line.getChildren().add(extra);
    }
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("set-row");
    Runnable doneStyle = () -> {
      line.getStyleClass().remove("done");
      if (row.isDone()) {
        line.getStyleClass().add("done");
      }
    };
    doneStyle.run();
    Views.whenChanged(line, row.doneProperty(), now -> doneStyle.run());
    firstFields.put(row, reps);

    VBox errors = new VBox(Views.errorLabel(row.reps().errorProperty(), null),
        Views.errorLabel(row.weight().errorProperty(), null), Views.errorLabel(row.rpe().errorProperty(), null));
    errors.setPadding(new Insets(0, 0, 0, 230));
    return new VBox(2, line, errors);
  }

  private TextField field(SetRow row, SetRow.Field model, double width, String what, String where) {
    TextField field = new TextField();
    field.getStyleClass().add("set-field");
    field.setPrefWidth(width);
    field.setMinWidth(width);
    field.setMaxWidth(width);
    field.textProperty().bindBidirectional(model.textProperty());
    field.setAccessibleText(what + ": " + where);
    Tooltip suggestion = new Tooltip("Suggested, not logged yet: marking the set done or typing here logs it");
    Runnable prefilled = () -> {
      field.getStyleClass().remove("prefilled");
      boolean suggested = model.prefilledProperty().get();
      if (suggested) {
        field.getStyleClass().add("prefilled");
      }
      field.setTooltip(suggested ? suggestion : null);
      field.setAccessibleHelp(suggested ? "Suggested value, not logged yet" : null);
    };
    prefilled.run();
    Views.whenChanged(field, model.prefilledProperty(), now -> prefilled.run());
    Views.markErrors(field, model.errorProperty());
    field.focusedProperty().addListener((obs, old, focused) -> {
      if (focused) {
        field.selectAll();
      }
    });
    rowOfField.put(field, row);
    return field;
  }

  /** Stops the clock (the window is closing). */
  public void dispose() {
    ticker.stop();
  }
}
