package dev.setwise.service.exchange;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Unit;
import java.util.List;

/**
 * What reading another app's CSV had to decide or could not keep, besides the rows left out
 * ({@link ImportSummary#skippedRows()}). Empty ({@link #NONE}) for a Setwise export.
 *
 * @param assumedWeightUnit the unit weights were read in because the file names none (the
 *     profile's), or null when the file says or has no weights
 * @param assumedDistanceUnit likewise for distances ({@code km} or {@code mi}), or null
 * @param restTimerRows Strong's rest-timer rows: they are not sets and are not imported
 * @param changedRows rows read with a change, each with its line and what was done: a row with
 *     more fields than the header, repaired (an unquoted delimiter in a name); a name or note too
 *     long, shortened (at most 100 listed; {@code changedRowCount} has them all)
 * @param changedRowCount how many rows were read with a change
 * @param unreadColumns columns of the file with values that Setwise does not read
 */
public record CsvReport(
    Unit assumedWeightUnit,
    String assumedDistanceUnit,
    long restTimerRows,
    List<Problem> changedRows,
    long changedRowCount,
    List<String> unreadColumns) {

  public static final CsvReport NONE = new CsvReport(null, null, 0, List.of(), 0, List.of());

  public CsvReport {
    changedRows = List.copyOf(changedRows);
    unreadColumns = List.copyOf(unreadColumns);
  }
}
