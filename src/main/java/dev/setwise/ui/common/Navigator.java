package dev.setwise.ui.common;

import java.util.UUID;

/** What a screen may ask of the main window: show another screen. Implemented by the main view model. */
public interface Navigator {

  /**
   * The screens of the main window, in the order of their shortcuts (Ctrl+1 …); the first four
   * are the header's buttons, Activity is reached from the View menu.
   */
  enum Screen {
    WORKOUT("Workout"),
    PLANS("Plans"),
    HISTORY("History"),
    PROGRESS("Progress"),
    ACTIVITY("Activity");

    private final String title;

    Screen(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  void show(Screen screen);

  /** Opens the start form of the workout screen with {@code planId} chosen. */
  void startFrom(UUID planId);

  /** Opens the in-progress workout (after a conflict, or from history). */
  void resumeWorkout();

  /** Opens a session read-only (completed ones), or the workout when it is in progress. */
  void openSession(UUID sessionId, boolean inProgress);

  /**
   * A start was refused because a workout is in progress: the window says so and offers to open
   * it, as Start does. False when it cannot (no workout in progress is known here); the caller
   * then says it itself.
   */
  default boolean offerWorkoutInProgress() {
    return false;
  }
}
