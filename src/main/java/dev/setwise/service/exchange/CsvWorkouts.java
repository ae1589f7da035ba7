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

  /** What a CSV reader produced. */
  record Result(List<Session> sessions, List<String> paths, List<Problem> skipped, long skippedCount) {}

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

  /** The workout with this key, started on first use. */
  Workout workout(String key, int line, String name, LocalDate date, Instant startedAt, Instant endedAt, Unit unit) {
    return workouts.computeIfAbsent(key, k -> new Workout(k, line, name, date, startedAt, endedAt, unit));
  }

  Result result() {
    List<Session> sessions = new ArrayList<>();
    List<String> paths = new ArrayList<>();
    for (Workout workout : workouts.values()) {
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
    return new Result(sessions, paths, skipped, skippedCount);
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
      this.name = name == null || name.isBlank() ? null : cut(name.strip(), StructureValidator.MAX_NAME);
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

    /**
     * Adds a completed set; weights in {@code weightUnit} are converted to the workout's unit.
     *
     * @throws RowProblem when the set breaks a bound of the contract
     */
    void addSet(String exerciseName, SetType type, Integer reps, BigDecimal weight, Unit weightUnit, BigDecimal rpe,
        Integer seconds, BigDecimal distanceM, String note, String superset) throws RowProblem {
      String exerciseKey = exerciseName.strip();
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
      ExerciseRows rows = exercises.get(exerciseKey);
      if (rows == null) {
        if (exercises.size() >= StructureValidator.MAX_EXERCISES) {
          throw new RowProblem("would be exercise " + (exercises.size() + 1) + " of the workout; Setwise keeps "
              + StructureValidator.MAX_EXERCISES);
        }
        rows = new ExerciseRows(exerciseKey);
        exercises.put(exerciseKey, rows);
      }
      if (rows.sets.size() >= StructureValidator.MAX_SETS) {
        throw new RowProblem("would be set " + (rows.sets.size() + 1) + " of " + exerciseKey + "; Setwise keeps "
            + StructureValidator.MAX_SETS);
      }
      rows.sets.add(new SetEntry(type, null, null, null, reps, kept, keptRpe, seconds, distance, true, null));
      if (note != null && !note.isBlank()) {
        rows.notes.add(note.strip());
      }
      if (superset != null && !superset.isBlank() && rows.superset == null) {
        rows.superset = cut(superset.strip(), StructureValidator.MAX_SUPERSET);
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
      return parts.isEmpty() ? null : cut(String.join("\n", parts), StructureValidator.MAX_NOTES);
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

  // ---- value parsing shared by the readers ----

  /** A decimal such as {@code 102.5} (or {@code 102,5} in a {@code ;} file); "" is absent. */
  static BigDecimal decimal(String text, char delimiter, String what) throws RowProblem {
    if (text.isEmpty()) {
      return null;
    }
    String normal = delimiter == ';' ? text.replace(',', '.') : text;
    if (normal.length() > 32) {
      throw new RowProblem("has a " + what + " that is not a number");
    }
    try {
      return new BigDecimal(normal);
    } catch (NumberFormatException e) {
      throw new RowProblem("has a " + what + " that is not a number (\"" + shorten(text) + "\")");
    }
  }

  /** A whole number; {@code 8.0} is accepted, {@code 8.5} is not; "" is absent. */
  static Integer integer(String text, char delimiter, String what) throws RowProblem {
    BigDecimal value = decimal(text, delimiter, what);
    if (value == null) {
      return null;
    }
    try {
      return value.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      throw new RowProblem("has a " + what + " that is not a whole number (\"" + shorten(text) + "\")");
    }
  }

  /** Zero counts as absent: the apps write 0 into cells that do not apply (seconds of a barbell set). */
  static BigDecimal positive(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }

  static Integer positive(Integer value) {
    return value == null || value == 0 ? null : value;
  }

  /** A distance in metres from a value and a unit spelling ({@code km}, {@code mi}, {@code m}, {@code ft}, {@code yd}). */
  static BigDecimal metres(BigDecimal value, String unit) throws RowProblem {
    if (value == null) {
      return null;
    }
    String u = unit.strip().toLowerCase(java.util.Locale.ROOT);
    BigDecimal factor = switch (u) {
      case "m", "metre", "metres", "meter", "meters" -> BigDecimal.ONE;
      case "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers" -> BigDecimal.valueOf(1000);
      case "mi", "mile", "miles" -> new BigDecimal("1609.344");
      case "ft", "feet", "foot" -> new BigDecimal("0.3048");
      case "yd", "yds", "yard", "yards" -> new BigDecimal("0.9144");
      default -> throw new RowProblem("has a distance in an unknown unit (\"" + shorten(unit) + "\")");
    };
    return value.multiply(factor);
  }

  /** {@code kg}, {@code kgs}, {@code lb}, {@code lbs}; "" gives {@code fallback}. */
  static Unit weightUnit(String text, Unit fallback) throws RowProblem {
    String u = text.strip().toLowerCase(java.util.Locale.ROOT);
    return switch (u) {
      case "" -> fallback;
      case "kg", "kgs", "kilograms" -> Unit.KG;
      case "lb", "lbs", "pounds" -> Unit.LB;
      default -> throw new RowProblem("has a weight in an unknown unit (\"" + shorten(text) + "\")");
    };
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max));
  }
}
