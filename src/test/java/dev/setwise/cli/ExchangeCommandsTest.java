package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.ReadableFormats;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.support.ExportDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setwise export|import|backup|restore} as a user runs them: output, one-line errors, exit codes. */
class ExchangeCommandsTest {

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  @Test
  void exportNeedsAProfileAndAskWhichWhenThereAreSeveral() {
    Path data = dir.resolve("data");
    assertThat(run(data, "export")).isEqualTo(new Run(1, "",
        "setwise: There is no profile yet: create one with 'setwise profile add NAME'\n"));
    run(data, "profile", "add", "Alex");
    run(data, "profile", "add", "Sam");

    assertThat(run(data, "export")).isEqualTo(new Run(1, "",
        "setwise: There are several profiles (Alex, Sam): choose one with --profile NAME\n"));
    Run exported = run(data, "export", "--profile", "sam");
    assertThat(exported.code()).isZero();
    Map<?, ?> document = (Map<?, ?>) new JsonCodec(JsonLimits.STORED)
        .read(exported.out().getBytes(StandardCharsets.UTF_8), "bad");
    assertThat(((Map<?, ?>) document.get("profile")).get("name")).isEqualTo("Sam");
  }

  @Test
  void anImportCountsItsAmendmentsInPlainWords() throws IOException {
    Path data = Files.createDirectories(dir.resolve("data"));
    try (dev.setwise.AppContext app = dev.setwise.AppContext.open(data,
        new dev.setwise.support.MutableClock(dev.setwise.support.TestContext.START))) {
      var alex = app.profiles().create("Alex", dev.setwise.domain.Unit.KG);
      var plan = app.plans().create(alex.id(), "Legs", dev.setwise.support.Structures.plan());
      var session = app.sessions().start(alex.id(), plan.id(), java.time.LocalDate.parse("2026-11-24"));
      var done = dev.setwise.support.Structures.done(session.structure(), 0, 1, 5, 100,
          dev.setwise.support.TestContext.START);
      app.sessions().complete(alex.id(), session.id(), done);
      app.sessions().amend(alex.id(), session.id(), dev.setwise.support.Structures.done(done, 0, 1, 5, 105,
          dev.setwise.support.TestContext.START), "It was 105");
    }
    Path out = dir.resolve("alex.json");
    assertThat(run(data, "export", "--out", out.toString()).code()).isZero();

    Run imported = run(dir.resolve("second"), "import", out.toString());

    assertThat(imported.code()).isZero();
    assertThat(imported.out()).contains("Amendments: 1 new, 0 already there (skipped)",
        "Imported 1 plans and 1 sessions (and 1 amendment) into Alex");
  }

  @Test
  void exportToAFileThenImportElsewhereThenAgainChangesNothing() throws IOException {
    Path history = ExportDocuments.history(dir.resolve("history.json"), "Alex", 2, 5, true);
    Path first = dir.resolve("first");
    assertThat(run(first, "import", history.toString()).code()).isZero();
    Path out = dir.resolve("alex.json");

    Run export = run(first, "export", "--out", out.toString());
    assertThat(export).isEqualTo(new Run(0, "Exported 2 plans and 5 sessions of Alex to " + out + "\n", ""));

    Path second = dir.resolve("second");
    Run dryRun = run(second, "import", out.toString(), "--dry-run");
    assertThat(dryRun).isEqualTo(new Run(0, """
        File: alex.json (Setwise export)
        Profile: Alex (will be created)
        Plans: 2 new, 0 already there (skipped)
        Sessions: 5 new, 0 already there (skipped)
        Dates: %s
        Dry run: nothing was changed.
        """.formatted(dates("2024-02-01", "2024-02-04")), ""));
    assertThat(run(second, "profile", "list").out()).isEmpty();

    Run imported = run(second, "import", out.toString());
    assertThat(imported.code()).isZero();
    assertThat(imported.out()).startsWith("""
        File: alex.json (Setwise export)
        Profile: Alex (created)
        Plans: 2 new, 0 already there (skipped)
        Sessions: 5 new, 0 already there (skipped)
        Dates: %s
        Imported 2 plans and 5 sessions into Alex (backup made first: setwise-""".formatted(
        dates("2024-02-01", "2024-02-04")));

    Run again = run(second, "import", out.toString());
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("Sessions: 0 new, 5 already there (skipped)",
        "This file was imported into Alex before, on ", "Nothing to import: everything in alex.json is already in Alex.");
  }

  @Test
  void aBadFileIsOneLineOnStderrAndTheDryRunListsItsProblems() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\":\"setwise-export\",\"version\":1,\"profile\":{\"name\":\"\"},\"plans\":[],"
        + "\"sessions\":[]}");
    Path data = dir.resolve("data");

    Run imported = run(data, "import", bad.toString());
    assertThat(imported.code()).isEqualTo(1);
    assertThat(imported.out()).isEmpty();
    assertThat(imported.err()).isEqualTo("setwise: Invalid import file: profile.id: is required; profile.name: must "
        + "be 1 to 60 characters; profile.unit: is required; profile.created_at: is required\n");

    Run dryRun = run(data, "import", "--dry-run", bad.toString());
    assertThat(dryRun.code()).isEqualTo(1);
    assertThat(dryRun.out()).contains("Problems: 4\n  profile.id: is required\n", "Dry run: nothing was changed.");
    assertThat(dryRun.err()).startsWith("setwise: Invalid import file: profile.id: is required;").endsWith("\n")
        .hasLineCount(1);

    assertThat(run(data, "import", dir.resolve("missing.json").toString())).isEqualTo(new Run(1, "",
        "setwise: Cannot read " + dir.resolve("missing.json") + ": the file does not exist\n"));
    assertThat(run(data, "import").code()).isEqualTo(2);
  }

  @Test
  void backupCreateListAndRestoreByName() throws IOException {
    Path data = dir.resolve("data");
    run(data, "profile", "add", "Alex");

    Run created = run(data, "backup", "create");
    assertThat(created.code()).isZero();
    assertThat(created.out()).startsWith("Backup created: " + data.toAbsolutePath().resolve("backups") + "/setwise-")
        .contains("-manual.db (");
    Run list = run(data, "backup", "list");
    assertThat(list.out()).matches("setwise-\\d{4}-\\d{2}-\\d{2}-\\d{6}-manual\\.db\\t\\S+Z\\tmanual\\t\\d+\\n");
    String name = list.out().substring(0, list.out().indexOf('\t'));
    run(data, "profile", "add", "Sam");

    Run restored = run(data, "restore", name);
    assertThat(restored.code()).isZero();
    assertThat(restored.out()).startsWith("Restored " + name + " (1 profile, 0 sessions).\n"
        + "The previous database was set aside as ");
    assertThat(run(data, "profile", "list").out()).isEqualTo("Alex\tkg\n");

    Files.writeString(dir.resolve("junk.db"), "not a database");
    assertThat(run(data, "restore", dir.resolve("junk.db").toString())).isEqualTo(new Run(1, "",
        "setwise: Cannot restore junk.db: it is not a readable SQLite database\n"));
  }

  @Test
  void aCsvImportIntoAProfileThatDoesNotExistCreatesIt() throws Exception {
    Path data = dir.resolve("data");
    run(data, "profile", "add", "Alex");
    Path csv = Path.of(ExchangeCommandsTest.class.getResource("/csv/real/hevy-lbs.csv").toURI());

    Run dryRun = run(data, "import", csv.toString(), "--profile", "Kim", "--dry-run");
    assertThat(dryRun.code()).isZero();
    assertThat(dryRun.out()).contains("Profile: Kim (will be created)", "Sessions: 2 new, 0 already there (skipped)");
    Run imported = run(data, "import", csv.toString(), "--profile", "Kim");

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Profile: Kim (created)", "Imported 0 plans and 2 sessions into Kim");
    assertThat(run(data, "profile", "list").out()).contains("Kim").contains("lb");
  }

  @Test
  void aCsvWithRowsLeftOutEndsWithAWarningAndSaysWhatItAssumed() throws Exception {
    Path data = dir.resolve("data");
    run(data, "profile", "add", "Alex");
    Path csv = Path.of(ExchangeCommandsTest.class.getResource("/csv/strong.csv").toURI());

    Run imported = run(data, "import", csv.toString());

    assertThat(imported.code()).isZero();
    assertThat(imported.out()).contains("Dates: " + dates("2026-10-05", "2026-10-07"),
        "Unit: the file names none, so weights are read as kg (the unit of Alex)",
        "Rest timer rows (not sets, not imported): 1",
        "Rows left out: 2\n  line 12: has a weight that is not a number (\"abc\")",
        "Warning: 2 rows of the file were left out (listed above); weights are read as kg because the file names no "
            + "unit; distances are read as km because the file names no unit.");
  }

  @Test
  void whatIsNotARegularFileIsRefusedAtOnceWithWhatItIs() throws Exception {
    Path data = dir.resolve("data");
    run(data, "profile", "add", "Alex");
    assertThat(run(data, "import", dir.toString())).isEqualTo(new Run(1, "",
        "setwise: Cannot read " + dir + ": it is a folder\n"));
    if (Files.exists(Path.of("/dev/zero"))) {
      assertThat(run(data, "import", "/dev/zero")).isEqualTo(new Run(1, "", "setwise: Cannot read /dev/zero: it is "
          + "not a regular file (a device, a pipe or a socket); save the export to a file and import that\n"));
    }
    Path fifo = dir.resolve("pipe.csv");
    boolean made;
    try {
      made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
    } catch (IOException noMkfifo) {
      made = false;
    }
    if (made) {
      // Opening a pipe with no writer would wait forever; it is refused before it is opened.
      assertThat(run(data, "import", fifo.toString())).isEqualTo(new Run(1, "", "setwise: Cannot read " + fifo
          + ": it is not a regular file (a device, a pipe or a socket); save the export to a file and import that\n"));
    }
    assertThat(run(data, "import", dir.resolve("missing.csv").toString())).isEqualTo(new Run(1, "",
        "setwise: Cannot read " + dir.resolve("missing.csv") + ": the file does not exist\n"));
  }

  private static Run run(Path data, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Cli.run(all, Map.of(), new PrintWriter(out), new PrintWriter(err), (folder, console) -> 0);
    return new Run(code, out.toString().replace(System.lineSeparator(), "\n"),
        err.toString().replace(System.lineSeparator(), "\n"));
  }

  /** "Feb 1, 2024 to Feb 4, 2024": two days as the summary writes them (the system locale's dates). */
  private static String dates(String first, String last) {
    return ReadableFormats.date(LocalDate.parse(first)) + " to " + ReadableFormats.date(LocalDate.parse(last));
  }
}
