package dev.setwise.ui.workout;

import dev.setwise.ui.common.Navigator;
import java.time.ZoneId;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * The workout screen: the start form ({@link StartFormView}) or the session being logged
 * ({@link ActiveWorkoutView}: one card per exercise, one row per set, so Tab walks the workout in
 * order and Ctrl+Enter marks a set done and jumps on). It ticks the clocks and takes the main
 * window's commands.
 */
public final class WorkoutView {

  private final WorkoutViewModel vm;
  private final StackPane root = new StackPane();
  private final StartFormView startForm;
  private final ActiveWorkoutView active;
  private final Timeline ticker;

  public WorkoutView(WorkoutViewModel vm, Navigator navigator, ZoneId zone) {
    this.vm = vm;
    this.startForm = new StartFormView(vm.startForm(), navigator);
    this.active = new ActiveWorkoutView(vm, zone);
    Label loading = new Label("Loading…");
    loading.getStyleClass().add("empty-note");
    loading.visibleProperty().bind(vm.modeProperty().isEqualTo(WorkoutViewModel.Mode.LOADING));
    startForm.node().visibleProperty().bind(vm.modeProperty().isEqualTo(WorkoutViewModel.Mode.START));
    active.node().visibleProperty().bind(vm.modeProperty().isEqualTo(WorkoutViewModel.Mode.ACTIVE));
    root.getChildren().addAll(loading, startForm.node(), active.node());
    ticker = new Timeline(new KeyFrame(Duration.millis(250), event -> vm.tick()));
    ticker.setCycleCount(Timeline.INDEFINITE);
    ticker.play();
  }

  public Node node() {
    return root;
  }

  /** How Complete and Discard ask for confirmation (the main window owns the dialogs). */
  public void setConfirmations(Runnable complete, Runnable discard) {
    active.setConfirmations(complete, discard);
  }

  /** What the progress side shows in the workout: see {@link WorkoutAddOns}. */
  public void setExtras(WorkoutAddOns extras) {
    active.setExtras(extras);
  }

  /** Puts the keyboard where the athlete starts: the plan choice, or the first set not yet done. */
  public void focusDefault() {
    if (vm.modeProperty().get() == WorkoutViewModel.Mode.START) {
      startForm.focusDefault();
    } else {
      active.focusDefault();
    }
  }

  /** Focuses the exercise-name field (the "add exercise" shortcut). */
  public void focusNewExercise() {
    active.focusNewExercise();
  }

  /** Adds a set to the exercise that holds the focus (else the last one) and focuses it. */
  public void addSetHere() {
    active.addSetHere();
  }

  /** Marks the focused set (else the first one not done) done and moves to the next one. */
  public void doneAndNext() {
    active.doneAndNext();
  }

  /** Stops the clock (the window is closing). */
  public void dispose() {
    ticker.stop();
  }
}
