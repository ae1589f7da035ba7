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
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * FitNotes: {@code Date, Exercise, Category, Weight (kgs) | Weight (kg) | Weight (lbs), Reps,
 * Distance, Distance Unit, Time[, Comment]}; newer exports write {@code Weight, Weight Unit}
 * ({@code kgs}/{@code lbs}) instead. One workout per day, no names, no set types.
 */
final class FitNotesCsv implements AppCsv {

  /** FitNotes writes dates only; such a session is put at noon so no zone moves it to another day. */
  private static final LocalTime DATE_ONLY_TIME = LocalTime.NOON;

  private final char delimiter;
  private final Unit profileUnit;
  private final ZoneId zone;
  private final int date;
  private final int exercise;
  private final int category;
  private final int weight;
  private final Unit headerUnit;
  private final int weightUnit;
  private final int reps;
  private final int distance;
  private final int distanceUnit;
  private final int time;
  private final int comment;

  private FitNotesCsv(CsvTable t, Unit profileUnit, ZoneId zone) {
    this.delimiter = t.delimiter();
    this.profileUnit = profileUnit;
    this.zone = zone;
    date = t.index("Date");
    exercise = t.index("Exercise");
    category = t.index("Category");
    UnitColumn weightColumn = t.unitColumn("Weight");
    weight = weightColumn.index();
    headerUnit = OtherAppCsv.headerWeightUnit(weightColumn);
    weightUnit = t.index("Weight Unit");
    reps = t.index("Reps");
    distance = t.index("Distance");
    distanceUnit = t.index("Distance Unit");
    time = t.index("Time");
    comment = t.index("Comment");
  }

  static boolean recognises(CsvTable t) {
    return t.has("Date") && t.has("Exercise") && t.has("Reps") && t.unitColumn("Weight") != null;
  }

  static FitNotesCsv of(CsvTable t, Unit profileUnit, ZoneId zone) {
    return new FitNotesCsv(t, profileUnit, zone);
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.FITNOTES;
  }

  @Override
  public List<Integer> textColumns() {
    List<Integer> text = new ArrayList<>();
    for (int column : new int[] {exercise, category, comment}) {
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
    for (int column : new int[] {date, exercise, category, weight, weightUnit, reps, distance, distanceUnit, time,
        comment}) {
      known.add(column);
    }
    return known;
  }

  @Override
  public AppRow read(List<String> f) throws RowProblem {
    String dateText = at(f, date);
    LocalDate day = CsvDates.date(dateText);
    BigDecimal kept = positive(decimal(at(f, weight), delimiter, "weight"));
    Unit unit = headerUnit != null ? headerUnit
        : weightUnit >= 0 ? CsvValues.weightUnit(at(f, weightUnit), profileUnit) : profileUnit;
    boolean unitAssumed = kept != null && headerUnit == null && (weightUnit < 0 || at(f, weightUnit).isEmpty());
    Integer repCount = integer(at(f, reps), delimiter, "rep count");
    BigDecimal distanceValue = positive(decimal(at(f, distance), delimiter, "distance"));
    String unitText = at(f, distanceUnit);
    String distanceAssumed = null;
    if (distanceValue != null && unitText.isEmpty()) {
      distanceAssumed = profileUnit == Unit.LB ? "mi" : "km";
      unitText = distanceAssumed;
    }
    Instant startedAt = day.atTime(DATE_ONLY_TIME).atZone(zone).toInstant();
    return new AppRow(Kind.SET, dateText, null, day, startedAt, startedAt, unit, null, at(f, exercise),
        SetType.NORMAL, OtherAppCsv.reps(repCount, kept), kept, unit, unitAssumed, null,
        positive(CsvDates.clockSeconds(at(f, time))), CsvValues.metres(distanceValue, unitText), distanceAssumed,
        at(f, comment), null);
  }
}
