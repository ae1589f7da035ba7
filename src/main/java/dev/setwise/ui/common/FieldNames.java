package dev.setwise.ui.common;

import dev.setwise.domain.Problem;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a validation path ({@code structure.exercises[0].sets[2].target_reps}) as a person would:
 * "Exercise 1, set 3: target reps".
 */
public final class FieldNames {

  private static final Pattern EXERCISE = Pattern.compile("exercises\\[(\\d+)]");
  private static final Pattern SET = Pattern.compile("sets\\[(\\d+)]");
  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("target_reps", "Target reps"),
      Map.entry("target_weight", "Target weight"),
      Map.entry("target_rpe", "Target RPE"),
      Map.entry("reps", "Reps"),
      Map.entry("weight", "Weight"),
      Map.entry("rpe", "RPE"),
      Map.entry("rest_seconds", "Rest seconds"),
      Map.entry("superset", "Superset label"),
      Map.entry("name", "Name"),
      Map.entry("notes", "Notes"),
      Map.entry("bodyweight", "Bodyweight"),
      Map.entry("duration_seconds", "Duration"),
      Map.entry("distance_m", "Distance"),
      Map.entry("completed_at", "Done at"),
      Map.entry("unit", "Unit"),
      Map.entry("type", "Set type"),
      Map.entry("sets", "Sets"),
      Map.entry("exercises", "Exercises"));

  private FieldNames() {}

  /** The field's own name: "Target reps". */
  public static String field(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+]$", "");
    String name = NAMES.get(last);
    return name != null ? name : last.replace('_', ' ');
  }

  /** Where the field is: "Exercise 1, set 3" (empty for top-level fields). */
  public static String place(String path) {
    StringBuilder place = new StringBuilder();
    Matcher exercise = EXERCISE.matcher(path);
    if (exercise.find()) {
      place.append("Exercise ").append(Integer.parseInt(exercise.group(1)) + 1);
    }
    Matcher set = SET.matcher(path);
    if (set.find()) {
      place.append(place.length() > 0 ? ", set " : "Set ").append(Integer.parseInt(set.group(1)) + 1);
    }
    return place.toString();
  }

  /** "Exercise 1, set 3: Target reps must be an integer from 0 to 1000". */
  public static String describe(Problem problem) {
    String place = place(problem.path());
    String sentence = field(problem.path()) + " " + problem.message();
    return place.isEmpty() ? sentence : place + ": " + lowerFirst(sentence);
  }

  /** "Target reps must be an integer from 0 to 1000": for an error shown right under its field. */
  public static String inline(Problem problem) {
    return field(problem.path()) + " " + problem.message();
  }

  private static String lowerFirst(String text) {
    if (text.startsWith("RPE")) {
      return text;
    }
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
