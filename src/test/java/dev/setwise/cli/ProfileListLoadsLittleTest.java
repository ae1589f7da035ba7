package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command builds is what it needs (docs/decisions/0045): {@code profile list} in a child JVM
 * loads no Jackson and none of the other commands, and prints what it always printed; the services
 * the desktop makes at its start build no JSON mapper (0067). The JVM's own class-loading log is
 * the witness.
 */
class ProfileListLoadsLittleTest {

  @TempDir
  Path dir;

  private record Run(int code, String out, List<String> classes) {}

  private Run run(String... arguments) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("dev.setwise.Main", "--data-dir", dir.resolve("data").toString()));
    command.addAll(List.of(arguments));
    return runMain(command);
  }

  /** Runs {@code mainAndArguments} (a main class, then its arguments) in a child JVM. */
  private Run runMain(List<String> mainAndArguments) throws IOException, InterruptedException {
    Path classLog = Files.createTempFile(dir, "classes", ".txt");
    Path out = Files.createTempFile(dir, "out", ".txt");
    List<String> command = new java.util.ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
        "-Xlog:class+load=info:file=" + classLog));
    command.addAll(mainAndArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("SETWISE_DATA_DIR");
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the command did not end in time");
    }
    List<String> classes = Files.readAllLines(classLog, StandardCharsets.UTF_8).stream()
        .map(line -> line.replaceFirst("^\\[[^]]*\\]\\[[^]]*\\]\\[[^]]*\\] ", ""))
        .map(line -> line.split(" ", 2)[0])
        .toList();
    return new Run(process.exitValue(), Files.readString(out), classes);
  }

  @Test
  void profileListLoadsNoJacksonAndNoOtherCommand() throws Exception {
    assertThat(run("profile", "add", "Alex").code()).isZero();

    Run listed = run("profile", "list");

    assertThat(listed.code()).isZero();
    assertThat(listed.out()).isEqualTo("Alex\tkg\n");
    assertThat(listed.classes()).contains("dev.setwise.cli.ProfileCommand$ListProfiles", "dev.setwise.store.Database");
    // The other commands' classes are named in SetwiseCommand.COMMANDS, but picocli never reads
    // them: their own subcommands (nested classes it would load) stay unloaded.
    assertThat(listed.classes()).noneMatch(name -> name.startsWith("tools.jackson."))
        .doesNotContain("dev.setwise.cli.TokenCommand$Create", "dev.setwise.cli.SyncCommand$Setup",
            "dev.setwise.cli.StatsCommand$Records", "dev.setwise.cli.BackupCommand$Create");
  }

  /**
   * The desktop makes every service at its start, before anything is saved: making them builds no
   * JSON mapper (most of Jackson: its builder is the witness), nor does a page of summaries
   * (docs/decisions/0067, where the quick save's mapper had been built with the services).
   */
  @Test
  void theServicesAndAPageOfSummariesBuildNoJsonMapper() throws Exception {
    assertThat(run("profile", "add", "Alex").code()).isZero();

    Run opened = runMain(List.of(OpenServices.class.getName(), dir.resolve("data").toString()));

    assertThat(opened.code()).isZero();
    assertThat(opened.out()).isEqualTo("0 sessions\n");
    assertThat(opened.classes()).contains("dev.setwise.service.SessionService", "dev.setwise.store.InProgressSave")
        .noneMatch(name -> name.startsWith("tools.jackson.databind.cfg."))
        .doesNotContain("tools.jackson.databind.json.JsonMapper$Builder");
  }

  /** Opens the folder, makes the services the desktop makes and reads a page of summaries. */
  public static final class OpenServices {

    public static void main(String[] args) {
      try (dev.setwise.AppContext context = dev.setwise.AppContext.open(Path.of(args[0]))) {
        context.plans();
        context.rests();
        context.progress();
        java.util.UUID alex = context.profiles().list().get(0).id();
        System.out.println(context.sessions().list(alex, dev.setwise.domain.SessionQuery.defaults()).total()
            + " sessions");
      }
    }
  }

  @Test
  void aCommandThatReadsJsonStillGetsIt() throws Exception {
    assertThat(run("profile", "add", "Alex").code()).isZero();
    Path file = dir.resolve("export.json");

    Run exported = run("export", "--profile", "Alex", "--out", file.toString());

    assertThat(exported.code()).isZero();
    assertThat(exported.classes()).anyMatch(name -> name.startsWith("tools.jackson."));
    assertThat(Files.readString(file)).contains("\"profile\"");
  }
}
