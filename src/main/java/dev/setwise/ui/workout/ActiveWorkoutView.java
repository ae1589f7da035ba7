package dev.setwise.ui.workout;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/**
 * A workout being logged: header, banners, one card per exercise, adding an exercise, the session
 * notes; and the keyboard commands that work on the set that has the focus. Layout and bindings only.
 */
final class ActiveWorkoutView {

  private final WorkoutViewModel vm;
  private final ActiveWorkoutViewModel active;
  private final VBox root = new VBox();
  private final ExerciseCards cards;
  private final TextField newExerciseField = new TextField();
  private Runnable confirmComplete = () -> { };
  private Runnable confirmDiscard = () -> { };

  ActiveWorkoutView(WorkoutViewModel vm, ZoneId zone) {
    this.vm = vm;
    this.active = vm.active();
    this.cards = new ExerciseCards(active, zone);

    Label noExercises = new Label("No exercises yet: name the first one below and press Enter.");
    noExercises.getStyleClass().add("empty-note");
    noExercises.setId("no-exercises");
    noExercises.visibleProperty().bind(Bindings.isEmpty(active.exercises()));
    noExercises.managedProperty().bind(noExercises.visibleProperty());
    VBox content = new VBox(16, noExercises, cards.node(), addExerciseBox(), notesBox());
    content.setPadding(new Insets(4, 20, 20, 20));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);

    // "Changed elsewhere" and a refused command float over the rows instead of pushing them down.
    VBox notices = new VBox(8, WorkoutBanners.changedElsewhere(vm), Views.banner(active.errorProperty(), Styles.DANGER));
    notices.setPadding(new Insets(0, 20, 0, 20));
    notices.setPickOnBounds(false);
    notices.setMaxHeight(Region.USE_PREF_SIZE);
    StackPane body = new StackPane(scroll, notices);
    StackPane.setAlignment(notices, Pos.TOP_CENTER);
    VBox.setVgrow(body, Priority.ALWAYS);

    Node top = WorkoutHeader.build(vm, zone, () -> confirmComplete.run(), () -> confirmDiscard.run());
    VBox header = new VBox(10, top, WorkoutBanners.rest(vm.rest()));
    header.getStyleClass().add("workout-top");
    root.getChildren().addAll(header, body);
  }

  Node node() {
    return root;
  }

  /** What the progress side adds to each exercise and set (see {@link WorkoutAddOns}). */
  void setExtras(WorkoutAddOns extras) {
    cards.setExtras(extras);
  }

  void setConfirmations(Runnable complete, Runnable discard) {
    this.confirmComplete = complete;
    this.confirmDiscard = discard;
  }

  private Node addExerciseBox() {
    Label addLabel = new Label("Add an exercise");
    newExerciseField.setPromptText("Exercise name, e.g. Face pull");
    newExerciseField.textProperty().bindBidirectional(active.newExerciseNameProperty());
    newExerciseField.setPrefColumnCount(24);
    newExerciseField.setOnAction(event -> addExercise());
    Views.tip(newExerciseField, "Name of an exercise to add", Shortcuts.ADD_EXERCISE);
    Button add = Views.button("Add exercise", MaterialDesignP.PLUS);
    add.setOnAction(event -> addExercise());
    Views.tip(add, "Add the exercise", Shortcuts.ADD_EXERCISE);
    // Its problem shows beside the button, so the notes below never move.
    HBox addRow = new HBox(10, newExerciseField, add, Views.errorLabel(active.newExerciseErrorProperty(),
        newExerciseField));
    addRow.setAlignment(Pos.CENTER_LEFT);
    return new VBox(6, addLabel, addRow);
  }

  private Node notesBox() {
    Label notesLabel = new Label("Session notes");
    TextArea notes = new TextArea();
    notes.setPromptText("How did it go? Sleep, energy, anything to remember");
    notes.setPrefRowCount(3);
    notes.setWrapText(true);
    notes.textProperty().bindBidirectional(active.notesProperty());
    notes.setAccessibleText("Session notes");
    Views.tabLeaves(notes);
    notesLabel.setLabelFor(notes);
    return new VBox(6, notesLabel, notes, Views.errorLabel(active.notesErrorProperty(), notes));
  }

  // ---- keyboard commands ----

  /** Puts the keyboard on the first set not yet done; on the new exercise's name in an empty workout. */
  void focusDefault() {
    SetRow first = active.firstNotDone();
    if (first != null) {
      cards.focus(first);
    } else if (active.exercises().isEmpty()) {
      focusNewExercise();
    }
  }

  private void addExercise() {
    SetRow first = active.addExercise();
    if (first != null) {
      cards.focus(first);
    }
  }

  /** Focuses the exercise-name field (the "add exercise" shortcut). */
  void focusNewExercise() {
    newExerciseField.requestFocus();
  }

  /** Adds a set to the exercise that holds the focus (else the last one) and focuses it. */
  void addSetHere() {
    SetRow current = focusedRow();
    SetRow added = active.addSet(current == null ? null : active.exerciseOf(current));
    if (added != null) {
      cards.focus(added);
    }
  }

  /** Marks the focused set (else the first one not done) done and moves to the next one. */
  void doneAndNext() {
    SetRow next = active.doneAndNext(focusedRow());
    if (next != null) {
      cards.focus(next);
    }
  }

  private SetRow focusedRow() {
    return root.getScene() == null ? null : cards.rowOf(root.getScene().getFocusOwner());
  }
}
