package dev.setwise.ui.plan;

import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.SetRowForm;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One planned set in the editor: its type and targets as typed, each with its inline error. */
public final class SetForm implements SetRowForm {

  private final ObjectProperty<SetType> type = new SimpleObjectProperty<>(this, "type", SetType.NORMAL);
  private final StringProperty targetReps = new SimpleStringProperty(this, "targetReps", "");
  private final StringProperty targetWeight = new SimpleStringProperty(this, "targetWeight", "");
  private final StringProperty targetRpe = new SimpleStringProperty(this, "targetRpe", "");
  private final StringProperty targetRepsError = new SimpleStringProperty(this, "targetRepsError");
  private final StringProperty targetWeightError = new SimpleStringProperty(this, "targetWeightError");
  private final StringProperty targetRpeError = new SimpleStringProperty(this, "targetRpeError");

  SetForm(SetEntry set, Runnable onEdit) {
    type.set(set.type());
    targetReps.set(NumberText.format(set.targetReps()));
    targetWeight.set(NumberText.format(set.targetWeight()));
    targetRpe.set(NumberText.format(set.targetRpe()));
    type.addListener((obs, old, now) -> onEdit.run());
    targetReps.addListener((obs, old, now) -> onEdit.run());
    targetWeight.addListener((obs, old, now) -> onEdit.run());
    targetRpe.addListener((obs, old, now) -> onEdit.run());
  }

  @Override
  public SetEntry toEntry(String path, List<Problem> problems) {
    NumberText.Parsed<Integer> reps = NumberText.integer(targetReps.get());
    NumberText.Parsed<Double> weight = NumberText.decimal(targetWeight.get());
    NumberText.Parsed<Double> rpe = NumberText.decimal(targetRpe.get());
    if (!reps.ok()) {
      problems.add(new Problem(path + ".target_reps", reps.problem()));
    }
    if (!weight.ok()) {
      problems.add(new Problem(path + ".target_weight", weight.problem()));
    }
    if (!rpe.ok()) {
      problems.add(new Problem(path + ".target_rpe", rpe.problem()));
    }
    return SetEntry.target(type.get(), reps.value(), weight.value(), rpe.value());
  }

  @Override
  public StringProperty errorFor(String field) {
    return switch (field) {
      case "target_reps" -> targetRepsError;
      case "target_weight" -> targetWeightError;
      case "target_rpe" -> targetRpeError;
      default -> null;
    };
  }

  @Override
  public void clearErrors() {
    targetRepsError.set(null);
    targetWeightError.set(null);
    targetRpeError.set(null);
  }

  public ObjectProperty<SetType> typeProperty() {
    return type;
  }

  public StringProperty targetRepsProperty() {
    return targetReps;
  }

  public StringProperty targetWeightProperty() {
    return targetWeight;
  }

  public StringProperty targetRpeProperty() {
    return targetRpe;
  }

  public StringProperty targetRepsErrorProperty() {
    return targetRepsError;
  }

  public StringProperty targetWeightErrorProperty() {
    return targetWeightError;
  }

  public StringProperty targetRpeErrorProperty() {
    return targetRpeError;
  }
}
