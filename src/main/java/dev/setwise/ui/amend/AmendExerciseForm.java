package dev.setwise.ui.amend;

import dev.setwise.domain.Exercise;
import dev.setwise.ui.common.ExerciseFormBase;

/** One exercise of the correction with its sets as done; every field carries its own inline error. */
public final class AmendExerciseForm extends ExerciseFormBase<AmendSetForm> {

  AmendExerciseForm(Exercise exercise, Runnable onEdit) {
    super(exercise, set -> new AmendSetForm(set, onEdit), onEdit);
  }
}
