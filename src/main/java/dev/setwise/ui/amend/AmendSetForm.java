package dev.setwise.ui.amend;

import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.SetRowForm;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One set as the correction edits it: its type, what was done (reps, weight, RPE) and whether it
 * was done. Its targets, time done, duration and distance stay as they were recorded; a set added
 * here has none of them.
 */
public final class AmendSetForm implements SetRowForm {

  private final ObjectProperty<SetType> type = new SimpleObjectProperty<>(this, "type", SetType.NORMAL);
  private final StringProperty reps = new SimpleStringProperty(this, "reps", "");
  private final StringProperty weight = new SimpleStringProperty(this, "weight", "");
  private final StringProperty rpe = new SimpleStringProperty(this, "rpe", "");
  private final BooleanProperty done = new SimpleBooleanProperty(this, "done");
  private final StringProperty repsError = new SimpleStringProperty(this, "repsError");
  private final StringProperty weightError = new SimpleStringProperty(this, "weightError");
  private final StringProperty rpeError = new SimpleStringProperty(this, "rpeError");
  private final SetEntry recorded;

  AmendSetForm(SetEntry set, Runnable onEdit) {
    this.recorded = set;
    type.set(set.type());
    reps.set(NumberText.format(set.reps()));
    weight.set(NumberText.format(set.weight()));
    rpe.set(NumberText.format(set.rpe()));
    done.set(set.completed());
    type.addListener((obs, old, now) -> onEdit.run());
    reps.addListener((obs, old, now) -> onEdit.run());
    weight.addListener((obs, old, now) -> onEdit.run());
    rpe.addListener((obs, old, now) -> onEdit.run());
    done.addListener((obs, old, now) -> onEdit.run());
  }

  /** The targets as recorded (shown beside the fields; a correction does not change them). */
  public SetEntry target() {
    return SetEntry.target(type.get(), recorded.targetReps(), recorded.targetWeight(), recorded.targetRpe());
  }

  /** When the set was marked done, as recorded (null for a set added here). */
  public Instant completedAt() {
    return recorded.completedAt();
  }

  /** The set as corrected; text that is not a number is reported to {@code problems}. */
  @Override
  public SetEntry toEntry(String path, List<Problem> problems) {
    Integer repsValue = parsed(NumberText.integer(reps.get()), path + ".reps", problems);
    Double weightValue = parsed(NumberText.decimal(weight.get()), path + ".weight", problems);
    Double rpeValue = parsed(NumberText.decimal(rpe.get()), path + ".rpe", problems);
    // A set done keeps the time it was done; one marked done only now has no time (it was not done now).
    Instant at = done.get() ? recorded.completedAt() : null;
    return new SetEntry(type.get(), recorded.targetReps(), recorded.targetWeight(), recorded.targetRpe(), repsValue,
        weightValue, rpeValue, recorded.durationSeconds(), recorded.distanceM(), done.get(), at);
  }

  private static <T> T parsed(NumberText.Parsed<T> value, String path, List<Problem> problems) {
    if (!value.ok()) {
      problems.add(new Problem(path, value.problem()));
      return null;
    }
    return value.value();
  }

  @Override
  public StringProperty errorFor(String field) {
    return switch (field) {
      case "reps" -> repsError;
      case "weight" -> weightError;
      case "rpe" -> rpeError;
      default -> null;
    };
  }

  @Override
  public void clearErrors() {
    repsError.set(null);
    weightError.set(null);
    rpeError.set(null);
  }

  public ObjectProperty<SetType> typeProperty() {
    return type;
  }

  public StringProperty repsProperty() {
    return reps;
  }

  public StringProperty weightProperty() {
    return weight;
  }

  public StringProperty rpeProperty() {
    return rpe;
  }

  public BooleanProperty doneProperty() {
    return done;
  }

  public StringProperty repsErrorProperty() {
    return repsError;
  }

  public StringProperty weightErrorProperty() {
    return weightError;
  }

  public StringProperty rpeErrorProperty() {
    return rpeError;
  }
}
