package dev.setwise.service.exchange;

import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import java.util.List;
import java.util.Set;

/**
 * How one app's CSV layout is read: which columns it has, which of them hold free text (where an
 * unquoted delimiter may hide), and what a row means. Made from a file's header by the app's
 * reader ({@link StrongCsv}, {@link HevyCsv}, {@link FitNotesCsv}).
 */
interface AppCsv {

  ImportFormat format();

  /** Columns of free text (names, notes), in header order: an unquoted delimiter can only hide there. */
  List<Integer> textColumns();

  /** Every column this layout knows, read or knowingly passed over; the others are reported as not read. */
  Set<Integer> knownColumns();

  /**
   * Reads a row that has as many fields as the header.
   *
   * @throws RowProblem when the row cannot be mapped (the reason is shown with its line)
   */
  AppRow read(List<String> fields) throws RowProblem;
}
