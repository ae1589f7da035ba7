package dev.setwise.ui.workout;

import java.util.HashMap;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.TextField;

/** Which set each control on screen belongs to, and the field that takes the keyboard for a set. */
final class SetFields {

  private final Map<SetRow, TextField> first = new HashMap<>();
  private final Map<Node, SetRow> rowOf = new HashMap<>();

  void clear() {
    first.clear();
    rowOf.clear();
  }

  /** {@code control} is part of {@code row}'s line. */
  void add(Node control, SetRow row) {
    rowOf.put(control, row);
  }

  /** {@code field} is where the keyboard goes for {@code row} (its reps). */
  void first(SetRow row, TextField field) {
    first.put(row, field);
  }

  TextField firstOf(SetRow row) {
    return first.get(row);
  }

  /** The set {@code focused} (or one of its parents) belongs to; null when none. */
  SetRow rowOf(Node focused) {
    Node node = focused;
    while (node != null) {
      SetRow row = rowOf.get(node);
      if (row != null) {
        return row;
      }
      node = node.getParent();
    }
    return null;
  }
}
