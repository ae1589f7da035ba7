package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.ReadableFormats;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.CsvReport;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.service.exchange.ImportService;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.service.exchange.ImportSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise import FILE [--profile NAME] [--dry-run]}: the summary on stdout, a refusal on stderr. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Import a Setwise export, or a CSV export of Strong, Hevy or FitNotes, all or nothing.",
        "Items already there are skipped, so importing a file twice changes nothing."})
final class ImportCommand implements Callable<Integer> {

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The file to import.")
  Path file;

  @Option(names = "--profile", paramLabel = "NAME", description = {
      "The profile to import into, created when it does not exist yet (for a CSV with the file's unit, else kg).",
      "Default: for a Setwise export, the file's own profile (created when missing); for a CSV, the only profile."})
  String profile;

  @Option(names = "--dry-run", description = "Check the file and show what would be imported; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    try {
      ImportSource.checkRegular(file);
    } catch (NoSuchFileException e) {
      throw new ValidationException("Cannot read " + file + ": the file does not exist");
    } catch (ImportSource.NotAFileException e) {
      throw new ValidationException("Cannot read " + file + ": " + e.getReason());
    } catch (IOException e) {
      throw new ValidationException("Cannot read " + file + ": " + (e.getMessage() == null ? "it cannot be read"
          : e.getMessage()));
    }
    PrintWriter out = spec.commandLine().getOut();
    ImportSource source = ImportSource.of(file);
    ImportOptions options = new ImportOptions(profile);
    try (AppContext context = root.openContext()) {
      if (dryRun) {
        ImportSummary summary = context.imports().analyze(source, options, Progress.NONE, Cancellation.none());
        print(out, summary, false);
        warnings(out, summary, false);
        out.println("Dry run: nothing was changed.");
        out.flush();
        refuseUnlessImportable(summary);
        return 0;
      }
      ImportResult result = context.imports().importData(source, options, Progress.NONE, Cancellation.none());
      print(out, result.summary(), result.applied());
      if (result.applied()) {
        out.println("Imported " + result.summary().plansNew() + " plans and " + result.summary().sessionsNew()
            + " sessions" + (result.summary().amendmentsNew() > 0 ? " (and " + result.summary().amendmentsNew()
            + (result.summary().amendmentsNew() == 1 ? " amendment)" : " amendments)") : "") + " into " + result.summary().profileName() + " (backup made first: "
            + result.backup().getFileName() + ").");
        warnings(out, result.summary(), true);
      } else {
        out.println("Nothing to import: everything in " + source.name() + " is already in "
            + result.summary().profileName() + ".");
      }
      out.flush();
    }
    return 0;
  }

  /** The same refusal the import itself would give, as one line on stderr. */
  private static void refuseUnlessImportable(ImportSummary summary) {
    if (!summary.problems().isEmpty()) {
      throw new ValidationException(ImportService.INVALID_FILE, summary.problems());
    }
    if (!summary.conflicts().isEmpty()) {
      throw new ConflictException("Nothing can be imported: " + summary.conflicts().get(0)
          + (summary.conflicts().size() > 1 ? " (and " + (summary.conflicts().size() - 1) + " more conflicts)" : ""));
    }
  }

  static void print(PrintWriter out, ImportSummary s, boolean applied) {
    out.println("File: " + s.fileName() + " (" + s.format().label() + ")");
    if (s.profileName() != null) {
      out.println("Profile: " + s.profileName() + (s.createsProfile() ? applied ? " (created)" : " (will be created)" : ""));
    }
    out.println("Plans: " + s.plansNew() + " new, " + s.plansDuplicate() + " already there (skipped)");
    out.println("Sessions: " + s.sessionsNew() + " new, " + s.sessionsDuplicate() + " already there (skipped)");
    if (s.amendmentsNew() > 0 || s.amendmentsDuplicate() > 0) {
      out.println("Amendments: " + s.amendmentsNew() + " new, " + s.amendmentsDuplicate() + " already there (skipped)");
    }
    if (s.firstDate() != null) {
      out.println("Dates: " + (s.firstDate().equals(s.lastDate()) ? ReadableFormats.date(s.firstDate())
          : ReadableFormats.date(s.firstDate()) + " to " + ReadableFormats.date(s.lastDate())));
    }
    CsvReport csv = s.csv();
    if (csv.assumedWeightUnit() != null) {
      out.println("Unit: the file names none, so weights are read as " + csv.assumedWeightUnit().code()
          + " (the unit of " + s.profileName() + ")");
    }
    if (csv.assumedDistanceUnit() != null) {
      out.println("Distances: the file names no unit, so they are read as " + csv.assumedDistanceUnit());
    }
    if (s.idsRemapped() > 0) {
      out.println("Given new ids (their ids belong to another profile here): " + s.idsRemapped());
    }
    if (csv.restTimerRows() > 0) {
      out.println("Rest timer rows (not sets, not imported): " + csv.restTimerRows());
    }
    if (!csv.unreadColumns().isEmpty()) {
      out.println("Columns not read (their values are not imported): " + String.join(", ", csv.unreadColumns()));
    }
    list(out, "Rows read with a change", csv.changedRowCount(), csv.changedRows());
    list(out, "Rows left out", s.skippedRowCount(), s.skippedRows());
    list(out, "Problems", s.problems().size(), s.problems());
    list(out, "Conflicts", s.conflicts().size(), s.conflicts());
    if (s.previousImport() != null) {
      out.println("This file was imported into " + s.profileName() + " before, on "
          + ReadableFormats.dateTime(s.previousImport(), ZoneId.systemDefault()) + ".");
    }
  }

  /** The line that makes a summary with rows left out (or a unit assumed) a warning, not a plain success. */
  private static void warnings(PrintWriter out, ImportSummary s, boolean applied) {
    if (!s.importable() || !s.hasWarnings()) {
      return;
    }
    List<String> parts = new java.util.ArrayList<>();
    if (s.skippedRowCount() > 0) {
      parts.add(s.skippedRowCount() + (s.skippedRowCount() == 1 ? " row of the file " : " rows of the file ")
          + (applied ? (s.skippedRowCount() == 1 ? "was" : "were") : (s.skippedRowCount() == 1 ? "is" : "are"))
          + " left out (listed above)");
    }
    if (s.csv().assumedWeightUnit() != null) {
      parts.add("weights are read as " + s.csv().assumedWeightUnit().code() + " because the file names no unit");
    }
    if (s.csv().assumedDistanceUnit() != null) {
      parts.add("distances are read as " + s.csv().assumedDistanceUnit() + " because the file names no unit");
    }
    if (!s.csv().unreadColumns().isEmpty()) {
      parts.add("the columns " + String.join(", ", s.csv().unreadColumns()) + " are not read");
    }
    out.println("Warning: " + String.join("; ", parts) + ".");
  }

  private static void list(PrintWriter out, String title, long count, List<Problem> items) {
    if (count == 0) {
      return;
    }
    out.println(title + ": " + count);
    for (Problem item : items) {
      out.println("  " + item);
    }
    if (count > items.size()) {
      out.println("  … and " + (count - items.size()) + " more");
    }
  }
}
