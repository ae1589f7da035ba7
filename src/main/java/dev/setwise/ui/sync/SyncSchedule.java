package dev.setwise.ui.sync;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Syncs in the background every few minutes while the window is open (a sync under way is never
 * doubled: the model runs one more after it instead). Runs on the FX thread's clock; the sync
 * itself runs on the sync lane.
 */
public final class SyncSchedule {

  /** How often the window syncs by itself. */
  public static final Duration EVERY = Duration.minutes(5);

  private final Timeline timeline;

  public SyncSchedule(SyncViewModel vm) {
    timeline = new Timeline(new KeyFrame(EVERY, event -> vm.syncInBackground()));
    timeline.setCycleCount(Animation.INDEFINITE);
  }

  public void start() {
    timeline.play();
  }

  public void stop() {
    timeline.stop();
  }
}
