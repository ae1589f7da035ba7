package dev.setwise.service.exchange;

import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.exchange.CsvTable.Row;
import dev.setwise.service.exchange.CsvTable.UnitColumn;
import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The CSV exports of Strong, Hevy and FitNotes ({@code docs/csv-imports.md} lists the columns,
 * spellings and how each maps). Every workout becomes one completed session without a plan; local
 * times are read in the zone of the service's clock.
 *
 * <p>A row must have as many fields as the header. One with more is repaired when only one reading
 * makes sense: the extra fields are an unquoted delimiter inside one free-text column (an exercise
 * named {@code Overhead Press (Each Side, Dumbbells)}); the reading must map, keep brackets
 * balanced, and each piece it joins must start with a space (or be the last column, a comment).
 * Any other row with the wrong number of fields is left out with the counts as its reason.
 */
final class OtherAppCsv {

  private OtherAppCsv() {}

  /** Which app wrote the table, by its header; null when none of them. */
  static ImportFormat detect(CsvTable table) {
    if (StrongCsv.recognises(table)) {
      return ImportFormat.STRONG;
    }
    if (HevyCsv.recognises(table)) {
      return ImportFormat.HEVY;
    }
    if (FitNotesCsv.recognises(table)) {
      return ImportFormat.FITNOTES;
    }
    return null;
  }

  /**
   * How the table of {@code format} is read.
   *
   * @throws ValidationException when its header names a unit Setwise does not know
   */
  static AppCsv layout(ImportFormat format, CsvTable table, Unit profileUnit, ZoneId zone) {
    return switch (format) {
      case STRONG -> StrongCsv.of(table, profileUnit, zone);
      case HEVY -> HevyCsv.of(table, zone);
      case FITNOTES -> FitNotesCsv.of(table, profileUnit, zone);
      default -> throw new IllegalArgumentException("not a CSV format: " + format);
    };
  }

  /** The unit a file's header gives its weights, or null when it gives none (the profile's is then used). */
  static Unit fileUnit(ImportFormat format, CsvTable table) {
    if (format == ImportFormat.HEVY) {
      return HevyCsv.of(table, ZoneId.systemDefault()).unit();
    }
    UnitColumn weight = table.unitColumn("Weight");
    return weight == null ? null : headerWeightUnit(weight);
  }

  /** Reads every row of the table into completed sessions, listing each row it leaves out. */
  static CsvWorkouts.Result read(CsvTable table, AppCsv layout, UUID profileId, Instant now,
      Cancellation cancellation) {
    CsvWorkouts workouts = new CsvWorkouts(layout.format(), profileId, now);
    int width = table.header().size();
    Set<Integer> known = layout.knownColumns();
    Set<Integer> unread = new LinkedHashSet<>();
    long count = 0;
    for (Row row : table.rows()) {
      if (++count % 1000 == 0) {
        cancellation.check();
      }
      List<String> fields = row.fields();
      try {
        AppRow read;
        if (fields.size() == width) {
          read = layout.read(fields);
          for (int i = 0; i < width; i++) {
            if (!known.contains(i) && !fields.get(i).isBlank()) {
              unread.add(i);
            }
          }
        } else if (fields.size() > width) {
          read = repaired(table, layout, row, workouts);
        } else {
          throw new RowProblem("has " + fields.size() + " fields; the header has " + width);
        }
        workouts.add(row.line(), read);
      } catch (RowProblem problem) {
        workouts.skip(row.line(), problem.getMessage());
      }
    }
    List<String> names = new ArrayList<>();
    for (int i : unread) {
      names.add(table.header().get(i).strip());
    }
    workouts.unreadColumns(names);
    return workouts.result();
  }

  /** The one sensible reading of a row with more fields than the header, or the counts as a problem. */
  private static AppRow repaired(CsvTable table, AppCsv layout, Row row, CsvWorkouts workouts) throws RowProblem {
    List<String> fields = row.fields();
    int width = table.header().size();
    int extra = fields.size() - width;
    String delimiter = String.valueOf(table.delimiter());
    AppRow found = null;
    int foundColumn = -1;
    List<String> foundFields = null;
    for (int column : layout.textColumns()) {
      List<String> merged = new ArrayList<>(fields.subList(0, column));
      merged.add(String.join(delimiter, fields.subList(column, column + extra + 1)));
      merged.addAll(fields.subList(column + extra + 1, fields.size()));
      if (!natural(fields, column, extra, width) || !balanced(merged, layout.textColumns())) {
        continue;
      }
      AppRow read;
      try {
        read = layout.read(merged);
      } catch (RowProblem notThisOne) {
        continue;
      }
      if (found != null) {
        found = null;
        break;
      }
      found = read;
      foundColumn = column;
      foundFields = merged;
    }
    if (found == null || foundFields == null) {
      throw new RowProblem("has " + fields.size() + " fields; the header has " + width);
    }
    workouts.changed(row.line(), "has " + fields.size() + " fields for the header's " + width + ": a \""
        + delimiter + "\" without quotes in " + table.header().get(foundColumn).strip() + " (read as \""
        + CsvValues.shorten(foundFields.get(foundColumn)) + "\")");
    return found;
  }

  /**
   * Each piece joined onto a column is text that starts with a space, as a delimiter typed in a
   * name does ({@code Each Side, Dumbbells}); in the last column (a comment) any text will do.
   */
  private static boolean natural(List<String> fields, int column, int extra, int width) {
    for (int i = column + 1; i <= column + extra; i++) {
      String piece = fields.get(i);
      if (piece.isBlank() || (column != width - 1 && !Character.isWhitespace(piece.charAt(0)))) {
        return false;
      }
    }
    return true;
  }

  private static boolean balanced(List<String> fields, List<Integer> textColumns) {
    for (int column : textColumns) {
      String text = CsvValues.at(fields, column);
      int round = 0;
      int square = 0;
      for (int i = 0; i < text.length(); i++) {
        switch (text.charAt(i)) {
          case '(' -> round++;
          case ')' -> round--;
          case '[' -> square++;
          case ']' -> square--;
          default -> { }
        }
        if (round < 0 || square < 0) {
          return false;
        }
      }
      if (round != 0 || square != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The unit in a weight header ({@code Weight (kg)}, {@code (kgs)}, {@code (lbs)}), null for a plain {@code Weight}.
   *
   * @throws ValidationException when it names a unit Setwise does not know
   */
  static Unit headerWeightUnit(UnitColumn column) {
    if (column.unit().isEmpty()) {
      return null;
    }
    Unit unit = CsvValues.weightUnitOrNull(column.unit());
    if (unit == null) {
      throw CsvTable.fail(ImportService.INVALID_FILE, "line 1", "has a weight column in a unit Setwise does not "
          + "know (\"" + CsvValues.shorten(column.header()) + "\")");
    }
    return unit;
  }

  /**
   * Metres per unit of a distance header ({@code Distance (meters)}), null for a plain {@code Distance}.
   *
   * @throws ValidationException when it names a unit Setwise does not know
   */
  static BigDecimal headerDistanceUnit(UnitColumn column) {
    if (column.unit().isEmpty()) {
      return null;
    }
    BigDecimal factor = CsvValues.metresPer(column.unit());
    if (factor == null) {
      throw CsvTable.fail(ImportService.INVALID_FILE, "line 1", "has a distance column in a unit Setwise does "
          + "not know (\"" + CsvValues.shorten(column.header()) + "\")");
    }
    return factor;
  }

  /** The apps write 0 reps for a timed or distance set; keep 0 only beside a weight (a missed lift). */
  static Integer reps(Integer reps, BigDecimal weight) {
    return reps != null && reps == 0 && weight == null ? null : reps;
  }
}
