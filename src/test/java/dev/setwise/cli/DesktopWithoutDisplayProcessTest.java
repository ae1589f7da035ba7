package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The toolkit now starts on a thread of its own while the database opens (docs/decisions/0045): when
 * it cannot start (no display), the desktop start still says so in one line and exits 1, and the
 * folder it opened meanwhile is closed and given up again.
 */
class DesktopWithoutDisplayProcessTest {

  @TempDir
  Path dir;

  @Test
  void withoutADisplayTheStartSaysSoInOneLineAndGivesTheFolderBack() throws Exception {
    Path data = dir.resolve("data");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder = new ProcessBuilder(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
        "-XX:TieredStopAtLevel=1", "dev.setwise.Main", "--data-dir", data.toString()))
        .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("DISPLAY");
    builder.environment().remove("WAYLAND_DISPLAY");
    builder.environment().remove("SETWISE_DATA_DIR");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the start did not end in time");
    }

    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(Files.readString(err)).startsWith("setwise: cannot open the desktop window (")
        .contains("is there a display?").hasLineCount(1);
    // The folder was opened meanwhile and is usable again at once: its lease was given up.
    StringWriter out = new StringWriter();
    int listed = Cli.run(new String[] {"--data-dir", data.toString(), "profile", "list"}, Map.of(),
        new PrintWriter(out), new PrintWriter(new StringWriter()), (folder, console) -> 1);
    assertThat(listed).isZero();
  }
}
