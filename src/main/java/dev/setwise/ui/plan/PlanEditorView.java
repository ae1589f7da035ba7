package dev.setwise.ui.plan;

import static dev.setwise.ui.common.FormFields.columnHead;
import static dev.setwise.ui.common.FormFields.labeled;
import static dev.setwise.ui.common.FormFields.text;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.Supersets;
import dev.setwise.ui.common.FormFields;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.SupersetFrame;
import dev.setwise.ui.common.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;

/** The plan editor: layout and bindings; every rule and message comes from the view model. */
public final class PlanEditorView {

  private final PlanEditorViewModel vm;
  private final VBox root = new VBox();
  private final VBox exerciseBox = new VBox(14);
  private final TextField nameField = new TextField();
  private final ListChangeListener<SetForm> setsListener = change -> rebuild();
  private final ChangeListener<String> supersetListener = (obs, old, now) -> Platform.runLater(this::regroup);
  private final ChangeListener<String> restListener = (obs, old, now) -> updateCaptions();
  private Object focusTarget;
  private final Map<Object, Node> firstFieldOf = new HashMap<>();
  /** The field of each (exercise, name) pair, so the keyboard stays where it was when the cards are rebuilt. */
  private final Map<List<Object>, TextField> fieldOf = new HashMap<>();
  private final Map<Label, List<ExerciseForm>> captions = new HashMap<>();
  private List<List<ExerciseForm>> drawnBlocks = List.of();

  public PlanEditorView(PlanEditorViewModel vm, Runnable save, Runnable startWorkout, Runnable revert) {
    this.vm = vm;
    Label nameLabel = new Label("Plan name");
    nameField.setId("plan-name");
    nameField.textProperty().bindBidirectional(vm.nameProperty());
    nameField.getStyleClass().add("big-input");
    nameField.setPromptText("e.g. Push A");
    nameLabel.setLabelFor(nameField);
    HBox.setHgrow(nameField, Priority.ALWAYS);
    Label unitLabel = new Label("Unit");
    ChoiceBox<Unit> unit = new ChoiceBox<>();
    unit.getItems().setAll(Unit.values());
    unit.valueProperty().bindBidirectional(vm.unitProperty());
    unit.setConverter(new StringConverter<>() {
      @Override
      public String toString(Unit value) {
        return value == null ? "" : value.code();
      }

      @Override
      public Unit fromString(String text) {
        return Unit.fromCode(text).orElse(null);
      }
    });
    unitLabel.setLabelFor(unit);
    VBox nameBox = new VBox(4, nameLabel, nameField, Views.errorLabel(vm.nameErrorProperty(), nameField));
    HBox.setHgrow(nameBox, Priority.ALWAYS);
    VBox unitBox = new VBox(4, unitLabel, unit);
    HBox top = new HBox(16, nameBox, unitBox);

    Label notesLabel = new Label("Plan notes");
    TextArea notes = new TextArea();
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    notes.setPromptText("Optional: cues, tempo, progression");
    notes.textProperty().bindBidirectional(vm.notesProperty());
    notes.setAccessibleText("Plan notes");
    Views.tabLeaves(notes);
    notesLabel.setLabelFor(notes);
    VBox notesBox = new VBox(4, notesLabel, notes, Views.errorLabel(vm.notesErrorProperty(), notes));

    Label status = new Label();
    status.getStyleClass().add("muted");
    status.setWrapText(true);
    status.textProperty().bind(vm.statusProperty());
    status.visibleProperty().bind(vm.statusProperty().isNotEmpty());
    status.managedProperty().bind(status.visibleProperty());

    Button addExercise = Views.button("Add exercise", MaterialDesignP.PLUS);
    addExercise.setOnAction(event -> addExercise());
    Views.tip(addExercise, "Add an exercise to the plan", Shortcuts.ADD_PLAN_EXERCISE);

    VBox content = new VBox(14, top, notesBox, status, exerciseBox,
        Views.errorLabel(vm.exercisesErrorProperty(), null), addExercise);
    content.setPadding(new Insets(4, 20, 20, 4));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    Button saveButton = Views.button("Save plan", MaterialDesignC.CONTENT_SAVE);
    saveButton.getStyleClass().add(Styles.ACCENT);
    saveButton.setId("save-plan");
    saveButton.setOnAction(event -> save.run());
    saveButton.disableProperty().bind(vm.validProperty().not().or(vm.dirtyProperty().not()).or(vm.savingProperty()));
    Views.tip(saveButton, "Save the plan", Shortcuts.SAVE_PLAN);
    Button start = Views.button("Start workout", MaterialDesignP.PLAY);
    start.setOnAction(event -> startWorkout.run());
    start.disableProperty().bind(vm.planIdProperty().isNull().or(vm.dirtyProperty()));
    Views.tip(start, "Start a workout from this plan", Shortcuts.START_PLAN);
    Label problems = new Label();
    problems.getStyleClass().add("field-error");
    problems.setWrapText(true);
    problems.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty() ? ""
        : vm.problems().size() == 1 ? "1 problem to fix: " + vm.problems().get(0)
        : vm.problems().size() + " problems to fix. First: " + vm.problems().get(0), vm.problems()));
    HBox.setHgrow(problems, Priority.ALWAYS);
    problems.setMaxWidth(Double.MAX_VALUE);
    Label saved = new Label("All changes saved", Views.icon(MaterialDesignC.CLOUD_CHECK_OUTLINE));
    saved.getStyleClass().addAll("save-state", "saved");
    saved.visibleProperty().bind(vm.dirtyProperty().not().and(vm.planIdProperty().isNotNull()));
    saved.managedProperty().bind(saved.visibleProperty());
    Button revertButton = Views.button("Discard changes", MaterialDesignU.UNDO);
    revertButton.setOnAction(event -> revert.run());
    revertButton.disableProperty().bind(vm.dirtyProperty().not().or(vm.savingProperty()));
    Views.tip(revertButton, "Throw away the changes not yet saved", null);
    HBox footer = new HBox(12, problems, saved, new Spacer(), revertButton, start, saveButton);
    footer.setAlignment(Pos.CENTER_LEFT);
    footer.setPadding(new Insets(10, 20, 4, 4));

    root.getChildren().addAll(Views.banner(vm.errorProperty(), Styles.DANGER), scroll, footer);
    root.setSpacing(8);
    vm.exercises().addListener((ListChangeListener<ExerciseForm>) change -> rebuild());
    vm.unitProperty().addListener((obs, old, now) -> rebuild());
    rebuild();
  }

  public Node node() {
    return root;
  }

  public void focusName() {
    nameField.requestFocus();
  }

  /** Adds an exercise and puts the cursor in its name (the shortcut and the button). */
  public void addExercise() {
    ExerciseForm added = vm.addExercise();
    if (added != null) {
      focusLater(added);
    }
  }

  private void focusLater(Object target) {
    Node field = firstFieldOf.get(target);
    if (field != null) {
      field.requestFocus();
    } else {
      focusTarget = target;
    }
  }

  private void rebuild() {
    List<Object> kept = focusedField();
    int caret = kept == null ? 0 : fieldOf.get(kept).getCaretPosition();
    firstFieldOf.clear();
    fieldOf.clear();
    captions.clear();
    drawnBlocks = blocks();
    List<Node> cards = new ArrayList<>();
    int index = 0;
    for (List<ExerciseForm> block : drawnBlocks) {
      List<Node> blockCards = new ArrayList<>();
      for (ExerciseForm exercise : block) {
        blockCards.add(card(exercise, index++));
        exercise.supersetProperty().removeListener(supersetListener);
        exercise.supersetProperty().addListener(supersetListener);
        exercise.restSecondsProperty().removeListener(restListener);
        exercise.restSecondsProperty().addListener(restListener);
      }
      if (Supersets.isSuperset(block)) {
        VBox frame = SupersetFrame.of(label(block.get(0)), roundRest(block), blockCards);
        captions.put(SupersetFrame.howLabel(frame), block);
        cards.add(frame);
      } else {
        cards.addAll(blockCards);
      }
    }
    exerciseBox.getChildren().setAll(cards);
    if (focusTarget != null) {
      Node field = firstFieldOf.get(focusTarget);
      focusTarget = null;
      if (field != null) {
        field.requestFocus();
      }
    } else if (kept != null && fieldOf.containsKey(kept)) {
      TextField field = fieldOf.get(kept);
      field.requestFocus();
      field.positionCaret(Math.min(caret, field.getLength()));
    }
  }

  /** The exercises in blocks: consecutive exercises with the same superset label together. */
  private List<List<ExerciseForm>> blocks() {
    return Supersets.blocks(vm.exercises(), PlanEditorView::label);
  }

  private static String label(ExerciseForm exercise) {
    String text = exercise.supersetProperty().get();
    return text == null || text.isEmpty() ? null : text;
  }

  private static Integer roundRest(List<ExerciseForm> block) {
    return Supersets.roundRest(block, e -> NumberText.integer(e.restSecondsProperty().get()).value());
  }

  /** A superset label typed: the cards are drawn in their new blocks (the keyboard stays in its field). */
  private void regroup() {
    if (!blocks().equals(drawnBlocks)) {
      rebuild();
    }
  }

  private void updateCaptions() {
    captions.forEach((caption, block) -> caption.setText(SupersetFrame.how(roundRest(block))));
  }

  private List<Object> focusedField() {
    Node focused = root.getScene() == null ? null : root.getScene().getFocusOwner();
    for (Map.Entry<List<Object>, TextField> entry : fieldOf.entrySet()) {
      if (entry.getValue() == focused) {
        return entry.getKey();
      }
    }
    return null;
  }

  private Node card(ExerciseForm exercise, int index) {
    Label number = new Label(Integer.toString(index + 1));
    number.getStyleClass().add("set-badge");
    TextField name = text(exercise.nameProperty(), "Exercise name, e.g. Bench press", 0);
    HBox.setHgrow(name, Priority.ALWAYS);
    name.setAccessibleText("Name of exercise " + (index + 1));
    firstFieldOf.put(exercise, name);
    fieldOf.put(List.of(exercise, "name"), name);
    TextField superset = text(exercise.supersetProperty(), "e.g. A", 5);
    fieldOf.put(List.of(exercise, "superset"), superset);
    Views.tip(superset, "Superset label: consecutive exercises with the same label alternate, one set of each "
        + "in turn, then the rest (the last one's)", null);
    superset.setAccessibleText("Superset label of exercise " + (index + 1));
    TextField rest = text(exercise.restSecondsProperty(), "sec", 5);
    rest.setAccessibleText("Rest seconds of exercise " + (index + 1));
    fieldOf.put(List.of(exercise, "rest"), rest);
    Views.tip(rest, "Rest after each set, in seconds (0 to 3600)", null);

    Button up = Views.iconButton(MaterialDesignA.ARROW_UP, "Move up");
    up.setOnAction(event -> vm.moveExercise(exercise, -1));
    up.setDisable(index == 0);
    Button down = Views.iconButton(MaterialDesignA.ARROW_DOWN, "Move down");
    down.setOnAction(event -> vm.moveExercise(exercise, 1));
    down.setDisable(index == vm.exercises().size() - 1);
    Button remove = Views.iconButton(MaterialDesignT.TRASH_CAN_OUTLINE, "Remove exercise");
    remove.setOnAction(event -> vm.removeExercise(exercise));
    for (Button button : List.of(up, down, remove)) {
      button.setFocusTraversable(false);
    }

    VBox nameBox = labeled("Exercise", name, exercise.nameErrorProperty());
    HBox.setHgrow(nameBox, Priority.ALWAYS);
    HBox head = new HBox(12, number, nameBox, labeled("Superset", superset, exercise.supersetErrorProperty()),
        labeled("Rest (s)", rest, exercise.restSecondsErrorProperty()), up, down, remove);
    head.setAlignment(Pos.TOP_LEFT);
    number.setTranslateY(22);
    up.setTranslateY(22);
    down.setTranslateY(22);
    remove.setTranslateY(22);

    TextField notes = text(exercise.notesProperty(), "Optional: cues for this exercise", 0);
    notes.setAccessibleText("Notes of exercise " + (index + 1));
    fieldOf.put(List.of(exercise, "notes"), notes);

    VBox sets = new VBox(6);
    String unit = vm.unitProperty().get() == null ? "" : vm.unitProperty().get().code();
    HBox heads = new HBox(10, columnHead("Set", 40), columnHead("Type", 130), columnHead("Target reps", 110),
        columnHead("Target weight (" + unit + ")", 150), columnHead("Target RPE", 110));
    sets.getChildren().add(heads);
    for (int s = 0; s < exercise.sets().size(); s++) {
      sets.getChildren().add(setRow(exercise, exercise.sets().get(s), s));
    }
    Button addSet = Views.button("Add set", MaterialDesignP.PLUS);
    addSet.getStyleClass().add(Styles.FLAT);
    addSet.setOnAction(event -> {
      SetForm added = vm.addSet(exercise);
      if (added != null) {
        focusLater(added);
      }
    });
    Views.tip(addSet, "Add a set copying the last one", null);

    VBox card = new VBox(8, head, labeled("Notes", notes, exercise.notesErrorProperty()), sets,
        Views.errorLabel(exercise.setsErrorProperty(), null), addSet);
    card.getStyleClass().add("card");
    exercise.sets().removeListener(setsListener);
    exercise.sets().addListener(setsListener);
    return card;
  }

  private Node setRow(ExerciseForm exercise, SetForm set, int index) {
    Label number = new Label(Integer.toString(index + 1));
    number.getStyleClass().add("set-badge");
    ChoiceBox<SetType> type = new ChoiceBox<>();
    type.getItems().setAll(SetType.values());
    type.valueProperty().bindBidirectional(set.typeProperty());
    type.setConverter(FormFields.setTypeNames());
    type.setPrefWidth(130);
    type.setMinWidth(130);
    type.setAccessibleText("Type of set " + (index + 1));
    firstFieldOf.put(set, type);
    TextField reps = number(set.targetRepsProperty(), 110, "Target reps of set " + (index + 1));
    TextField weight = number(set.targetWeightProperty(), 150, "Target weight of set " + (index + 1));
    TextField rpe = number(set.targetRpeProperty(), 110, "Target RPE of set " + (index + 1));
    Views.markErrors(reps, set.targetRepsErrorProperty());
    Views.markErrors(weight, set.targetWeightErrorProperty());
    Views.markErrors(rpe, set.targetRpeErrorProperty());
    Button remove = Views.iconButton(MaterialDesignC.CLOSE, "Remove set " + (index + 1));
    remove.setFocusTraversable(false);
    remove.setOnAction(event -> vm.removeSet(exercise, set));
    HBox line = new HBox(10, number, type, reps, weight, rpe, remove);
    line.setAlignment(Pos.CENTER_LEFT);
    VBox errors = new VBox(Views.errorLabel(set.targetRepsErrorProperty(), null),
        Views.errorLabel(set.targetWeightErrorProperty(), null), Views.errorLabel(set.targetRpeErrorProperty(), null));
    errors.setPadding(new Insets(0, 0, 0, 190));
    return new VBox(2, line, errors);
  }

  private static TextField number(StringProperty property, double width, String what) {
    TextField field = new TextField();
    field.textProperty().bindBidirectional(property);
    field.setPrefWidth(width);
    field.setMinWidth(width);
    field.setMaxWidth(width);
    field.setAccessibleText(what);
    field.setAlignment(Pos.CENTER_RIGHT);
    return field;
  }
}
