package dev.setwise.ui.workout;

import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.ui.common.NumberText;
import java.time.Instant;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One set as the workout screen edits it. A field of a set not yet done that holds no logged value
 * shows a suggestion (the target, or for a set added mid-workout what the set before it got), so a
 * typical set needs one keystroke. A suggestion is not a logged value: it is saved only when the
 * athlete types in the field or marks the set done, and un-marking the set turns what was adopted
 * back into a suggestion. A field the athlete cleared stays empty; a set done shows exactly what
 * was logged, so a cleared value never comes back as the target after a restart.
 */
public final class SetRow {

  /** The three actual fields, each with its text, its error and whether it still shows a suggestion. */
  public static final class Field {
    private final String key;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final BooleanProperty prefilled = new SimpleBooleanProperty(this, "prefilled", true);
    private boolean loading;
    /** True while the value is a suggestion that marking the set done adopted, untouched since. */
    private boolean adopted;

    Field(String key, String initial, boolean recorded, Runnable onEdit) {
      this.key = key;
      loading = true;
      text.set(initial);
      prefilled.set(!recorded);
      loading = false;
      text.addListener((obs, old, now) -> {
        if (!loading) {
          prefilled.set(false);
          adopted = false;
          onEdit.run();
        }
      });
    }

    /** The JSON name of the field: {@code reps}, {@code weight} or {@code rpe}. */
    public String key() {
      return key;
    }

    public StringProperty textProperty() {
      return text;
    }

    public StringProperty errorProperty() {
      return error;
    }

    /** True while the field shows a suggestion that is not yet recorded. */
    public BooleanProperty prefilledProperty() {
      return prefilled;
    }

    boolean recorded() {
      return !prefilled.get();
    }

    /** The set is marked done: a suggestion shown becomes the logged value. */
    void adopt() {
      if (prefilled.get()) {
        adopted = true;
        prefilled.set(false);
      }
    }

    /** The set is marked not done: a suggestion adopted by marking it done is a suggestion again. */
    void unadopt() {
      if (adopted) {
        adopted = false;
        prefilled.set(true);
      }
    }

    /**
     * Replaces the suggestion while the field still shows one (last time's value arriving after the
     * row was built); a value typed or recorded is never touched.
     */
    public void suggest(String value) {
      if (!prefilled.get() || value == null || value.equals(text.get())) {
        return;
      }
      loading = true;
      try {
        text.set(value);
      } finally {
        loading = false;
      }
    }
  }

  private final SetType type;
  private final Integer targetReps;
  private final Double targetWeight;
  private final Double targetRpe;
  private final Integer durationSeconds;
  private final Double distanceM;
  private final Field reps;
  private final Field weight;
  private final Field rpe;
  private final BooleanProperty done = new SimpleBooleanProperty(this, "done");
  private final ObjectProperty<Instant> completedAt = new SimpleObjectProperty<>(this, "completedAt");

  SetRow(SetEntry set, SetEntry suggestion, Runnable onEdit) {
    this.type = set.type();
    this.targetReps = set.targetReps();
    this.targetWeight = set.targetWeight();
    this.targetRpe = set.targetRpe();
    this.durationSeconds = set.durationSeconds();
    this.distanceM = set.distanceM();
    this.reps = field("reps", set.reps(), suggestion.reps() != null ? suggestion.reps() : suggestion.targetReps(),
        set.completed(), onEdit);
    this.weight = field("weight", set.weight(),
        suggestion.weight() != null ? suggestion.weight() : suggestion.targetWeight(), set.completed(), onEdit);
    this.rpe = field("rpe", set.rpe(), suggestion.rpe() != null ? suggestion.rpe() : suggestion.targetRpe(),
        set.completed(), onEdit);
    done.set(set.completed());
    completedAt.set(set.completedAt());
  }

  /**
   * A field as loaded: what was logged, else (on a set not done) the suggestion. A set done shows
   * exactly what was logged: an empty field is a value the athlete cleared or never gave.
   */
  private static Field field(String key, Number logged, Number suggested, boolean done, Runnable onEdit) {
    if (logged != null || done) {
      return new Field(key, NumberText.format(logged), true, onEdit);
    }
    return new Field(key, NumberText.format(suggested), false, onEdit);
  }

  public SetType type() {
    return type;
  }

  /** The target as the plan set it (for display next to the actual fields). */
  public SetEntry target() {
    return SetEntry.target(type, targetReps, targetWeight, targetRpe);
  }

  public Field reps() {
    return reps;
  }

  public Field weight() {
    return weight;
  }

  public Field rpe() {
    return rpe;
  }

  public Field[] fields() {
    return new Field[] {reps, weight, rpe};
  }

  public BooleanProperty doneProperty() {
    return done;
  }

  public boolean isDone() {
    return done.get();
  }

  public ObjectProperty<Instant> completedAtProperty() {
    return completedAt;
  }

  /** Marks the set done at {@code at}, adopting the suggestions shown; null marks it not done. */
  void markDone(Instant at) {
    for (Field field : fields()) {
      if (at != null) {
        field.adopt();
      } else {
        field.unadopt();
      }
    }
    completedAt.set(at);
    done.set(at != null);
  }

  void clearErrors() {
    for (Field field : fields()) {
      field.errorProperty().set(null);
    }
  }

  /** A suggestion for a set added after this one: its targets, and what was typed here as actuals. */
  SetEntry asSuggestion() {
    return new SetEntry(type, targetReps, targetWeight, targetRpe,
        NumberText.integer(reps.textProperty().get()).value(),
        NumberText.decimal(weight.textProperty().get()).value(),
        NumberText.decimal(rpe.textProperty().get()).value(), durationSeconds, distanceM, false, null);
  }

  /** The set as it would be saved; text that is not a number is reported to {@code problems}. */
  SetEntry toEntry(String path, List<Problem> problems) {
    NumberText.Parsed<Integer> repsValue = NumberText.integer(reps.textProperty().get());
    NumberText.Parsed<Double> weightValue = NumberText.decimal(weight.textProperty().get());
    NumberText.Parsed<Double> rpeValue = NumberText.decimal(rpe.textProperty().get());
    Integer actualReps = recordedValue(reps, repsValue, path, problems);
    Double actualWeight = recordedValue(weight, weightValue, path, problems);
    Double actualRpe = recordedValue(rpe, rpeValue, path, problems);
    return new SetEntry(type, targetReps, targetWeight, targetRpe, actualReps, actualWeight, actualRpe,
        durationSeconds, distanceM, done.get(), done.get() ? completedAt.get() : null);
  }

  private static <T> T recordedValue(Field field, NumberText.Parsed<T> parsed, String path,
      List<Problem> problems) {
    if (!field.recorded()) {
      return null;
    }
    if (!parsed.ok()) {
      problems.add(new Problem(path + "." + field.key(), parsed.problem()));
      return null;
    }
    return parsed.value();
  }
}
