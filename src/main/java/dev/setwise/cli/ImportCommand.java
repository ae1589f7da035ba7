package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.service.exchange.ImportService;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.service.exchange.ImportSummary;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "The profile to import into. Default: for a Setwise export, the file's own profile (created when missing);",
      "for a CSV, the only profile."})
  String profile;

  @Option(names = "--dry-run", description = "Check the file and show what would be imported; change nothing.")
  boolean dryRun;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw new ValidationException("Cannot read " + file + ": " + (Files.isDirectory(file)
          ? "it is a folder" : "the file does not exist"));
    }
    PrintWriter out = spec.commandLine().getOut();
    ImportSource source = ImportSource.of(file);
    ImportOptions options = new ImportOptions(profile);
    try (AppContext context = root.openContext()) {
      if (dryRun) {
        ImportSummary summary = context.imports().analyze(source, options, Progress.NONE, Cancellation.none());
        print(out, summary, false);
        out.println("Dry run: nothing was changed.");
        out.flush();
        refuseUnlessImportable(summary);
        return 0;
      }
      ImportResult result = context.imports().importData(source, options, Progress.NONE, Cancellation.none());
      print(out, result.summary(), result.applied());
      if (result.applied()) {
        out.println("Imported " + result.summary().plansNew() + " plans and " + result.summary().sessionsNew()
            + " sessions into " + result.summary().profileName() + " (backup made first: "
            + result.backup().getFileName() + ").");
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
    if (s.idsRemapped() > 0) {
      out.println("Given new ids (their ids belong to another profile here): " + s.idsRemapped());
    }
    list(out, "Rows left out", s.skippedRowCount(), s.skippedRows());
    list(out, "Problems", s.problems().size(), s.problems());
    list(out, "Conflicts", s.conflicts().size(), s.conflicts());
    if (s.previousImport() != null) {
      out.println("This file was imported into " + s.profileName() + " before, on "
          + Timestamps.format(s.previousImport()) + ".");
    }
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
