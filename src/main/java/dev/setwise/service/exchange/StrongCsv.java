package dev.setwise.service.exchange;

import static dev.setwise.service.exchange.CsvValues.at;
import static dev.setwise.service.exchange.CsvValues.decimal;
import static dev.setwise.service.exchange.CsvValues.integer;
import static dev.setwise.service.exchange.CsvValues.positive;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.service.exchange.AppRow.Kind;
import dev.setwise.service.exchange.CsvTable.UnitColumn;
import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Strong's CSV, in each layout it has written:
 * <ul>
 *   <li>current: {@code "Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";
 *       "Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"} (or
 *       {@code Weight (lbs)}), every field quoted, {@code ;}-separated; exercise notes on rows of
 *       their own ({@code Set Order} = {@code Note});</li>
 *   <li>earlier: {@code Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
 *       Seconds,Notes,Workout Notes,RPE} (notes columns sometimes missing), no unit;</li>
 *   <li>older: {@code Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;
 *       Distance;Distance Unit;Seconds;Notes;Workout Notes;Workout Duration}.</li>
 * </ul>
 * {@code Set Order} is a number, {@code W}/{@code WARM_UP} (warm-up), {@code D}/{@code DROP_SET}
 * (drop set), {@code F}/{@code FAILURE}, {@code Note} or {@code Rest Timer} (not a set). Exports
 * made in German or French have the headers in that language ({@link #NAMES}; {@code Ruhezeit} is
 * a rest timer).
 */
final class StrongCsv implements AppCsv {

  private final char delimiter;
  private final Unit profileUnit;
  private final ZoneId zone;
  private final int workoutNumber;
  private final int date;
  private final int workoutName;
  private final int duration;
  private final boolean durationInSeconds;
  private final int exercise;
  private final int setOrder;
  private final int weight;
  /** The unit the header gives the weights, or null (then per row, or the profile's). */
  private final Unit headerUnit;
  private final int weightUnit;
  private final int reps;
  private final int rpe;
  private final int distance;
  /** Metres per unit of the header's distance unit, or null. */
  private final BigDecimal headerDistance;
  private final int distanceUnit;
  private final int seconds;
  private final int notes;
  private final int workoutNotes;

  /**
   * The header names of the app in other languages, as seen in real exports (German: {@code Datum,
   * Workout-Name, Dauer, Name der Übung, Reihenfolge festlegen, Gewicht, Wiederh., …}; French:
   * {@code Date, Nom de l'entraînement, Durée, Nom de l'exercice, Ordre de la série, Poids, Réps, …}).
   */
  private static final Map<String, List<String>> NAMES = Map.ofEntries(
      Map.entry("Date", List.of("Date", "Datum")),
      Map.entry("Workout Name", List.of("Workout Name", "Workout-Name", "Nom de l'entraînement")),
      Map.entry("Duration", List.of("Duration", "Dauer", "Durée")),
      Map.entry("Exercise Name", List.of("Exercise Name", "Name der Übung", "Nom de l'exercice")),
      Map.entry("Set Order", List.of("Set Order", "Reihenfolge festlegen", "Ordre de la série")),
      Map.entry("Weight", List.of("Weight", "Gewicht", "Poids")),
      Map.entry("Reps", List.of("Reps", "Wiederh.", "Réps")),
      Map.entry("Distance", List.of("Distance", "Entfernung")),
      Map.entry("Seconds", List.of("Seconds", "Sekunden", "Secondes")),
      Map.entry("Notes", List.of("Notes", "Notizen")),
      Map.entry("Workout Notes", List.of("Workout Notes", "Workout-Notizen")));

  private StrongCsv(CsvTable t, Unit profileUnit, ZoneId zone) {
    this.delimiter = t.delimiter();
    this.profileUnit = profileUnit;
    this.zone = zone;
    workoutNumber = t.index("Workout #");
    date = column(t, "Date");
    workoutName = column(t, "Workout Name");
    exercise = column(t, "Exercise Name");
    setOrder = column(t, "Set Order");
    UnitColumn durationColumn = unitColumn(t, "Duration");
    if (durationColumn == null) {
      durationColumn = t.unitColumn("Workout Duration");
    }
    duration = durationColumn == null ? -1 : durationColumn.index();
    durationInSeconds = durationColumn != null && List.of("sec", "secs", "s", "seconds")
        .contains(durationColumn.unit().toLowerCase(Locale.ROOT));
    UnitColumn weightColumn = unitColumn(t, "Weight");
    weight = weightColumn == null ? -1 : weightColumn.index();
    headerUnit = weightColumn == null ? null : OtherAppCsv.headerWeightUnit(weightColumn);
    weightUnit = t.index("Weight Unit");
    reps = column(t, "Reps");
    rpe = t.index("RPE");
    UnitColumn distanceColumn = unitColumn(t, "Distance");
    distance = distanceColumn == null ? -1 : distanceColumn.index();
    headerDistance = distanceColumn == null ? null : OtherAppCsv.headerDistanceUnit(distanceColumn);
    distanceUnit = t.index("Distance Unit");
    seconds = column(t, "Seconds");
    notes = column(t, "Notes");
    workoutNotes = column(t, "Workout Notes");
  }

  static boolean recognises(CsvTable t) {
    return column(t, "Exercise Name") >= 0 && column(t, "Set Order") >= 0 && column(t, "Date") >= 0;
  }

  /** The column of {@code name}, under its English name or one of the app's other languages, or -1. */
  private static int column(CsvTable t, String name) {
    for (String each : NAMES.get(name)) {
      int index = t.index(each);
      if (index >= 0) {
        return index;
      }
    }
    return -1;
  }

  private static UnitColumn unitColumn(CsvTable t, String name) {
    for (String each : NAMES.get(name)) {
      UnitColumn column = t.unitColumn(each);
      if (column != null) {
        return column;
      }
    }
    return null;
  }

  /** @throws dev.setwise.domain.ValidationException when the header names a unit Setwise does not know */
  static StrongCsv of(CsvTable t, Unit profileUnit, ZoneId zone) {
    return new StrongCsv(t, profileUnit, zone);
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.STRONG;
  }

  @Override
  public List<Integer> textColumns() {
    List<Integer> text = new ArrayList<>();
    for (int column : new int[] {workoutName, exercise, notes, workoutNotes}) {
      if (column >= 0) {
        text.add(column);
      }
    }
    text.sort(null);
    return text;
  }

  @Override
  public Set<Integer> knownColumns() {
    Set<Integer> known = new HashSet<>();
    for (int column : new int[] {workoutNumber, date, workoutName, duration, exercise, setOrder, weight, weightUnit,
        reps, rpe, distance, distanceUnit, seconds, notes, workoutNotes}) {
      known.add(column);
    }
    return known;
  }

  @Override
  public AppRow read(List<String> f) throws RowProblem {
    String order = at(f, setOrder);
    Kind kind = Kind.SET;
    SetType type = SetType.NORMAL;
    switch (order.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_')) {
      case "REST_TIMER", "RUHEZEIT" -> kind = Kind.REST_TIMER;
      case "NOTE" -> kind = Kind.NOTE;
      case "W", "WARM_UP", "WARMUP" -> type = SetType.WARMUP;
      case "D", "DROP_SET", "DROPSET", "DROP" -> type = SetType.DROP;
      case "F", "FAILURE" -> type = SetType.FAILURE;
      default -> {
        if (!order.matches("\\d{1,4}")) {
          throw new RowProblem(order.isEmpty() ? "has no set order"
              : "has a set order Strong does not write (\"" + CsvValues.shorten(order) + "\")");
        }
      }
    }
    if (kind == Kind.REST_TIMER) {
      return new AppRow(kind, null, null, null, null, null, null, null, null, null, null, null, null, false, null,
          null, null, null, null, null);
    }
    String dateText = at(f, date);
    LocalDateTime start = CsvDates.strong(dateText);
    Instant startedAt = start.atZone(zone).toInstant();
    Instant endedAt = startedAt.plus(CsvDates.strongDuration(at(f, duration), durationInSeconds));
    String name = at(f, workoutName);
    String key = dateText + "|" + name;
    Unit rowUnit = headerUnit != null ? headerUnit
        : weightUnit >= 0 ? CsvValues.weightUnit(at(f, weightUnit), profileUnit) : profileUnit;
    if (kind == Kind.NOTE) {
      return new AppRow(kind, key, name, start.toLocalDate(), startedAt, endedAt, rowUnit, at(f, workoutNotes),
          at(f, exercise), null, null, null, null, false, null, null, null, null, at(f, notes), null);
    }
    BigDecimal kept = positive(decimal(at(f, weight), delimiter, "weight"));
    boolean unitAssumed = kept != null && headerUnit == null && (weightUnit < 0 || at(f, weightUnit).isEmpty());
    Integer repCount = integer(at(f, reps), delimiter, "rep count");
    BigDecimal distanceValue = positive(decimal(at(f, distance), delimiter, "distance"));
    BigDecimal metres = null;
    String distanceAssumed = null;
    if (distanceValue != null) {
      if (headerDistance != null) {
        metres = distanceValue.multiply(headerDistance);
      } else if (distanceUnit >= 0 && !at(f, distanceUnit).isEmpty()) {
        metres = CsvValues.metres(distanceValue, at(f, distanceUnit));
      } else {
        distanceAssumed = profileUnit == Unit.LB ? "mi" : "km";
        metres = CsvValues.metres(distanceValue, distanceAssumed);
      }
    }
    return new AppRow(kind, key, name, start.toLocalDate(), startedAt, endedAt, rowUnit, at(f, workoutNotes),
        at(f, exercise), type, OtherAppCsv.reps(repCount, kept), kept, rowUnit, unitAssumed,
        positive(decimal(at(f, rpe), delimiter, "RPE")), positive(integer(at(f, seconds), delimiter, "duration")),
        metres, distanceAssumed, at(f, notes), null);
  }
}
