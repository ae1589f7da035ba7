package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setwise.AppContext;
import dev.setwise.domain.ApiToken;
import dev.setwise.support.DamagedRows;
import dev.setwise.support.ExportDocuments;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose output cannot be written (a full disk, a closed pipe) fails with one line and
 * exit 1, whatever it did; a token nobody could see is revoked; an export of a damaged database
 * writes nothing and names the damaged session.
 */
class OutputFailureCommandsTest {

  @TempDir
  Path dir;

  record Run(int code, String out, String err) {}

  /** A stdout that refuses every byte, as {@code /dev/full} does, and counts the attempts. */
  static final class FullDisk extends OutputStream {

    int attempts;

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      attempts++;
      throw new IOException("No space left on device");
    }
  }

  private Path data() {
    return dir.resolve("data");
  }

  private Run run(String... arguments) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(withDataDir(arguments), Map.of(), new PrintWriter(out), new PrintWriter(err), (d, console) -> {
      throw new AssertionError("the desktop app must not open");
    });
    return new Run(code, out.toString(), err.toString());
  }

  private Run runIntoFullDisk(FullDisk disk, String... arguments) {
    StringWriter err = new StringWriter();
    int code = Cli.run(withDataDir(arguments), Map.of(), ConsoleStreams.over(disk, StandardCharsets.UTF_8),
        new PrintWriter(err), (d, console) -> {
          throw new AssertionError("the desktop app must not open");
        });
    return new Run(code, "", err.toString());
  }

  private String[] withDataDir(String... arguments) {
    String[] args = new String[arguments.length + 2];
    args[0] = "--data-dir";
    args[1] = data().toString();
    System.arraycopy(arguments, 0, args, 2, arguments.length);
    return args;
  }

  private static final String FULL = "setwise: could not write to standard output (No space left on device)\n";

  @Test
  void everyCommandThatPrintsFailsWhenItsOutputCannotBeWritten() {
    assertThat(run("profile", "add", "Alex").code()).isZero();
    assertThat(run("token", "create", "--profile", "Alex").code()).isZero();
    assertThat(run("backup", "create").code()).isZero();

    for (String[] command : List.of(new String[] {"profile", "list"}, new String[] {"profile", "add", "Sam"},
        new String[] {"token", "list"}, new String[] {"backup", "list"}, new String[] {"--version"},
        new String[] {"--help"}, new String[] {"profile", "--help"})) {
      Run failed = runIntoFullDisk(new FullDisk(), command);
      assertThat(failed).as(String.join(" ", command)).isEqualTo(new Run(1, "", FULL));
    }
  }

  @Test
  void aTokenThatCouldNotBeShownIsRevokedAtOnce() {
    assertThat(run("profile", "add", "Alex").code()).isZero();

    Run failed = runIntoFullDisk(new FullDisk(), "token", "create", "--profile", "Alex");

    assertThat(failed.code()).isEqualTo(1);
    assertThat(failed.err()).startsWith(FULL.strip() + ": the new token was not shown, so it was revoked at once (")
        .endsWith("); create another\n").hasLineCount(1);
    try (AppContext context = AppContext.open(data())) {
      List<ApiToken> tokens = context.tokens().list(null);
      assertThat(tokens).hasSize(1);
      assertThat(tokens.get(0).revoked()).isTrue();
      assertThat(failed.err()).contains("(" + tokens.get(0).id() + ")");
    }
  }

  @Test
  void anExportToAFullDiskStopsAtTheFirstBlockAndSaysSo() throws IOException {
    Path history = ExportDocuments.history(dir.resolve("history.json"), "Alex", 2, 300, true);
    assertThat(run("import", history.toString()).code()).isZero();
    FullDisk disk = new FullDisk();

    Run failed = runIntoFullDisk(disk, "export");

    assertThat(failed).isEqualTo(new Run(1, "", FULL));
    assertThat(disk.attempts).as("it stopped instead of writing on into the void").isLessThanOrEqualTo(2);
  }

  @Test
  void anExportOfADamagedDatabaseWritesNothingAndNamesTheSession() throws IOException {
    Path history = ExportDocuments.history(dir.resolve("history.json"), "Alex", 1, 3, true);
    assertThat(run("import", history.toString()).code()).isZero();
    UUID victim;
    String date;
    try (AppContext context = AppContext.open(data())) {
      var owner = context.profiles().findByName("Alex").orElseThrow();
      var summary = context.sessions().list(owner.id(), dev.setwise.domain.SessionQuery.defaults()).items().get(1);
      victim = summary.id();
      date = summary.date().toString();
    }
    new DamagedRows(data()).snapshot(victim.toString(), "{\"unit\": \"kg\", \"exercises\": [".getBytes(StandardCharsets.UTF_8));
    Path target = dir.resolve("alex.json");

    Run toStdout = run("export");
    Run toFile = run("export", "--out", target.toString());

    assertThat(toStdout.code()).isEqualTo(1);
    assertThat(toStdout.out()).isEmpty();
    assertThat(toStdout.err()).startsWith("setwise: Cannot export: session " + victim + " of " + date + " is damaged")
        .endsWith("; nothing was written\n").hasLineCount(1);
    assertThat(toFile.code()).isEqualTo(1);
    assertThat(toFile.out()).isEmpty();
    assertThat(toFile.err()).contains("session " + victim + " of " + date)
        .endsWith("; nothing was written to " + target + "\n").hasLineCount(1);
    assertThat(target).doesNotExist();
  }

  /** The real entry point: {@code System.out} is a PrintStream that swallows errors too, so only a child proves it. */
  @Test
  void theRealEntryPointExitsOneWhenStdoutIsAFullDevice() {
    File full = new File("/dev/full");
    assumeTrue(full.exists(), "a /dev/full to write to (Linux)");
    ProcessBuilder.Redirect intoFull = ProcessBuilder.Redirect.to(full);
    assertThat(ChildProcess.run(data(), "profile", "add", "Alex").code()).isZero();

    ChildProcess.Result list = ChildProcess.run(data(), intoFull, "profile", "list");
    ChildProcess.Result export = ChildProcess.run(data(), intoFull, "export");
    ChildProcess.Result token = ChildProcess.run(data(), intoFull, "token", "create", "--profile", "Alex");

    assertThat(list.code()).isEqualTo(1);
    assertThat(list.stderr()).isEqualTo(FULL);
    assertThat(export.code()).isEqualTo(1);
    assertThat(export.stderr()).isEqualTo(FULL);
    assertThat(token.code()).isEqualTo(1);
    assertThat(token.stderr()).contains("it was revoked at once").hasLineCount(1);
    ChildProcess.Result tokens = ChildProcess.run(data(), "token", "list");
    assertThat(tokens.stdout()).contains("\trevoked ").doesNotContain("\tactive");
  }
}
