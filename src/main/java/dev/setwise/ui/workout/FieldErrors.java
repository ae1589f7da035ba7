package dev.setwise.ui.workout;

import dev.setwise.domain.Problem;
import dev.setwise.ui.common.FieldNames;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.StringProperty;

/** Puts each problem of the session on screen next to its field (the first one per field wins). */
final class FieldErrors {

  private static final Pattern PATH =
      Pattern.compile("session\\.exercises\\[(\\d+)](?:\\.sets\\[(\\d+)]\\.(\\w+)|\\.(notes))");

  private FieldErrors() {}

  static void show(List<Problem> problems, StringProperty notesError, List<ExerciseRow> exercises) {
    notesError.set(null);
    for (ExerciseRow row : exercises) {
      row.notesErrorProperty().set(null);
      row.sets().forEach(SetRow::clearErrors);
    }
    for (Problem problem : problems) {
      StringProperty target = errorFor(problem.path(), notesError, exercises);
      if (target != null && target.get() == null) {
        target.set(FieldNames.inline(problem));
      }
    }
  }

  private static StringProperty errorFor(String path, StringProperty notesError, List<ExerciseRow> exercises) {
    if (path.equals("session.notes")) {
      return notesError;
    }
    Matcher matcher = PATH.matcher(path);
    if (!matcher.matches()) {
      return null;
    }
    int e = Integer.parseInt(matcher.group(1));
    if (e >= exercises.size()) {
      return null;
    }
    ExerciseRow row = exercises.get(e);
    if (matcher.group(4) != null) {
      return row.notesErrorProperty();
    }
    int s = Integer.parseInt(matcher.group(2));
    if (s >= row.sets().size()) {
      return null;
    }
    for (SetRow.Field field : row.sets().get(s).fields()) {
      if (field.key().equals(matcher.group(3))) {
        return field.errorProperty();
      }
    }
    return null;
  }
}
