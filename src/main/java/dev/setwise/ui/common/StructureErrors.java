package dev.setwise.ui.common;

import dev.setwise.domain.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;

/**
 * Places the problems found in an edited structure under their fields, for the editors built of
 * {@link ExerciseFormBase}s: a path into an exercise or one of its sets
 * ({@code session.exercises[1].sets[0].reps}) names that form's own field.
 */
public final class StructureErrors {

  private final Pattern exercisePath;

  /** @param root how the validator names the structure, the first part of every path ("structure", "session") */
  public StructureErrors(String root) {
    exercisePath = Pattern.compile(
        Pattern.quote(root) + "\\.exercises\\[(\\d+)](?:\\.sets\\[(\\d+)])?\\.(\\w+)(?:\\[\\d+])?");
  }

  /** The inline error of the exercise or set field {@code path} names; null when {@code exercises} has none. */
  public StringProperty exerciseError(List<? extends ExerciseFormBase<?>> exercises, String path) {
    Matcher matcher = exercisePath.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    int e = Integer.parseInt(matcher.group(1));
    if (e >= exercises.size()) {
      return null;
    }
    ExerciseFormBase<?> exercise = exercises.get(e);
    if (matcher.group(2) == null) {
      return exercise.errorFor(matcher.group(3));
    }
    int s = Integer.parseInt(matcher.group(2));
    return s < exercise.sets().size() ? exercise.sets().get(s).errorFor(matcher.group(3)) : null;
  }

  /**
   * Shows each problem under the field {@code errorFor} finds for its path (the first problem of a
   * field is the one shown) and returns, in order, the descriptions of those that have no field.
   */
  public static List<String> place(List<Problem> problems, Function<String, StringProperty> errorFor) {
    List<String> unplaced = new ArrayList<>();
    for (Problem problem : problems) {
      StringProperty target = errorFor.apply(problem.path());
      if (target == null) {
        unplaced.add(FieldNames.describe(problem));
      } else if (target.get() == null) {
        target.set(FieldNames.inline(problem));
      }
    }
    return unplaced;
  }
}
