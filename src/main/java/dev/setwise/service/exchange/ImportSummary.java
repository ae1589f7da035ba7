package dev.setwise.service.exchange;

import dev.setwise.domain.Problem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an import would do (a dry run) or did. Immutable; safe to hand to the UI thread.
 *
 * @param format what the file was read as
 * @param fileName the file's name
 * @param sha256 the digest of the file's bytes (hex)
 * @param profileName the profile the data goes to
 * @param createsProfile true when that profile does not exist yet and the import creates it
 * @param plansNew plans that would be (or were) added
 * @param plansDuplicate plans already in the profile, skipped
 * @param sessionsNew sessions that would be (or were) added
 * @param sessionsDuplicate sessions already in the profile, skipped
 * @param idsRemapped items whose id another profile in this data folder already uses; they get
 *     an id derived from the profile and the original, the same on every import
 * @param problems what is wrong with the file (every problem with its JSON path, or
 *     {@code line N} for CSV); when any, nothing can be imported
 * @param conflicts what clashes with the data already there (an in-progress session while the
 *     profile has one); when any, nothing can be imported
 * @param skippedRows CSV rows that cannot be mapped, each with its line number (at most 100 listed;
 *     {@code skippedRowCount} has them all); they are left out and the rest is imported
 * @param skippedRowCount how many rows were left out
 * @param previousImport when this very file was last imported into the profile, or null
 * @param firstDate the date of the file's earliest session (new or already there), or null when it has none
 * @param lastDate the date of its latest session, or null
 * @param csv what reading a CSV had to assume, repair or pass over ({@link CsvReport#NONE} for an export)
 * @param amendmentsNew amendments of sessions (version 2 of the export format) that would be (or were) added
 * @param amendmentsDuplicate amendments already in the profile, skipped
 */
public record ImportSummary(
    ImportFormat format,
    String fileName,
    String sha256,
    String profileName,
    boolean createsProfile,
    long plansNew,
    long plansDuplicate,
    long sessionsNew,
    long sessionsDuplicate,
    long idsRemapped,
    List<Problem> problems,
    List<Problem> conflicts,
    List<Problem> skippedRows,
    long skippedRowCount,
    Instant previousImport,
    LocalDate firstDate,
    LocalDate lastDate,
    CsvReport csv,
    long amendmentsNew,
    long amendmentsDuplicate) {

  /** A summary of a file without amendments (a CSV, a version 1 export). */
  public ImportSummary(ImportFormat format, String fileName, String sha256, String profileName, boolean createsProfile,
      long plansNew, long plansDuplicate, long sessionsNew, long sessionsDuplicate, long idsRemapped,
      List<Problem> problems, List<Problem> conflicts, List<Problem> skippedRows, long skippedRowCount,
      Instant previousImport, LocalDate firstDate, LocalDate lastDate, CsvReport csv) {
    this(format, fileName, sha256, profileName, createsProfile, plansNew, plansDuplicate, sessionsNew,
        sessionsDuplicate, idsRemapped, problems, conflicts, skippedRows, skippedRowCount, previousImport, firstDate,
        lastDate, csv, 0, 0);
  }

  public ImportSummary {
    problems = List.copyOf(problems);
    conflicts = List.copyOf(conflicts);
    skippedRows = List.copyOf(skippedRows);
    csv = csv == null ? CsvReport.NONE : csv;
  }

  /**
   * True when the file can be imported but not as it stands: rows are left out, a unit had to be
   * assumed, or columns with values are not read. Such a summary is a warning, never a plain success.
   */
  public boolean hasWarnings() {
    return skippedRowCount > 0 || csv.assumedWeightUnit() != null || csv.assumedDistanceUnit() != null
        || !csv.unreadColumns().isEmpty();
  }

  /** True when the file can be imported (no problems, no conflicts). */
  public boolean importable() {
    return problems.isEmpty() && conflicts.isEmpty();
  }

  /** True when importing would change nothing: everything is already there. */
  public boolean changesNothing() {
    return plansNew == 0 && sessionsNew == 0 && amendmentsNew == 0 && !createsProfile;
  }
}
