package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setwise.Version;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  @TempDir
  Path dir;

  record Result(int code, String out, String err) {}

  private Result run(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, environment, new PrintWriter(out), new PrintWriter(err), (data, console) -> {
      throw new AssertionError("the desktop app must not open");
    });
    return new Result(code, out.toString(), err.toString());
  }

  private Result run(String... args) {
    return run(Map.of(), args);
  }

  @Test
  void profileAddThenList() {
    String data = dir.resolve("data").toString();

    Result added = run("--data-dir", data, "profile", "add", "Alex");
    Result addedLb = run("--data-dir", data, "profile", "add", "Sam", "--unit", "lb");
    Result listed = run("--data-dir", data, "profile", "list");

    assertThat(added).isEqualTo(new Result(0, "Created profile Alex (kg)\n", ""));
    assertThat(addedLb.code()).isZero();
    assertThat(listed).isEqualTo(new Result(0, "Alex\tkg\nSam\tlb\n", ""));
  }

  @Test
  void theEnvironmentNamesTheDataFolder() {
    Path data = dir.resolve("from-env");

    Result added = run(Map.of("SETWISE_DATA_DIR", data.toString()), "profile", "add", "Alex");

    assertThat(added.code()).isZero();
    assertThat(data.resolve("setwise.db")).exists();
    assertThat(data.resolve("logs/setwise.log")).exists();
  }

  @Test
  void aDuplicateProfileFailsWithOneLine() {
    String data = dir.resolve("data").toString();
    run("--data-dir", data, "profile", "add", "Alex");

    Result again = run("--data-dir", data, "profile", "add", "alex");

    assertThat(again).isEqualTo(new Result(1, "", "setwise: A profile named \"Alex\" already exists\n"));
  }

  @Test
  void aBadNameFailsWithItsProblem() {
    Result result = run("--data-dir", dir.resolve("data").toString(), "profile", "add", " ");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("setwise: Invalid profile data: name: must be 1 to 60 characters\n");
  }

  @Test
  void aFileAsDataFolderFailsWithOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    Result result = run("--data-dir", file.toString(), "profile", "list");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("setwise: The data folder " + file + " is a file, not a folder\n");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void anUnwritableFolderFailsWithOneLine() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write anywhere");
    Path locked = Files.createDirectory(dir.resolve("locked"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("r-xr-xr-x")));

    Result result = run("--data-dir", locked.toString(), "profile", "list");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("setwise: The data folder " + locked + " is not writable\n");
  }

  @Test
  void aFolderNobodyMayWriteFailsWithOneLineEvenForRoot() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs Linux /proc");

    Result result = run("--data-dir", "/proc/self", "profile", "list");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("setwise: The data folder /proc/self is not writable\n");
  }

  @Test
  void usageErrorsExitWithTwo() {
    Result unknown = run("--bogus");
    Result badUnit = run("--data-dir", dir.toString(), "profile", "add", "A", "--unit", "stone");
    Result missing = run("--data-dir", dir.toString(), "profile", "add");

    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).isEqualTo("setwise: Unknown option: '--bogus' (see 'setwise --help')\n");
    assertThat(badUnit.code()).isEqualTo(2);
    assertThat(badUnit.err()).contains("must be kg or lb").hasLineCount(1);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("NAME").hasLineCount(1);
  }

  @Test
  void versionAndHelp() {
    Result version = run("--version");
    Result help = run("--help");

    assertThat(version).isEqualTo(new Result(0, "setwise " + Version.current() + "\n", ""));
    assertThat(Version.current()).doesNotContain("$").isNotEqualTo("unknown");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--data-dir", "profile");
  }

  @Test
  void noCommandOpensTheDesktopApp() {
    AtomicReference<Path> opened = new AtomicReference<>();
    StringWriter err = new StringWriter();

    int code = Cli.run(new String[] {"--data-dir", dir.resolve("d").toString()}, Map.of(),
        new PrintWriter(new StringWriter()), new PrintWriter(err), (data, console) -> {
          opened.set(data);
          return 0;
        });

    assertThat(code).isZero();
    assertThat(opened.get()).isEqualTo(dir.resolve("d").toAbsolutePath());
  }
}
