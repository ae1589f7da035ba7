package dev.setwise.domain.progress;

import java.util.Locale;

/**
 * When two exercise names are the same exercise (contract §4a): equal once case is ignored and
 * surrounding or repeated spaces are dropped. "Bench  press " and "bench press" share one key.
 * Aliases (renames and merges) are applied on top of keys, when reading.
 */
public final class ExerciseKey {

  private ExerciseKey() {}

  /** The key of {@code name}: trimmed, inner runs of white space made one space, lower case. */
  public static String of(String name) {
    return tidy(name).toLowerCase(Locale.ROOT);
  }

  /** The name as a person would write it: trimmed, inner runs of white space made one space, case kept. */
  public static String tidy(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
