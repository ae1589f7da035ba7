package dev.setwise.ui.amend;

import static dev.setwise.ui.common.FormFields.columnHead;
import static dev.setwise.ui.common.FormFields.labeled;
import static dev.setwise.ui.common.FormFields.text;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.setwise.domain.Session;
import dev.setwise.domain.SetType;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.FormFields;
import dev.setwise.ui.common.Views;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The correction editor ("Amend…"): layout and bindings only; every rule and message comes from
 * {@link AmendViewModel}. The sets look like the workout's: target, reps, weight, RPE and done.
 */
public final class AmendView {

  private final AmendViewModel vm;
  private final VBox root = new VBox(8);
  private final VBox exerciseBox = new VBox(14);
  private final ScrollPane scroll;
  private final TextField reason = new TextField();
  private final TextField nameField = new TextField();
  private final ListChangeListener<AmendSetForm> setsListener = change -> rebuild();
  private final Map<Object, Node> firstFieldOf = new HashMap<>();
  private final Map<AmendSetForm, Node> typeOf = new HashMap<>();
  private Object focusTarget;
  private AmendSetForm typeToFocus;

  /**
   * @param onSaved gets the session as amended, once the correction is recorded
   * @param confirmDiscard asks whether to throw away what was typed; true to go on
   */
  public AmendView(AmendViewModel vm, Consumer<Session> onSaved, java.util.function.BooleanSupplier confirmDiscard) {
    this.vm = vm;
    Label title = new Label();
    title.getStyleClass().add("screen-title");
    title.setWrapText(true);
    title.textProperty().bind(Bindings.createStringBinding(() -> vm.sessionProperty().get() == null ? ""
        : "Amend “" + vm.sessionProperty().get().structure().name() + "”", vm.sessionProperty()));
    Label about = new Label();
    about.getStyleClass().add("muted");
    about.setWrapText(true);
    about.textProperty().bind(Bindings.createStringBinding(() -> vm.sessionProperty().get() == null ? ""
        : Formats.date(vm.sessionProperty().get().date()) + ". The original and every earlier version stay as they "
            + "were; this correction is what History, volume and records count from now on.", vm.sessionProperty()));

    nameField.setId("amend-name");
    nameField.textProperty().bindBidirectional(vm.nameProperty());
    nameField.setAccessibleText("Session name");
    HBox.setHgrow(nameField, Priority.ALWAYS);
    VBox nameBox = labeled("Session name", nameField, vm.nameErrorProperty());
    HBox.setHgrow(nameBox, Priority.ALWAYS);
    TextField bodyweight = new TextField();
    bodyweight.textProperty().bindBidirectional(vm.bodyweightProperty());
    bodyweight.setPrefColumnCount(6);
    bodyweight.setAlignment(Pos.CENTER_RIGHT);
    bodyweight.setAccessibleText("Bodyweight");
    Label bodyweightCaption = new Label();
    bodyweightCaption.textProperty().bind(Bindings.createStringBinding(() -> "Bodyweight (" + vm.unit() + ")",
        vm.sessionProperty()));
    bodyweightCaption.getStyleClass().add("column-head");
    bodyweightCaption.setLabelFor(bodyweight);
    VBox bodyweightBox = new VBox(4, bodyweightCaption, bodyweight,
        Views.errorLabel(vm.bodyweightErrorProperty(), bodyweight));
    HBox top = new HBox(16, nameBox, bodyweightBox);

    TextArea notes = new TextArea();
    notes.setPrefRowCount(2);
    notes.setWrapText(true);
    notes.setPromptText("Optional");
    notes.textProperty().bindBidirectional(vm.notesProperty());
    notes.setAccessibleText("Session notes");
    // Tab leaves the notes (as in the plan editor), it does not type a tab.
    notes.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, event -> {
      if (event.getCode() == KeyCode.TAB && !event.isControlDown()) {
        event.consume();
        Node next = event.isShiftDown() ? bodyweight : exerciseBox;
        if (next == exerciseBox) {
          focusFirstOf(vm.exercises().isEmpty() ? null : vm.exercises().get(0));
        } else {
          next.requestFocus();
        }
      }
    });
    Label notesCaption = new Label("Session notes");
    notesCaption.getStyleClass().add("column-head");
    notesCaption.setLabelFor(notes);
    VBox notesBox = new VBox(4, notesCaption, notes, Views.errorLabel(vm.notesErrorProperty(), notes));

    Button addExercise = Views.button("Add exercise", MaterialDesignP.PLUS);
    addExercise.setOnAction(event -> {
      AmendExerciseForm added = vm.addExercise();
      if (added != null) {
        focusLater(added);
      }
    });
    Views.tip(addExercise, "Add an exercise that was done but not logged", null);

    VBox content = new VBox(14, title, about, top, notesBox, exerciseBox,
        Views.errorLabel(vm.exercisesErrorProperty(), null), addExercise);
    content.setPadding(new Insets(16, 20, 20, 20));
    scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    reason.setId("amend-reason");
    reason.setPromptText("Why? e.g. Forgot the last set, or it was 105 not 100");
    reason.textProperty().bindBidirectional(vm.reasonProperty());
    reason.setAccessibleText("Reason for the correction");
    reason.setOnAction(event -> vm.save(onSaved));
    HBox.setHgrow(reason, Priority.ALWAYS);
    Label reasonCaption = new Label("Reason (required)");
    reasonCaption.getStyleClass().add(Styles.TEXT_BOLD);
    reasonCaption.setLabelFor(reason);
    reasonCaption.setMinWidth(Label.USE_PREF_SIZE);
    HBox reasonLine = new HBox(10, reasonCaption, reason);
    reasonLine.setAlignment(Pos.CENTER_LEFT);

    Label problems = new Label();
    problems.getStyleClass().add("field-error");
    problems.setWrapText(true);
    problems.textProperty().bind(Bindings.createStringBinding(() -> vm.problems().isEmpty() ? ""
        : vm.problems().size() == 1 ? "To fix: " + vm.problems().get(0)
        : vm.problems().size() + " things to fix. First: " + vm.problems().get(0), vm.problems()));
    problems.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(problems, Priority.ALWAYS);
    Label unchanged = new Label("Nothing changed yet");
    unchanged.getStyleClass().add("muted");
    unchanged.setMinWidth(Label.USE_PREF_SIZE);
    unchanged.visibleProperty().bind(Bindings.isEmpty(vm.problems()).and(vm.changedProperty().not()));
    unchanged.managedProperty().bind(unchanged.visibleProperty());
    Button cancel = Views.button("Cancel", MaterialDesignC.CLOSE);
    cancel.setId("amend-cancel");
    cancel.setCancelButton(false);
    cancel.setOnAction(event -> cancel(confirmDiscard));
    cancel.setMinWidth(Button.USE_PREF_SIZE);
    Button save = Views.button("Save amendment", MaterialDesignC.CONTENT_SAVE);
    save.setId("amend-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setMinWidth(Button.USE_PREF_SIZE);
    save.disableProperty().bind(vm.validProperty().not().or(vm.changedProperty().not()).or(vm.savingProperty()));
    save.setOnAction(event -> vm.save(onSaved));
    Views.tip(save, "Record the correction; the original is kept", null);
    HBox buttons = new HBox(12, problems, unchanged, new Spacer(), cancel, save);
    buttons.setAlignment(Pos.CENTER_LEFT);
    VBox footer = new VBox(8, reasonLine, Views.errorLabel(vm.reasonErrorProperty(), reason), buttons);
    footer.setPadding(new Insets(10, 20, 14, 20));
    footer.getStyleClass().add("amend-footer");

    root.getChildren().addAll(Views.banner(vm.errorProperty(), Styles.DANGER), scroll, footer);
    root.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ESCAPE) {
        cancel(confirmDiscard);
        event.consume();
      }
    });
    root.sceneProperty().addListener((obs, old, scene) -> {
      if (scene != null) {
        scene.focusOwnerProperty().addListener((o, was, now) -> reveal(now));
      }
    });
    vm.exercises().addListener((ListChangeListener<AmendExerciseForm>) change -> rebuild());
    vm.sessionProperty().addListener((obs, old, now) -> {
      rebuild();
      scroll.setVvalue(0);
    });
    rebuild();
  }

  public Node node() {
    return root;
  }

  /** Puts the cursor in the session's name (the editor just opened). */
  public void focusDefault() {
    nameField.requestFocus();
  }

  private void cancel(java.util.function.BooleanSupplier confirmDiscard) {
    if (!vm.dirtyProperty().get() || confirmDiscard.getAsBoolean()) {
      vm.close();
    }
  }

  /** Scrolls the editor so that a field that gets focus is on screen. */
  private void reveal(Node focused) {
    if (focused == null || !isInside(focused, scroll.getContent())) {
      return;
    }
    Node content = scroll.getContent();
    Bounds field = content.sceneToLocal(focused.localToScene(focused.getBoundsInLocal()));
    double viewport = scroll.getViewportBounds().getHeight();
    double height = content.getBoundsInLocal().getHeight();
    if (height <= viewport || field == null) {
      return;
    }
    double top = scroll.getVvalue() * (height - viewport);
    double margin = 24;
    if (field.getMinY() - margin < top) {
      scroll.setVvalue(Math.max(0, (field.getMinY() - margin) / (height - viewport)));
    } else if (field.getMaxY() + margin > top + viewport) {
      scroll.setVvalue(Math.min(1, (field.getMaxY() + margin - viewport) / (height - viewport)));
    }
  }

  private static boolean isInside(Node node, Node ancestor) {
    for (Parent parent = node.getParent(); parent != null; parent = parent.getParent()) {
      if (parent == ancestor) {
        return true;
      }
    }
    return false;
  }

  private void focusLater(Object target) {
    focusTarget = target;
    rebuild();
  }

  private void focusFirstOf(Object target) {
    Node field = target == null ? null : firstFieldOf.get(target);
    if (field != null) {
      field.requestFocus();
    } else {
      reason.requestFocus();
    }
  }

  private void rebuild() {
    firstFieldOf.clear();
    typeOf.clear();
    List<Node> cards = new ArrayList<>();
    for (int i = 0; i < vm.exercises().size(); i++) {
      cards.add(card(vm.exercises().get(i), i));
    }
    exerciseBox.getChildren().setAll(cards);
    if (focusTarget != null) {
      Object target = focusTarget;
      focusTarget = null;
      javafx.application.Platform.runLater(() -> focusFirstOf(target));
    }
    if (typeToFocus != null) {
      Node box = typeOf.get(typeToFocus);
      typeToFocus = null;
      if (box != null) {
        box.requestFocus();
      }
    }
  }

  private Node card(AmendExerciseForm exercise, int index) {
    Label number = new Label(Integer.toString(index + 1));
    number.getStyleClass().add("set-badge");
    TextField name = text(exercise.nameProperty(), "Exercise name, e.g. Bench press", 0);
    name.setAccessibleText("Name of exercise " + (index + 1));
    firstFieldOf.put(exercise, name);
    TextField superset = text(exercise.supersetProperty(), "e.g. A", 4);
    superset.setAccessibleText("Superset label of exercise " + (index + 1));
    Views.tip(superset, "Superset label: consecutive exercises with the same label alternate", null);
    TextField rest = text(exercise.restSecondsProperty(), "sec", 4);
    rest.setAccessibleText("Rest seconds of exercise " + (index + 1));

    Button up = Views.iconButton(MaterialDesignA.ARROW_UP, "Move up");
    up.setOnAction(event -> vm.moveExercise(exercise, -1));
    up.setDisable(index == 0);
    Button down = Views.iconButton(MaterialDesignA.ARROW_DOWN, "Move down");
    down.setOnAction(event -> vm.moveExercise(exercise, 1));
    down.setDisable(index == vm.exercises().size() - 1);
    Button remove = Views.iconButton(MaterialDesignT.TRASH_CAN_OUTLINE, "Remove exercise " + (index + 1));
    remove.setOnAction(event -> vm.removeExercise(exercise));
    for (Button button : List.of(up, down, remove)) {
      button.setFocusTraversable(false);
      button.setTranslateY(22);
    }
    number.setTranslateY(22);
    VBox nameBox = labeled("Exercise", name, exercise.nameErrorProperty());
    HBox.setHgrow(nameBox, Priority.ALWAYS);
    HBox head = new HBox(12, number, nameBox, labeled("Superset", superset, exercise.supersetErrorProperty()),
        labeled("Rest (s)", rest, exercise.restSecondsErrorProperty()), up, down, remove);
    head.setAlignment(Pos.TOP_LEFT);

    TextField notes = text(exercise.notesProperty(), "Optional: notes for this exercise", 0);
    notes.setAccessibleText("Notes of exercise " + (index + 1));

    VBox sets = new VBox(6);
    HBox heads = new HBox(10, columnHead("Set", 40), columnHead("Type", 120), columnHead("Target", 150),
        columnHead("Reps", 80), columnHead("Weight (" + vm.unit() + ")", 100), columnHead("RPE", 70),
        columnHead("Done", 52));
    heads.setAlignment(Pos.CENTER_LEFT);
    sets.getChildren().add(heads);
    int shown = 0;
    for (int s = 0; s < exercise.sets().size(); s++) {
      AmendSetForm set = exercise.sets().get(s);
      if (set.typeProperty().get() != SetType.WARMUP) {
        shown++;
      }
      sets.getChildren().add(setRow(exercise, set, s, shown));
    }
    Button addSet = Views.button("Add set", MaterialDesignP.PLUS);
    addSet.getStyleClass().add(Styles.FLAT);
    addSet.setOnAction(event -> {
      AmendSetForm added = vm.addSet(exercise);
      if (added != null) {
        focusLater(added);
      }
    });
    Views.tip(addSet, "Add a set that was done but not logged", null);

    VBox card = new VBox(8, head, labeled("Notes", notes, exercise.notesErrorProperty()), sets,
        Views.errorLabel(exercise.setsErrorProperty(), null), addSet);
    card.getStyleClass().add("card");
    exercise.sets().removeListener(setsListener);
    exercise.sets().addListener(setsListener);
    return card;
  }

  private Node setRow(AmendExerciseForm exercise, AmendSetForm set, int index, int number) {
    Label badge = new Label(Formats.setBadge(set.typeProperty().get(), number));
    badge.getStyleClass().add("set-badge");
    if (set.typeProperty().get() == SetType.WARMUP) {
      badge.getStyleClass().add("warmup");
    }
    ChoiceBox<SetType> type = new ChoiceBox<>();
    type.getItems().setAll(SetType.values());
    type.setValue(set.typeProperty().get());
    type.setConverter(FormFields.setTypeNames());
    type.setMinWidth(120);
    type.setPrefWidth(120);
    String where = "exercise " + (vm.exercises().indexOf(exercise) + 1) + ", set " + (index + 1);
    type.setAccessibleText("Type of " + where);
    // The badge and numbering follow the type: rebuilt once the choice is made.
    typeOf.put(set, type);
    type.valueProperty().addListener((obs, old, now) -> {
      set.typeProperty().set(now);
      typeToFocus = set;
      javafx.application.Platform.runLater(this::rebuild);
    });
    Session shown = vm.sessionProperty().get();
    Label target = new Label(shown == null ? "" : Formats.target(set.target(), shown.structure().unit()));
    target.getStyleClass().add("set-target");
    target.setMinWidth(150);
    target.setPrefWidth(150);
    target.setMaxWidth(150);
    TextField reps = number(set.repsProperty(), 80, "Reps done, " + where);
    TextField weight = number(set.weightProperty(), 100, "Weight lifted, " + where);
    TextField rpe = number(set.rpeProperty(), 70, "RPE, " + where);
    Views.markErrors(reps, set.repsErrorProperty());
    Views.markErrors(weight, set.weightErrorProperty());
    Views.markErrors(rpe, set.rpeErrorProperty());
    firstFieldOf.put(set, reps);
    ToggleButton done = new ToggleButton(null, Views.icon(MaterialDesignC.CHECK_BOLD));
    done.getStyleClass().add("done-toggle");
    done.selectedProperty().bindBidirectional(set.doneProperty());
    done.setAccessibleText("Done: " + where);
    Views.tip(done, "Done: only sets done count in the volume and records", null);
    Button remove = Views.iconButton(MaterialDesignC.CLOSE, "Remove " + where);
    remove.setFocusTraversable(false);
    remove.setOnAction(event -> vm.removeSet(exercise, set));
    HBox line = new HBox(10, badge, type, target, reps, weight, rpe, done, remove);
    line.setAlignment(Pos.CENTER_LEFT);
    line.getStyleClass().add("set-row");
    Runnable doneStyle = () -> {
      line.getStyleClass().remove("done");
      if (set.doneProperty().get()) {
        line.getStyleClass().add("done");
      }
    };
    doneStyle.run();
    Views.whenChanged(line, set.doneProperty(), now -> doneStyle.run());
    VBox errors = new VBox(Views.errorLabel(set.repsErrorProperty(), null),
        Views.errorLabel(set.weightErrorProperty(), null), Views.errorLabel(set.rpeErrorProperty(), null));
    errors.setPadding(new Insets(0, 0, 0, 340));
    return new VBox(2, line, errors);
  }

  private static TextField number(StringProperty property, double width, String what) {
    TextField field = new TextField();
    field.getStyleClass().add("set-field");
    field.textProperty().bindBidirectional(property);
    field.setPrefWidth(width);
    field.setMinWidth(width);
    field.setMaxWidth(width);
    field.setAccessibleText(what);
    field.focusedProperty().addListener((obs, old, focused) -> {
      if (focused) {
        javafx.application.Platform.runLater(field::selectAll);
      }
    });
    return field;
  }
}
