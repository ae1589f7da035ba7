package dev.setwise.bench.raw;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The smallest JavaFX window, started the way Setwise starts its own ({@link Platform#startup},
 * no {@code Application} subclass), at Setwise's default size (1280 × 800): the baseline of
 * "first visible window" and of its peak memory.
 */
public final class MinimalWindow {

  private MinimalWindow() {}

  public static void main(String[] args) {
    // As Setwise does: JavaFX warns on stderr when it runs from the class path, as both do here.
    java.util.logging.Logger javafxLog = java.util.logging.Logger.getLogger("javafx");
    javafxLog.setLevel(java.util.logging.Level.SEVERE);
    Platform.startup(() -> {
      Stage stage = new Stage();
      stage.setTitle("Baseline window");
      StackPane screen = new StackPane(new Label("A window"));
      // What the first-frame agent takes for a filled first screen, as in Setwise's window.
      screen.setId("screens");
      stage.setScene(new Scene(screen, 1280, 800));
      stage.show();
    });
    // Held until the toolkit has started, so the level set above stays in force.
    java.lang.ref.Reference.reachabilityFence(javafxLog);
  }
}
