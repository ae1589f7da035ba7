package dev.setwise.ui.progress;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.ExerciseKey;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.LoggedSet;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.ProgressSettings;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.domain.progress.RepsAtWeight;
import dev.setwise.service.progress.ExerciseOutlook;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.workout.ExerciseRow;
import dev.setwise.ui.workout.SetRow;
import dev.setwise.ui.workout.ActiveWorkoutViewModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

/**
 * The progress side of the workout screen, beside its view model rather than inside it: for each
 * set, what was done in the same set last time ("last: 100 kg × 5 @ 8") and, once it is marked done,
 * a badge when it beats a record ("New e1RM record: 118 kg"). Last time and the records are read
 * once per exercise when a session opens (off the FX thread); the badge is then decided in memory,
 * so marking a set done shows it at once. With the profile's prefill set to last time, sets still
 * showing a suggestion take last time's values instead of the plan's targets.
 */
public final class WorkoutInsights {

  /** What one set row shows. */
  public static final class SetInsight {
    private final StringProperty last = new SimpleStringProperty(this, "last", "");
    private final StringProperty badge = new SimpleStringProperty(this, "badge", "");

    /** "last: 100 kg × 5 @ 8", or empty. */
    public StringProperty lastProperty() {
      return last;
    }

    /** "New e1RM record: 118 kg", or empty. */
    public StringProperty badgeProperty() {
      return badge;
    }
  }

  private final ActiveWorkoutViewModel workout;
  private final Supplier<AppContext.Progress> progress;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Map<String, ExerciseOutlook> outlooks = new HashMap<>();
  private final Set<String> asked = new LinkedHashSet<>();
  private final Map<SetRow, SetInsight> insights = new WeakHashMap<>();
  private UUID session;
  private ProgressSettings settings;

  public WorkoutInsights(ActiveWorkoutViewModel workout, Supplier<AppContext.Progress> progress, BackgroundTasks tasks,
      ReadOnlyObjectProperty<Profile> profile) {
    this.workout = workout;
    this.progress = progress;
    this.tasks = tasks;
    this.profile = profile;
    workout.sessionProperty().addListener((obs, old, now) -> sessionShown(now));
    workout.exercises().addListener((ListChangeListener<ExerciseRow>) change -> loadMissing());
  }

  /** The insight of one set row (made the first time a row is shown). */
  public SetInsight of(ExerciseRow exercise, SetRow row) {
    SetInsight insight = insights.get(row);
    if (insight == null) {
      SetInsight made = new SetInsight();
      insights.put(row, made);
      row.doneProperty().addListener((obs, old, done) -> made.badge.set(done ? badgeFor(row) : ""));
      insight = made;
      fill(exercise, row, insight);
    }
    return insight;
  }

  /** Last time of an exercise, if any (for the exercise history button's tooltip). */
  public ExerciseOutlook outlook(String exerciseName) {
    return outlooks.get(ExerciseKey.of(exerciseName));
  }

  /** Reads the settings and every exercise again (after settings change, an import, or a profile switch). */
  public void reload() {
    outlooks.clear();
    asked.clear();
    settings = null;
    loadMissing();
  }

  private void sessionShown(Session now) {
    UUID id = now == null ? null : now.id();
    if (id == null || !id.equals(session)) {
      session = id;
      reload();
    }
  }

  private void loadMissing() {
    Profile owner = profile.get();
    Session current = workout.sessionProperty().get();
    if (owner == null || current == null) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (ExerciseRow row : workout.exercises()) {
      if (asked.add(ExerciseKey.of(row.name()))) {
        names.add(row.name());
      }
    }
    if (names.isEmpty() && settings != null) {
      return;
    }
    Unit unit = current.structure().unit();
    UUID sessionId = current.id();
    boolean needSettings = settings == null;
    AppContext.Progress services = progress.get();
    tasks.read("load last time's sets", () -> new Loaded(services.stats().outlook(owner.id(), names, unit),
        needSettings ? services.settings().get(owner.id()) : null), loaded -> {
          if (!sessionId.equals(session) || !owner.equals(profile.get())) {
            return;
          }
          outlooks.putAll(loaded.outlooks());
          if (loaded.settings() != null) {
            settings = loaded.settings();
          }
          applyAll();
        }, failure -> { });
  }

  private record Loaded(Map<String, ExerciseOutlook> outlooks, ProgressSettings settings) {}

  private void applyAll() {
    for (ExerciseRow exercise : workout.exercises()) {
      for (SetRow row : exercise.sets()) {
        SetInsight insight = insights.get(row);
        if (insight != null) {
          fill(exercise, row, insight);
        }
      }
    }
  }

  private void fill(ExerciseRow exercise, SetRow row, SetInsight insight) {
    ExerciseOutlook outlook = outlooks.get(ExerciseKey.of(exercise.name()));
    int index = exercise.sets().indexOf(row);
    LoggedSet last = outlook == null || outlook.last() == null ? null : outlook.last().set(index);
    insight.last.set(last == null ? "" : "last: " + describe(last, workout.unit()));
    boolean fromLastTime = settings != null && settings.prefill() == ProgressSettings.Prefill.LAST_TIME;
    if (last != null && fromLastTime && !row.isDone()) {
      row.reps().suggest(last.reps() == null ? null : NumberText.format(last.reps()));
      row.weight().suggest(last.weight() == null ? null : NumberText.format(round(last.weight())));
      row.rpe().suggest(last.rpe() == null ? null : NumberText.format(last.rpe()));
    }
    if (row.isDone()) {
      insight.badge.set(badgeFor(row));
    }
  }

  /** "100 kg × 5 @ 8", "× 12" without weight. */
  static String describe(LoggedSet set, String unit) {
    StringBuilder text = new StringBuilder();
    if (set.weight() != null) {
      text.append(NumberText.format(round(set.weight()))).append(' ').append(unit);
    }
    if (set.reps() != null) {
      text.append(text.length() > 0 ? " × " : "× ").append(set.reps());
    }
    if (set.rpe() != null) {
      text.append(" @ ").append(NumberText.format(set.rpe()));
    }
    if (set.type() == SetType.WARMUP) {
      text.append(" (warm-up)");
    }
    return text.length() == 0 ? "done" : text.toString();
  }

  /** The record a set just done beats, the most telling first; empty when none (or on a first time). */
  String badgeFor(SetRow row) {
    ExerciseRow exercise = workout.exerciseOf(row);
    if (exercise == null || row.type() == SetType.WARMUP) {
      return "";
    }
    ExerciseOutlook outlook = outlooks.get(ExerciseKey.of(exercise.name()));
    Integer reps = NumberText.integer(row.reps().textProperty().get()).value();
    Double weight = NumberText.decimal(row.weight().textProperty().get()).value();
    if (outlook == null || outlook.records().isEmpty() || !OneRepMax.isWorking(reps, weight)) {
      return "";
    }
    ExerciseRecords records = outlook.records();
    double bestE1rm = value(records.get(RecordKind.BEST_E1RM));
    double heaviest = value(records.get(RecordKind.HEAVIEST_WEIGHT));
    double bestSetVolume = value(records.get(RecordKind.BEST_SET_VOLUME));
    List<double[]> earlier = new ArrayList<>();
    for (RepsAtWeight entry : outlook.repsAtWeight()) {
      earlier.add(new double[] {entry.weight(), entry.reps()});
    }
    // Sets of this workout done before this one count as well.
    String key = ExerciseKey.of(exercise.name());
    List<SetRow> order = new ArrayList<>();
    workout.exercises().forEach(e -> order.addAll(e.sets()));
    for (ExerciseRow other : workout.exercises()) {
      if (!ExerciseKey.of(other.name()).equals(key)) {
        continue;
      }
      for (SetRow set : other.sets()) {
        if (set == row || !set.isDone() || set.type() == SetType.WARMUP || !doneBefore(set, row, order)) {
          continue;
        }
        Integer r = NumberText.integer(set.reps().textProperty().get()).value();
        Double w = NumberText.decimal(set.weight().textProperty().get()).value();
        if (!OneRepMax.isWorking(r, w)) {
          continue;
        }
        Double e = OneRepMax.Formula.EPLEY.estimate(r, w);
        bestE1rm = Math.max(bestE1rm, e == null ? 0 : e);
        heaviest = Math.max(heaviest, w);
        bestSetVolume = Math.max(bestSetVolume, r * w);
        earlier.add(new double[] {w, r});
      }
    }
    String unit = workout.unit();
    Double e1rm = OneRepMax.Formula.EPLEY.estimate(reps, weight);
    if (e1rm != null && e1rm > bestE1rm + 1e-9) {
      return "New e1RM record: " + NumberText.format(round1(e1rm)) + " " + unit;
    }
    if (weight > heaviest + 1e-9) {
      return "New heaviest weight: " + NumberText.format(round(weight)) + " " + unit;
    }
    if (reps * weight > bestSetVolume + 1e-9) {
      return "New set volume record: " + NumberText.volume(round(reps * weight)) + " " + unit;
    }
    boolean repRecord = earlier.stream().noneMatch(e -> e[0] >= weight - 1e-9 && e[1] >= reps);
    if (repRecord) {
      return "New rep record: " + reps + " × " + NumberText.format(round(weight)) + " " + unit;
    }
    return "";
  }

  /** Done earlier: by the time stamped when marked done, else by place in the workout. */
  private static boolean doneBefore(SetRow a, SetRow b, List<SetRow> order) {
    java.time.Instant at = a.completedAtProperty().get();
    java.time.Instant bt = b.completedAtProperty().get();
    if (at != null && bt != null && !at.equals(bt)) {
      return at.isBefore(bt);
    }
    return order.indexOf(a) < order.indexOf(b);
  }

  private static double value(RecordValue record) {
    return record == null ? 0 : record.value();
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static double round1(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
