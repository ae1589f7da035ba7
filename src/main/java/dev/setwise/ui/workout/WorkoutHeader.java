package dev.setwise.ui.workout;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The top of a workout being logged: title, date and progress; the clock and save state; Complete and Discard. */
final class WorkoutHeader {

  private WorkoutHeader() {}

  static Node build(WorkoutViewModel vm, ZoneId zone, Runnable complete, Runnable discard) {
    ActiveWorkoutViewModel active = vm.active();
    Label title = new Label();
    title.getStyleClass().add("screen-title");
    title.setId("workout-title");
    title.textProperty().bind(active.titleProperty());
    Label date = new Label();
    date.getStyleClass().add("muted");
    date.setId("workout-date");
    date.setMinWidth(Region.USE_PREF_SIZE);
    date.textProperty().bind(Bindings.createStringBinding(() -> active.sessionProperty().get() == null ? ""
        : Formats.date(active.sessionProperty().get().date()) + " · started "
            + Formats.time(active.sessionProperty().get().startedAt(), zone) + " ·", active.sessionProperty()));
    Label progress = new Label();
    progress.setId("workout-progress");
    progress.setMinWidth(Region.USE_PREF_SIZE);
    progress.textProperty().bind(active.progressProperty());
    // Date and progress on one line, Complete beside Discard: the header stays two lines high, so a
    // 600-pixel screen keeps room for the exercises.
    VBox heading = new VBox(2, title, new HBox(6, date, progress));

    Label elapsed = new Label();
    elapsed.getStyleClass().add("elapsed");
    elapsed.textProperty().bind(active.elapsedProperty());
    elapsed.setGraphic(Views.icon(MaterialDesignT.TIMER_OUTLINE));
    elapsed.setAccessibleText("Elapsed time");
    Label saveState = saveStateLabel(vm.saver());
    saveState.setId("save-state");
    elapsed.setMinWidth(Region.USE_PREF_SIZE);
    saveState.setMinWidth(Region.USE_PREF_SIZE);
    VBox clock = new VBox(0, elapsed, saveState);
    clock.setAlignment(Pos.CENTER_RIGHT);

    Button completeButton = Views.button("Complete", MaterialDesignF.FLAG_CHECKERED);
    completeButton.getStyleClass().add(Styles.SUCCESS);
    completeButton.setId("complete-workout");
    completeButton.setOnAction(event -> complete.run());
    Views.tip(completeButton, "Complete the workout", Shortcuts.COMPLETE);
    Button discardButton = Views.button("Discard", MaterialDesignD.DELETE_OUTLINE);
    discardButton.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
    discardButton.setId("discard-workout");
    discardButton.setOnAction(event -> discard.run());
    Views.tip(discardButton, "Discard the workout", Shortcuts.DISCARD);
    completeButton.disableProperty().bind(vm.busyProperty());
    discardButton.disableProperty().bind(vm.busyProperty());
    HBox actions = new HBox(8, completeButton, discardButton);
    actions.setAlignment(Pos.CENTER_RIGHT);
    completeButton.setMinWidth(Region.USE_PREF_SIZE);
    discardButton.setMinWidth(Region.USE_PREF_SIZE);

    HBox top = new HBox(20, heading, new Spacer(), clock, actions);
    top.setAlignment(Pos.CENTER_LEFT);
    return top;
  }

  private static Label saveStateLabel(WorkoutSaver saver) {
    Label label = new Label();
    label.getStyleClass().add("save-state");
    label.textProperty().bind(saver.saveMessageProperty());
    Runnable style = () -> {
      label.getStyleClass().removeAll("saved", "problem");
      WorkoutSaver.SaveState state = saver.saveStateProperty().get();
      if (state == WorkoutSaver.SaveState.SAVED) {
        label.getStyleClass().add("saved");
        label.setGraphic(Views.icon(MaterialDesignC.CLOUD_CHECK_OUTLINE));
      } else if (state == WorkoutSaver.SaveState.SAVING) {
        label.setGraphic(Views.icon(MaterialDesignC.CONTENT_SAVE));
      } else {
        label.getStyleClass().add("problem");
        label.setGraphic(Views.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
      }
    };
    style.run();
    saver.saveStateProperty().addListener((obs, old, now) -> style.run());
    label.setOnMouseClicked(event -> {
      if (saver.saveStateProperty().get() == WorkoutSaver.SaveState.FAILED) {
        saver.retry();
      }
    });
    return label;
  }
}
