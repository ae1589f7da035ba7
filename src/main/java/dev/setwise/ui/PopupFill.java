package dev.setwise.ui;

import java.util.function.BooleanSupplier;
import javafx.collections.ListChangeListener;
import javafx.scene.paint.Color;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Paints the window behind every popup (menus, dropdowns, tooltips) in the theme's background.
 * Where the desktop draws no transparency, what a popup leaves unpainted (its rounded corners, a
 * pixel lost to rounding) shows the window's own fill, white by default: a white frame around a
 * dark menu. Installed once per main window and removed with it.
 */
final class PopupFill {

  private static final Color DARK = Color.web("#0d1117");
  private static final Color LIGHT = Color.WHITE;

  private final BooleanSupplier dark;
  private final ListChangeListener<Window> listener = change -> {
    while (change.next()) {
      for (Window window : change.getAddedSubList()) {
        paint(window);
      }
    }
  };

  PopupFill(BooleanSupplier dark) {
    this.dark = dark;
  }

  void install() {
    Window.getWindows().addListener(listener);
  }

  void remove() {
    Window.getWindows().removeListener(listener);
  }

  private void paint(Window window) {
    if (window instanceof PopupWindow && window.getScene() != null) {
      window.getScene().setFill(dark.getAsBoolean() ? DARK : LIGHT);
    }
  }
}
