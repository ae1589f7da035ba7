package dev.setwise.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems so that every problem of an input is reported at once. Keeps at
 * most {@value #LIMIT}; a hostile document cannot make the answer grow without bound.
 */
public final class Problems {

  static final int LIMIT = 100;

  private final List<Problem> list = new ArrayList<>();
  private int dropped;

  public void add(String path, String message) {
    if (list.size() < LIMIT) {
      list.add(new Problem(path, message));
    } else {
      dropped++;
    }
  }

  public boolean isEmpty() {
    return list.isEmpty();
  }

  public List<Problem> list() {
    if (dropped == 0) {
      return List.copyOf(list);
    }
    List<Problem> all = new ArrayList<>(list);
    all.add(new Problem("$", "and " + dropped + " more problems"));
    return List.copyOf(all);
  }

  /** Throws a {@link ValidationException} with {@code message} when any problem was found. */
  public void throwIfAny(String message) {
    if (!isEmpty()) {
      throw new ValidationException(message, list());
    }
  }

  /** The path of property {@code key} under {@code parent} ({@code parent.key}, or {@code key} at the root). */
  public static String child(String parent, String key) {
    return parent == null || parent.isEmpty() || parent.equals("$") ? key : parent + "." + key;
  }

  /** The path of item {@code index} of the array at {@code parent}. */
  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }
}
