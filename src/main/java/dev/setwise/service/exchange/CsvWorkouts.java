package dev.setwise.service.exchange;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Collects the rows of another app's CSV into workouts and turns each into a completed session.
 * Shared by the Strong, Hevy and FitNotes readers: they say what a row means, this class keeps the
 * contract's bounds (100 exercises, 100 sets, value ranges) and lists every row it has to leave
 * out with its line number.
 */
final class CsvWorkouts {

  static final BigDecimal KG_PER_LB = new BigDecimal("0.45359237");

  /** Rows listed by name; the rest are only counted. */
  private static final int LISTED = 100;

  /** At most this many workouts are read from one file (a workout a day for 270 years). */
  static final int MAX_WORKOUTS = 100_000;

  /** What a CSV reader produced. */
  record Result(List<Session> sessions, List<String> paths, List<Problem> skipped, long skippedCount,
      CsvReport report) {}

  /** A row that cannot be mapped; the reader throws it and the row is listed and left out. */
  static final class RowProblem extends Exception {

    RowProblem(String message) {
      super(message, null, false, false);
    }
  }

  private final ImportFormat format;
  private final UUID profileId;
  private final Instant now;
  private final Map<String, Workout> workouts = new LinkedHashMap<>();
  private final List<Problem> skipped = new ArrayList<>();
  private long skippedCount;
  private final List<Problem> changed = new ArrayList<>();
  private long changedCount;
  private long restTimers;
  private Unit assumedWeightUnit;
  private String assumedDistanceUnit;
  private List<String> unreadColumns = List.of();

  CsvWorkouts(ImportFormat format, UUID profileId, Instant now) {
    this.format = format;
    this.profileId = profileId;
    this.now = now;
  }

  /** Lists a row that is left out. */
  void skip(int line, String reason) {
    skippedCount++;
    if (skipped.size() < LISTED) {
      skipped.add(new Problem("line " + line, reason));
    }
  }

  /** Lists a row that was read with a change (repaired, or a text shortened). */
  void changed(int line, String what) {
    changedCount++;
    if (changed.size() < LISTED) {
      changed.add(new Problem("line " + line, what));
    }
  }

  void unreadColumns(List<String> columns) {
    unreadColumns = List.copyOf(columns);
  }

  /**
   * Adds what a row says: a set, an exercise note, or (a rest timer) only a count.
   *
   * @throws RowProblem when it breaks a bound of the contract
   */
  void add(int line, AppRow row) throws RowProblem {
    if (row.kind() == AppRow.Kind.REST_TIMER) {
      restTimers++;
      return;
    }
    Workout workout = workout(row, line);
    if (row.kind() == AppRow.Kind.NOTE) {
      workout.exerciseNote(row.exercise(), row.notes());
      workout.note(row.workoutNotes());
      return;
    }
    workout.addSet(row.exercise(), row.type(), row.reps(), row.weight(), row.weightUnit(), row.rpe(), row.seconds(),
        row.distanceM(), row.notes(), row.superset());
    workout.note(row.workoutNotes());
    if (row.weightUnitAssumed()) {
      assumedWeightUnit = row.weightUnit();
    }
    if (row.distanceUnitAssumed() != null) {
      assumedDistanceUnit = row.distanceUnitAssumed();
    }
  }

  /** The workout a row belongs to, started on first use. */
  private Workout workout(AppRow row, int line) throws RowProblem {
    Workout workout = workouts.get(row.workoutKey());
    if (workout == null) {
      if (workouts.size() >= MAX_WORKOUTS) {
        throw new RowProblem("would be workout " + (workouts.size() + 1) + " of the file; Setwise reads at most "
            + MAX_WORKOUTS + " from one file");
      }
      String name = row.workoutName();
      if (name != null && name.strip().codePointCount(0, name.strip().length()) > StructureValidator.MAX_NAME) {
        changed(line, "names a workout longer than " + StructureValidator.MAX_NAME + " characters; the first "
            + StructureValidator.MAX_NAME + " are kept");
      }
      workout = new Workout(row.workoutKey(), line, name, row.date(), row.startedAt(), row.endedAt(),
          row.workoutUnit());
      workouts.put(row.workoutKey(), workout);
    }
    return workout;
  }

  Result result() {
    List<Session> sessions = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Workout workout : workouts.values()) {
      for (String longNotes : workout.longNotes()) {
        changed(workout.firstLine, "the notes of " + longNotes + " are longer than " + StructureValidator.MAX_NOTES
            + " characters; the first " + StructureValidator.MAX_NOTES + " are kept");
      }
      SessionStructure structure = workout.structure();
      List<Problem> problems = StructureValidator.problemsOf(structure, "session", false);
      if (!problems.isEmpty()) {
        skip(workout.firstLine, "the workout cannot be imported: " + problems.get(0));
        continue;
      }
      if (workout.exercises.isEmpty()) {
        continue;
      }
      UUID id = UUID.nameUUIDFromBytes(("setwise-csv:" + format.code() + ":" + profileId + ":" + workout.key)
          .getBytes(StandardCharsets.UTF_8));
      sessions.add(new Session(id, null, workout.date, workout.startedAt, workout.endedAt, structure, now, now));
      paths.add("line " + workout.firstLine);
    }
    return new Result(sessions, paths, skipped, skippedCount, new CsvReport(assumedWeightUnit, assumedDistanceUnit,
        restTimers, changed, changedCount, unreadColumns));
  }

  /** One workout being collected. */
  static final class Workout {

    private final String key;
    private final int firstLine;
    private final String name;
    private final LocalDate date;
    private final Instant startedAt;
    private final Instant endedAt;
    private Unit unit;
    private final Set<String> notes = new LinkedHashSet<>();
    private final Map<String, ExerciseRows> exercises = new LinkedHashMap<>();

    private Workout(String key, int firstLine, String name, LocalDate date, Instant startedAt, Instant endedAt,
        Unit unit) {
      this.key = key;
      this.firstLine = firstLine;
      this.name = name == null || name.isBlank() ? null : CsvValues.cut(name.strip(), StructureValidator.MAX_NAME);
      this.date = date;
      this.startedAt = startedAt;
      this.endedAt = endedAt.isBefore(startedAt) ? startedAt : endedAt;
      this.unit = unit;
    }

    Unit unit() {
      return unit;
    }

    void note(String text) {
      if (text != null && !text.isBlank()) {
        notes.add(text.strip());
      }
    }

    /** Keeps an exercise note (Strong writes them on rows of their own); the exercise takes its place. */
    void exerciseNote(String exerciseName, String note) throws RowProblem {
      ExerciseRows rows = exercise(exerciseName);
      if (note != null && !note.isBlank()) {
        rows.notes.add(note.strip());
      }
    }

    /** What has notes longer than a session keeps: "the workout", "Squat". */
    List<String> longNotes() {
      List<String> found = new ArrayList<>();
      if (tooLong(notes)) {
        found.add("the workout");
      }
      for (ExerciseRows rows : exercises.values()) {
        if (tooLong(rows.notes)) {
          found.add(rows.name);
        }
      }
      return found;
    }

    private static boolean tooLong(Set<String> parts) {
      String joined = String.join("\n", parts);
      return joined.codePointCount(0, joined.length()) > StructureValidator.MAX_NOTES;
    }

    private ExerciseRows exercise(String exerciseName) throws RowProblem {
      String exerciseKey = exerciseName == null ? "" : exerciseName.strip();
      if (exerciseKey.isEmpty()) {
        throw new RowProblem("has no exercise name");
      }
      if (exerciseKey.codePointCount(0, exerciseKey.length()) > StructureValidator.MAX_NAME) {
        throw new RowProblem("names an exercise longer than " + StructureValidator.MAX_NAME + " characters");
      }
      ExerciseRows rows = exercises.get(exerciseKey);
      if (rows == null) {
        if (exercises.size() >= StructureValidator.MAX_EXERCISES) {
          throw new RowProblem("would be exercise " + (exercises.size() + 1) + " of the workout; Setwise keeps "
              + StructureValidator.MAX_EXERCISES);
        }
        rows = new ExerciseRows(exerciseKey);
        exercises.put(exerciseKey, rows);
      }
      return rows;
    }

    /**
     * Adds a completed set; weights in {@code weightUnit} are converted to the workout's unit.
     *
     * @throws RowProblem when the set breaks a bound of the contract
     */
    void addSet(String exerciseName, SetType type, Integer reps, BigDecimal weight, Unit weightUnit, BigDecimal rpe,
        Integer seconds, BigDecimal distanceM, String note, String superset) throws RowProblem {
      String exerciseKey = exerciseName == null ? "" : exerciseName.strip();
      if (exerciseKey.isEmpty()) {
        throw new RowProblem("has no exercise name");
      }
      if (exerciseKey.codePointCount(0, exerciseKey.length()) > StructureValidator.MAX_NAME) {
        throw new RowProblem("names an exercise longer than " + StructureValidator.MAX_NAME + " characters");
      }
      if (reps != null && (reps < 0 || reps > StructureValidator.MAX_REPS)) {
        throw new RowProblem("has " + reps + " reps; Setwise keeps 0 to " + StructureValidator.MAX_REPS);
      }
      Double kept = null;
      if (weight != null) {
        BigDecimal converted = weight;
        if (weightUnit != null && weightUnit != unit) {
          converted = weightUnit == Unit.LB ? weight.multiply(KG_PER_LB) : weight.divide(KG_PER_LB, 10,
              RoundingMode.HALF_UP);
          converted = converted.setScale(2, RoundingMode.HALF_UP);
        }
        if (converted.signum() < 0 || converted.compareTo(StructureValidator.MAX_WEIGHT) > 0) {
          throw new RowProblem("has a weight of " + weight.toPlainString() + "; Setwise keeps 0 to "
              + StructureValidator.MAX_WEIGHT + " " + unit.code());
        }
        kept = converted.doubleValue();
      }
      Double keptRpe = null;
      if (rpe != null) {
        if (rpe.compareTo(StructureValidator.MIN_RPE) < 0 || rpe.compareTo(StructureValidator.MAX_RPE) > 0
            || rpe.remainder(StructureValidator.RPE_STEP).signum() != 0) {
          throw new RowProblem("has an RPE of " + rpe.toPlainString() + "; Setwise keeps 1 to 10 in steps of 0.5");
        }
        keptRpe = rpe.doubleValue();
      }
      if (seconds != null && (seconds < 0 || seconds > StructureValidator.MAX_DURATION_SECONDS)) {
        throw new RowProblem("lasts " + seconds + " seconds; Setwise keeps 0 to "
            + StructureValidator.MAX_DURATION_SECONDS);
      }
      Double distance = null;
      if (distanceM != null) {
        if (distanceM.signum() < 0 || distanceM.compareTo(StructureValidator.MAX_DISTANCE_M) > 0) {
          throw new RowProblem("covers " + distanceM.toPlainString() + " m; Setwise keeps 0 to "
              + StructureValidator.MAX_DISTANCE_M + " m");
        }
        distance = distanceM.setScale(2, RoundingMode.HALF_UP).doubleValue();
      }
      ExerciseRows rows = exercise(exerciseKey);
      if (rows.sets.size() >= StructureValidator.MAX_SETS) {
        throw new RowProblem("would be set " + (rows.sets.size() + 1) + " of " + exerciseKey + "; Setwise keeps "
            + StructureValidator.MAX_SETS);
      }
      rows.sets.add(new SetEntry(type, null, null, null, reps, kept, keptRpe, seconds, distance, true, null));
      if (note != null && !note.isBlank()) {
        rows.notes.add(note.strip());
      }
      if (superset != null && !superset.isBlank() && rows.superset == null) {
        rows.superset = CsvValues.cut(superset.strip(), StructureValidator.MAX_SUPERSET);
      }
    }

    SessionStructure structure() {
      List<Exercise> list = new ArrayList<>();
      for (ExerciseRows rows : exercises.values()) {
        list.add(new Exercise(rows.name, joined(rows.notes), null, rows.superset, rows.sets));
      }
      return new SessionStructure(name, unit, joined(notes), null, list);
    }

    private static String joined(Set<String> parts) {
      return parts.isEmpty() ? null : CsvValues.cut(String.join("\n", parts), StructureValidator.MAX_NOTES);
    }
  }

  private static final class ExerciseRows {

    private final String name;
    private final List<SetEntry> sets = new ArrayList<>();
    private final Set<String> notes = new LinkedHashSet<>();
    private String superset;

    ExerciseRows(String name) {
      this.name = name;
    }
  }
}
