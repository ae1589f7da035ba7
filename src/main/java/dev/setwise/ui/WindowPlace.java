package dev.setwise.ui;

import dev.setwise.ui.common.UiPreferences;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window goes and how small it may be: the place remembered, made to fit the screen
 * it is on, else a default (all of a laptop screen, 1280 × 800 on a bigger one). The window that
 * shows while the database opens and the real one use the same, so nothing moves between them.
 */
final class WindowPlace {

  private static final double DEFAULT_WIDTH = 1280;
  private static final double DEFAULT_HEIGHT = 800;
  private static final double MIN_WIDTH = 1000;
  private static final double MIN_HEIGHT = 560;

  private WindowPlace() {}

  /** Never more than the screen has (a 1024×600 netbook included). */
  static void limit(Stage stage) {
    Rectangle2D visual = Screen.getPrimary().getVisualBounds();
    stage.setMinWidth(Math.min(MIN_WIDTH, visual.getWidth()));
    stage.setMinHeight(Math.min(MIN_HEIGHT, visual.getHeight()));
    stage.setMaxHeight(visual.getHeight());
  }

  /** Puts {@code stage} where {@code bounds} say (null: the default place). */
  static void apply(Stage stage, UiPreferences.WindowBounds bounds) {
    boolean visible = bounds != null && !Screen.getScreensForRectangle(
        bounds.x(), bounds.y(), Math.min(bounds.width(), 200), Math.min(bounds.height(), 100)).isEmpty();
    if (visible) {
      // A window remembered from a bigger screen is made to fit this one.
      Rectangle2D on = Screen.getScreensForRectangle(bounds.x(), bounds.y(), Math.min(bounds.width(), 200),
          Math.min(bounds.height(), 100)).get(0).getVisualBounds();
      double width = Math.min(bounds.width(), on.getWidth());
      double height = Math.min(bounds.height(), on.getHeight());
      stage.setX(Math.max(on.getMinX(), Math.min(bounds.x(), on.getMaxX() - width)));
      stage.setY(Math.max(on.getMinY(), Math.min(bounds.y(), on.getMaxY() - height)));
      stage.setWidth(width);
      stage.setHeight(height);
      stage.setMaximized(bounds.maximized());
      return;
    }
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    // On a laptop screen (up to about 1440 wide) the window takes all of it: every pixel counts.
    boolean small = screen.getWidth() <= 1440;
    double width = small ? screen.getWidth() : Math.min(DEFAULT_WIDTH, screen.getWidth());
    double height = small ? screen.getHeight() : Math.min(DEFAULT_HEIGHT, screen.getHeight());
    stage.setWidth(width);
    stage.setHeight(height);
    stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
    stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
  }
}
