package dev.setwise.ui;

import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Marks the window "compact" while it is less than {@value #BELOW} pixels high (a 1024×600 or
 * 1280×720 screen): the stylesheet then tightens paddings and row heights so the workout shows
 * more than one exercise. Type stays the same size; only space around it shrinks.
 */
final class Compact {

  /** Below this scene height the window is compact. */
  static final double BELOW = 740;
  static final String STYLE = "compact";

  private Compact() {}

  static void install(Scene scene, Parent root) {
    Runnable apply = () -> {
      boolean compact = scene.getHeight() > 0 && scene.getHeight() < BELOW;
      if (compact && !root.getStyleClass().contains(STYLE)) {
        root.getStyleClass().add(STYLE);
      } else if (!compact) {
        root.getStyleClass().remove(STYLE);
      }
    };
    scene.heightProperty().addListener((obs, old, now) -> apply.run());
    apply.run();
  }
}
