package dev.setwise.ui.data;

import java.util.Locale;

/** "1 plan", "2 sessions", "1,204 sessions": a count with its noun. */
final class Counts {

  private Counts() {}

  static String of(long count, String noun) {
    return String.format(Locale.ROOT, "%,d", count) + " " + noun + (count == 1 ? "" : "s");
  }
}
