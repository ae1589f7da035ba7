package dev.setwise.ui.plan;

import dev.setwise.domain.Exercise;
import dev.setwise.ui.common.ExerciseFormBase;

/** One exercise in the plan editor with its planned sets; every field carries its own inline error. */
public final class ExerciseForm extends ExerciseFormBase<SetForm> {

  ExerciseForm(Exercise exercise, Runnable onEdit) {
    super(exercise, set -> new SetForm(set, onEdit), onEdit);
  }
}
