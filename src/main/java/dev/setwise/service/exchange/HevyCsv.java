package dev.setwise.service.exchange;

import static dev.setwise.service.exchange.CsvValues.at;
import static dev.setwise.service.exchange.CsvValues.decimal;
import static dev.setwise.service.exchange.CsvValues.integer;
import static dev.setwise.service.exchange.CsvValues.positive;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.service.exchange.AppRow.Kind;
import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Hevy's {@code workout_data.csv}: {@code title, start_time, end_time, description, exercise_title,
 * superset_id, exercise_notes, set_index, set_type, weight_kg | weight_lbs, reps, distance_km |
 * distance_miles, duration_seconds, rpe}. Times are local, with the month name in the phone's
 * language ({@code 15 Jan 2026, 07:15}, {@code 18 sept. 2026, 17:31}); notes carry line breaks as
 * the two characters {@code \n}.
 */
final class HevyCsv implements AppCsv {

  private final char delimiter;
  private final ZoneId zone;
  private final int title;
  private final int start;
  private final int end;
  private final int description;
  private final int exercise;
  private final int superset;
  private final int exerciseNotes;
  private final int setIndex;
  private final int setType;
  private final int weight;
  private final Unit unit;
  private final int reps;
  private final int distance;
  private final String distanceUnit;
  private final int duration;
  private final int rpe;

  private HevyCsv(CsvTable t, ZoneId zone) {
    this.delimiter = t.delimiter();
    this.zone = zone;
    title = t.index("title");
    start = t.index("start_time");
    end = t.index("end_time");
    description = t.index("description");
    exercise = t.index("exercise_title");
    superset = t.index("superset_id");
    exerciseNotes = t.index("exercise_notes");
    setIndex = t.index("set_index");
    setType = t.index("set_type");
    boolean pounds = t.has("weight_lbs") && !t.has("weight_kg");
    weight = t.index(pounds ? "weight_lbs" : "weight_kg");
    unit = pounds ? Unit.LB : Unit.KG;
    reps = t.index("reps");
    if (t.has("distance_km")) {
      distance = t.index("distance_km");
      distanceUnit = "km";
    } else if (t.has("distance_miles")) {
      distance = t.index("distance_miles");
      distanceUnit = "mi";
    } else {
      distance = t.index("distance_meters");
      distanceUnit = "m";
    }
    duration = t.index("duration_seconds");
    rpe = t.index("rpe");
  }

  static boolean recognises(CsvTable t) {
    return t.has("exercise_title") && t.has("start_time") && t.has("set_index");
  }

  static HevyCsv of(CsvTable t, ZoneId zone) {
    return new HevyCsv(t, zone);
  }

  /** The unit of the file's weights, from the header. */
  Unit unit() {
    return unit;
  }

  @Override
  public ImportFormat format() {
    return ImportFormat.HEVY;
  }

  @Override
  public List<Integer> textColumns() {
    List<Integer> text = new ArrayList<>();
    for (int column : new int[] {title, description, exercise, exerciseNotes}) {
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
    for (int column : new int[] {title, start, end, description, exercise, superset, exerciseNotes, setIndex, setType,
        weight, reps, distance, duration, rpe}) {
      known.add(column);
    }
    return known;
  }

  @Override
  public AppRow read(List<String> f) throws RowProblem {
    SetType type = switch (at(f, setType).toLowerCase(Locale.ROOT)) {
      case "", "normal" -> SetType.NORMAL;
      case "warmup", "warm_up", "warm-up" -> SetType.WARMUP;
      case "dropset", "drop_set", "drop" -> SetType.DROP;
      case "failure" -> SetType.FAILURE;
      default -> throw new RowProblem("has a set type Hevy does not write (\""
          + CsvValues.shorten(at(f, setType)) + "\")");
    };
    String startText = at(f, start);
    Instant startedAt = instant(startText);
    String endText = at(f, end);
    Instant endedAt = endText.isEmpty() ? startedAt : instant(endText);
    String name = at(f, title);
    BigDecimal kept = positive(decimal(at(f, weight), delimiter, "weight"));
    Integer repCount = integer(at(f, reps), delimiter, "rep count");
    BigDecimal metres = CsvValues.metres(positive(decimal(at(f, distance), delimiter, "distance")), distanceUnit);
    String group = at(f, superset);
    return new AppRow(Kind.SET, startText + "|" + name, name, LocalDate.ofInstant(startedAt, zone), startedAt,
        endedAt, unit, lineBreaks(at(f, description)), at(f, exercise), type, OtherAppCsv.reps(repCount, kept), kept,
        unit, false, positive(decimal(at(f, rpe), delimiter, "RPE")),
        positive(integer(at(f, duration), delimiter, "duration")), metres, null, lineBreaks(at(f, exerciseNotes)),
        group.isEmpty() ? null : "S" + group);
  }

  private Instant instant(String text) throws RowProblem {
    OffsetDateTime withOffset = CsvDates.isoOffset(text);
    return withOffset != null ? withOffset.toInstant() : CsvDates.hevy(text).atZone(zone).toInstant();
  }

  /** Hevy writes a line break in a note as the two characters {@code \n}. */
  static String lineBreaks(String text) {
    return text.replace("\\r\\n", "\n").replace("\\n", "\n");
  }
}
