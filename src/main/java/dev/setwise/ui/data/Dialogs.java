package dev.setwise.ui.data;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.Dialog;
import javafx.stage.Screen;
import javafx.stage.Window;

/** Sizing shared by the data dialogs, whose content changes while they are open. */
final class Dialogs {

  private Dialogs() {}

  /** Gives the dialog a width (wide enough for paths and problem lines); the height follows the content. */
  static void width(Dialog<?> dialog, double width) {
    dialog.getDialogPane().setMinWidth(width);
    dialog.getDialogPane().setPrefWidth(width);
  }

  /**
   * Makes a wrapping label as wide as {@code width} and as tall as its lines, so the dialog, which
   * sizes itself from preferred sizes, leaves room for a second line instead of cutting it off.
   */
  static <T extends javafx.scene.control.Label> T paragraph(T label, double width) {
    label.setWrapText(true);
    label.setPrefWidth(width);
    label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    return label;
  }

  /**
   * Fits the dialog's window to its new content and centres it over its owner again, inside the
   * screen, so a summary that grew after a short "checking" step is not cut off at the bottom.
   */
  static void refit(Dialog<?> dialog) {
    Window window = dialog.getDialogPane().getScene().getWindow();
    if (window == null) {
      return;
    }
    window.sizeToScene();
    if (!window.isShowing()) {
      return;
    }
    Window owner = dialog.getOwner();
    Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), 1, 1).stream().findFirst()
        .orElse(Screen.getPrimary()).getVisualBounds();
    double x = owner == null ? window.getX() : owner.getX() + (owner.getWidth() - window.getWidth()) / 2;
    double y = owner == null ? window.getY() : owner.getY() + (owner.getHeight() - window.getHeight()) / 3;
    window.setX(Math.max(screen.getMinX(), Math.min(x, screen.getMaxX() - window.getWidth())));
    window.setY(Math.max(screen.getMinY(), Math.min(y, screen.getMaxY() - window.getHeight())));
  }
}
