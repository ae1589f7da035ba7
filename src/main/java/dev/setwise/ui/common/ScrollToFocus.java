package dev.setwise.ui.common;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseEvent;

/**
 * Whatever gets the keyboard scrolls into view: a set focused by Ctrl+Enter, an exercise just
 * added, the name field of Ctrl+Shift+E, the first set when a workout opens, a field reached by
 * Tab. Focus moved by the keyboard or by the app brings some room above the node too (the head of
 * its card); a click only scrolls when the node clicked is partly hidden, so nothing moves under
 * the pointer.
 */
public final class ScrollToFocus {

  /** Room kept above a node focused from the keyboard: a card's head and column heads. */
  private static final double ABOVE = 96;
  private static final double BELOW = 24;
  private static final String CLICKING = "setwise.clicking";

  private ScrollToFocus() {}

  /** Watches {@code scene}'s focus for as long as the scene lives. */
  public static void install(Scene scene) {
    scene.addEventFilter(MouseEvent.MOUSE_PRESSED, event -> {
      scene.getProperties().put(CLICKING, Boolean.TRUE);
      Platform.runLater(() -> scene.getProperties().remove(CLICKING));
    });
    scene.focusOwnerProperty().addListener((obs, old, now) -> {
      if (now != null) {
        boolean clicked = scene.getProperties().containsKey(CLICKING);
        Platform.runLater(() -> reveal(now, clicked));
      }
    });
  }

  /** Scrolls {@code node} into view once the scene has laid it out (after it was added, say). */
  public static void revealLater(Node node) {
    Platform.runLater(() -> reveal(node, false));
  }

  private static void reveal(Node node, boolean clicked) {
    Scene scene = node.getScene();
    if (scene == null || scene.getRoot() == null) {
      return;
    }
    // A node added a moment ago has no place yet: lay the scene out first, as the next pulse would.
    Parent root = scene.getRoot();
    root.applyCss();
    root.layout();
    Node inner = node;
    for (ScrollPane scroll = enclosing(node); scroll != null; scroll = enclosing(scroll)) {
      scrollTo(scroll, inner, clicked);
      inner = scroll;
    }
  }

  private static ScrollPane enclosing(Node node) {
    for (Node parent = node.getParent(); parent != null; parent = parent.getParent()) {
      if (parent instanceof ScrollPane scroll && scroll.getContent() != null
          && isInside(node, scroll.getContent())) {
        return scroll;
      }
    }
    return null;
  }

  private static boolean isInside(Node node, Node content) {
    for (Node at = node; at != null; at = at.getParent()) {
      if (at == content) {
        return true;
      }
    }
    return false;
  }

  private static void scrollTo(ScrollPane scroll, Node node, boolean clicked) {
    Node content = scroll.getContent();
    double contentHeight = content.getLayoutBounds().getHeight();
    double viewport = scroll.getViewportBounds().getHeight();
    if (contentHeight <= viewport || viewport <= 0) {
      return;
    }
    Bounds bounds = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
    double range = contentHeight - viewport;
    double span = scroll.getVmax() - scroll.getVmin();
    double top = (scroll.getVvalue() - scroll.getVmin()) / span * range;
    double wantTop = bounds.getMinY() - (clicked ? 0 : ABOVE);
    double wantBottom = bounds.getMaxY() + (clicked ? 0 : BELOW);
    double next = top;
    if (wantTop < top) {
      next = wantTop;
    } else if (wantBottom > top + viewport) {
      next = Math.min(wantTop, wantBottom - viewport);
    }
    if (next != top) {
      double clamped = Math.max(0, Math.min(range, next));
      scroll.setVvalue(scroll.getVmin() + clamped / range * span);
    }
  }
}
