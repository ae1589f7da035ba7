package dev.setwise.json;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.Timestamps;

/**
 * Writes a structure as JSON text straight from the records into one {@link StringBuilder}: the
 * same fields in the same order, the same absent values left out and the very same characters as
 * the plain tree of {@link dev.setwise.domain.StructureTree} written by the codec (Jackson's
 * escapes: a backslash before a quote or a backslash, the short escapes for backspace, tab, line
 * feed, form feed and carriage return, other control characters as a six-character escape with
 * upper-case hex, everything else as it is; numbers as {@link Integer#toString} and
 * {@link Double#toString}; a test holds the two to it on many random structures). Every save
 * serialises its whole snapshot; the generator's set-up, its buffers and the synchronised
 * {@code StringWriter} were a quarter of a save's Java time (issue 12).
 */
final class StructureWriter {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private StructureWriter() {}

  static String write(SessionStructure structure) {
    StringBuilder out = new StringBuilder(2048);
    out.append('{');
    boolean first = string(out, true, "name", structure.name());
    out.append(first ? "" : ",").append("\"unit\":");
    if (structure.unit() == null) {
      out.append("null");
    } else {
      quoted(out, structure.unit().code());
    }
    string(out, false, "notes", structure.notes());
    number(out, "bodyweight", structure.bodyweight());
    out.append(",\"exercises\":[");
    boolean more = false;
    for (Exercise exercise : structure.exercises()) {
      if (more) {
        out.append(',');
      }
      exercise(out, exercise);
      more = true;
    }
    return out.append("]}").toString();
  }

  private static void exercise(StringBuilder out, Exercise exercise) {
    out.append("{\"name\":");
    if (exercise.name() == null) {
      out.append("null");
    } else {
      quoted(out, exercise.name());
    }
    string(out, false, "notes", exercise.notes());
    number(out, "rest_seconds", exercise.restSeconds());
    string(out, false, "superset", exercise.superset());
    out.append(",\"sets\":[");
    boolean more = false;
    for (SetEntry set : exercise.sets()) {
      if (more) {
        out.append(',');
      }
      set(out, set);
      more = true;
    }
    out.append("]}");
  }

  private static void set(StringBuilder out, SetEntry set) {
    out.append("{\"type\":");
    quoted(out, set.type().code());
    number(out, "target_reps", set.targetReps());
    number(out, "target_weight", set.targetWeight());
    number(out, "target_rpe", set.targetRpe());
    number(out, "reps", set.reps());
    number(out, "weight", set.weight());
    number(out, "rpe", set.rpe());
    number(out, "duration_seconds", set.durationSeconds());
    number(out, "distance_m", set.distanceM());
    out.append(",\"completed\":").append(set.completed());
    if (set.completedAt() != null) {
      out.append(",\"completed_at\":");
      quoted(out, Timestamps.format(set.completedAt()));
    }
    out.append('}');
  }

  /** {@code "name":"value"} when there is a value, after a comma unless {@code first}; true when nothing was written. */
  private static boolean string(StringBuilder out, boolean first, String name, String value) {
    if (value == null) {
      return first;
    }
    if (!first) {
      out.append(',');
    }
    out.append('"').append(name).append("\":");
    quoted(out, value);
    return false;
  }

  private static void number(StringBuilder out, String name, Integer value) {
    if (value != null) {
      out.append(",\"").append(name).append("\":").append(value.intValue());
    }
  }

  private static void number(StringBuilder out, String name, Double value) {
    if (value != null) {
      out.append(",\"").append(name).append("\":");
      double number = value;
      if (Double.isNaN(number) || Double.isInfinite(number)) {
        // as the codec writes them (WRITE_NAN_AS_STRINGS); the validator lets none through
        out.append('"').append(number).append('"');
      } else {
        decimal(out, number);
      }
    }
  }

  /**
   * {@link Double#toString}'s text of {@code number}. Weights, RPE and distances are mostly whole
   * or a quarter, a half or three quarters: those are exact in binary, and their text (digits, a
   * point, one or two decimals) is written without the general algorithm.
   */
  static void decimal(StringBuilder out, double number) {
    double quarters = number * 4;
    if (number != 0 && Math.abs(number) < 1e7 && Math.abs(number) >= 1 && quarters == Math.rint(quarters)) {
      long q = (long) quarters;
      long whole = q / 4;
      int fraction = (int) Math.abs(q % 4);
      if (number < 0) {
        out.append('-');
        whole = -whole;
      }
      out.append(whole).append(FRACTIONS[fraction]);
      return;
    }
    out.append(number);
  }

  private static final String[] FRACTIONS = {".0", ".25", ".5", ".75"};

  private static void quoted(StringBuilder out, String value) {
    out.append('"');
    int length = value.length();
    int from = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(value, from, length).append('"');
  }
}
