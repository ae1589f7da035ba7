package dev.setwise.ui.common;

import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import java.util.List;
import javafx.beans.property.StringProperty;

/**
 * One set row of an {@link ExerciseFormBase}: the plan editor's targets or the correction's
 * values done. Each editor has its own fields; what the exercise needs of a row is this.
 */
public interface SetRowForm {

  /** The set as typed; text that is not a number is reported to {@code problems} under {@code path}. */
  SetEntry toEntry(String path, List<Problem> problems);

  /** The inline error of the field a validation path ends in ({@code "reps"}); null for one the row does not show. */
  StringProperty errorFor(String field);

  void clearErrors();
}
