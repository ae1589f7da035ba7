package dev.setwise.service.exchange;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.service.exchange.CsvTable.Row;
import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import dev.setwise.service.exchange.CsvWorkouts.Workout;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV exports of Strong, Hevy and FitNotes, by their published column layouts
 * ({@code docs/csv-imports.md} lists the columns, spellings and how each maps). Every workout
 * becomes one completed session without a plan; local times are read in the zone of the
 * service's clock.
 */
final class OtherAppCsv {

  private static final List<DateTimeFormatter> STRONG_DATES = List.of(
      formatter("uuuu-MM-dd HH:mm:ss"), formatter("uuuu-MM-dd H:mm:ss"), formatter("uuuu-MM-dd HH:mm"),
      formatter("uuuu-MM-dd h:mm:ss a"), formatter("uuuu-MM-dd h:mm a"));
  private static final List<DateTimeFormatter> HEVY_DATES = List.of(
      formatter("d MMM uuuu, HH:mm"), formatter("d MMM uuuu, H:mm"), formatter("d MMM uuuu HH:mm"),
      formatter("uuuu-MM-dd HH:mm:ss"), formatter("uuuu-MM-dd HH:mm"));
  private static final Pattern STRONG_DURATION =
      Pattern.compile("(?:(\\d{1,4})\\s*h)?\\s*(?:(\\d{1,4})\\s*m(?:in)?)?\\s*(?:(\\d{1,6})\\s*s)?");
  private static final Pattern CLOCK_TIME = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})");
  /** FitNotes writes dates only; such a session is put at noon so no zone moves it to another day. */
  private static final LocalTime DATE_ONLY_TIME = LocalTime.NOON;

  private OtherAppCsv() {}

  /** Which app wrote the table, by its header; null when none of them. */
  static ImportFormat detect(CsvTable table) {
    if (table.has("Exercise Name") && table.has("Set Order") && table.has("Date")) {
      return ImportFormat.STRONG;
    }
    if (table.has("exercise_title") && table.has("start_time") && table.has("set_index")) {
      return ImportFormat.HEVY;
    }
    if (table.has("Date") && table.has("Exercise") && table.has("Reps")
        && (table.has("Weight (kg)") || table.has("Weight (lbs)") || table.has("Weight"))) {
      return ImportFormat.FITNOTES;
    }
    return null;
  }

  static CsvWorkouts.Result read(ImportFormat format, CsvTable table, UUID profileId, Unit profileUnit, ZoneId zone,
      Instant now) {
    CsvWorkouts workouts = new CsvWorkouts(format, profileId, now);
    for (Row row : table.rows()) {
      try {
        switch (format) {
          case STRONG -> strong(table, row, workouts, profileUnit, zone);
          case HEVY -> hevy(table, row, workouts, zone);
          case FITNOTES -> fitNotes(table, row, workouts, profileUnit, zone);
          default -> throw new IllegalArgumentException("not a CSV format: " + format);
        }
      } catch (RowProblem problem) {
        workouts.skip(row.line(), problem.getMessage());
      }
    }
    return workouts.result();
  }

  /**
   * Strong: {@code Date, Workout Name, Duration, Exercise Name, Set Order, Weight, Reps, Distance,
   * Seconds, Notes, Workout Notes, RPE}; older exports add {@code Weight Unit} and
   * {@code Distance Unit} and call the duration {@code Workout Duration}. {@code Set Order} is a
   * number, or {@code W} (warm-up), {@code D} (drop set), {@code F} (failure); {@code Rest Timer}
   * rows are not sets.
   */
  private static void strong(CsvTable t, Row row, CsvWorkouts workouts, Unit profileUnit, ZoneId zone)
      throws RowProblem {
    char d = t.delimiter();
    String setOrder = t.get(row, "Set Order");
    if (setOrder.equalsIgnoreCase("Rest Timer")) {
      throw new RowProblem("is a rest timer, not a set");
    }
    SetType type = switch (setOrder.toUpperCase(Locale.ROOT)) {
      case "W" -> SetType.WARMUP;
      case "D" -> SetType.DROP;
      case "F" -> SetType.FAILURE;
      default -> {
        if (!setOrder.matches("\\d{1,4}")) {
          throw new RowProblem("has a set order Strong does not write (\"" + CsvWorkouts.shorten(setOrder) + "\")");
        }
        yield SetType.NORMAL;
      }
    };
    String dateText = t.get(row, "Date");
    LocalDateTime start = dateTime(dateText, STRONG_DATES);
    String durationText = t.has("Duration") ? t.get(row, "Duration") : t.get(row, "Workout Duration");
    Instant startedAt = start.atZone(zone).toInstant();
    Instant endedAt = startedAt.plus(strongDuration(durationText));
    Unit unit = t.has("Weight Unit") ? CsvWorkouts.weightUnit(t.get(row, "Weight Unit"), profileUnit) : profileUnit;
    String workoutName = t.get(row, "Workout Name");
    Workout workout = workouts.workout(dateText + "|" + workoutName, row.line(), workoutName, start.toLocalDate(),
        startedAt, endedAt, unit);
    BigDecimal weight = CsvWorkouts.positive(CsvWorkouts.decimal(t.get(row, "Weight"), d, "weight"));
    Integer reps = CsvWorkouts.integer(t.get(row, "Reps"), d, "rep count");
    BigDecimal distance = CsvWorkouts.positive(CsvWorkouts.decimal(t.get(row, "Distance"), d, "distance"));
    String distanceUnit = t.has("Distance Unit") ? t.get(row, "Distance Unit") : "";
    if (distanceUnit.isEmpty()) {
      distanceUnit = profileUnit == Unit.LB ? "mi" : "km";
    }
    workout.note(t.get(row, "Workout Notes"));
    workout.addSet(t.get(row, "Exercise Name"), type, reps(reps, weight), weight, unit,
        CsvWorkouts.positive(CsvWorkouts.decimal(t.get(row, "RPE"), d, "RPE")),
        CsvWorkouts.positive(CsvWorkouts.integer(t.get(row, "Seconds"), d, "duration")),
        CsvWorkouts.metres(distance, distanceUnit), t.get(row, "Notes"), null);
  }

  /**
   * Hevy: {@code title, start_time, end_time, description, exercise_title, superset_id,
   * exercise_notes, set_index, set_type, weight_kg | weight_lbs, reps, distance_km | distance_miles,
   * duration_seconds, rpe}; {@code set_type} is {@code normal}, {@code warmup}, {@code dropset} or
   * {@code failure}; times look like {@code 15 Jan 2026, 07:15}.
   */
  private static void hevy(CsvTable t, Row row, CsvWorkouts workouts, ZoneId zone) throws RowProblem {
    char d = t.delimiter();
    SetType type = switch (t.get(row, "set_type").toLowerCase(Locale.ROOT)) {
      case "", "normal" -> SetType.NORMAL;
      case "warmup", "warm_up", "warm-up" -> SetType.WARMUP;
      case "dropset", "drop_set", "drop" -> SetType.DROP;
      case "failure" -> SetType.FAILURE;
      default -> throw new RowProblem("has a set type Hevy does not write (\""
          + CsvWorkouts.shorten(t.get(row, "set_type")) + "\")");
    };
    String startText = t.get(row, "start_time");
    Instant startedAt = hevyInstant(startText, zone);
    String endText = t.get(row, "end_time");
    Instant endedAt = endText.isEmpty() ? startedAt : hevyInstant(endText, zone);
    boolean pounds = t.has("weight_lbs");
    Unit unit = pounds ? Unit.LB : Unit.KG;
    String title = t.get(row, "title");
    Workout workout = workouts.workout(startText + "|" + title, row.line(), title,
        LocalDate.ofInstant(startedAt, zone), startedAt, endedAt, unit);
    workout.note(t.get(row, "description"));
    BigDecimal weight = CsvWorkouts.positive(
        CsvWorkouts.decimal(t.get(row, pounds ? "weight_lbs" : "weight_kg"), d, "weight"));
    Integer reps = CsvWorkouts.integer(t.get(row, "reps"), d, "rep count");
    boolean miles = t.has("distance_miles");
    BigDecimal distance = CsvWorkouts.metres(CsvWorkouts.positive(
        CsvWorkouts.decimal(t.get(row, miles ? "distance_miles" : "distance_km"), d, "distance")), miles ? "mi" : "km");
    String superset = t.get(row, "superset_id");
    workout.addSet(t.get(row, "exercise_title"), type, reps(reps, weight), weight, unit,
        CsvWorkouts.positive(CsvWorkouts.decimal(t.get(row, "rpe"), d, "RPE")),
        CsvWorkouts.positive(CsvWorkouts.integer(t.get(row, "duration_seconds"), d, "duration")),
        distance, t.get(row, "exercise_notes"), superset.isEmpty() ? null : "S" + superset);
  }

  /**
   * FitNotes: {@code Date, Exercise, Category, Weight (kg) | Weight (lbs), Reps, Distance,
   * Distance Unit, Time, Comment}; newer exports write {@code Weight} and {@code Weight Unit}
   * ({@code kgs}/{@code lbs}) instead. One workout per day, no names, no set types.
   */
  private static void fitNotes(CsvTable t, Row row, CsvWorkouts workouts, Unit profileUnit, ZoneId zone)
      throws RowProblem {
    char d = t.delimiter();
    String dateText = t.get(row, "Date");
    LocalDate date = date(dateText);
    String weightColumn;
    Unit unit;
    if (t.has("Weight (kg)")) {
      weightColumn = "Weight (kg)";
      unit = Unit.KG;
    } else if (t.has("Weight (lbs)")) {
      weightColumn = "Weight (lbs)";
      unit = Unit.LB;
    } else {
      weightColumn = "Weight";
      unit = t.has("Weight Unit") ? CsvWorkouts.weightUnit(t.get(row, "Weight Unit"), profileUnit) : profileUnit;
    }
    Instant startedAt = date.atTime(DATE_ONLY_TIME).atZone(zone).toInstant();
    Workout workout = workouts.workout(dateText, row.line(), null, date, startedAt, startedAt, unit);
    BigDecimal weight = CsvWorkouts.positive(CsvWorkouts.decimal(t.get(row, weightColumn), d, "weight"));
    Integer reps = CsvWorkouts.integer(t.get(row, "Reps"), d, "rep count");
    BigDecimal distanceValue = CsvWorkouts.positive(CsvWorkouts.decimal(t.get(row, "Distance"), d, "distance"));
    String distanceUnit = t.get(row, "Distance Unit");
    if (distanceUnit.isEmpty()) {
      distanceUnit = profileUnit == Unit.LB ? "mi" : "km";
    }
    workout.addSet(t.get(row, "Exercise"), SetType.NORMAL, reps(reps, weight), weight, unit, null,
        CsvWorkouts.positive(clockSeconds(t.get(row, "Time"))), CsvWorkouts.metres(distanceValue, distanceUnit),
        t.get(row, "Comment"), null);
  }

  /** The apps write 0 reps for a timed or distance set; keep 0 only beside a weight (a missed lift). */
  private static Integer reps(Integer reps, BigDecimal weight) {
    return reps != null && reps == 0 && weight == null ? null : reps;
  }

  private static LocalDateTime dateTime(String text, List<DateTimeFormatter> formats) throws RowProblem {
    String normal = text.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
    for (DateTimeFormatter format : formats) {
      try {
        return LocalDateTime.parse(normal, format);
      } catch (DateTimeParseException ignored) {
        // try the next spelling
      }
    }
    throw new RowProblem(text.isEmpty() ? "has no date" : "has a date that cannot be read (\""
        + CsvWorkouts.shorten(text) + "\")");
  }

  private static Instant hevyInstant(String text, ZoneId zone) throws RowProblem {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notIso) {
      return dateTime(text, HEVY_DATES).atZone(zone).toInstant();
    }
  }

  private static LocalDate date(String text) throws RowProblem {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new RowProblem(text.isEmpty() ? "has no date" : "has a date that cannot be read (\""
          + CsvWorkouts.shorten(text) + "\")");
    }
  }

  private static Duration strongDuration(String text) throws RowProblem {
    if (text.isEmpty()) {
      return Duration.ZERO;
    }
    if (text.matches("\\d{1,6}")) {
      return Duration.ofSeconds(Long.parseLong(text));
    }
    Matcher m = STRONG_DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new RowProblem("has a workout duration that cannot be read (\"" + CsvWorkouts.shorten(text) + "\")");
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long seconds = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(seconds);
  }

  /** {@code 0:01:30}, {@code 1:30} or plain seconds. */
  private static Integer clockSeconds(String text) throws RowProblem {
    if (text.isEmpty()) {
      return null;
    }
    if (text.matches("\\d{1,6}")) {
      return Integer.parseInt(text);
    }
    Matcher m = CLOCK_TIME.matcher(text);
    if (!m.matches()) {
      throw new RowProblem("has a time that cannot be read (\"" + CsvWorkouts.shorten(text) + "\")");
    }
    int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
  }

  private static DateTimeFormatter formatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }
}
