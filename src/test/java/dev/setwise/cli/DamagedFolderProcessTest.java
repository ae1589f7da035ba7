package dev.setwise.cli;

import static dev.setwise.support.DamagedFolders.DB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.setwise.support.DamagedFolders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Setwise run as a user runs it (a child JVM, {@code dev.setwise.Main}) on damaged data folders:
 * each time one clear line on stderr, exit 1, the files as they were (or copied aside), never a
 * stack trace, never a fresh database in place of the old one.
 */
class DamagedFolderProcessTest {

  @TempDir
  Path root;

  private Path data() {
    return root.resolve("data");
  }

  /** Exit 1, nothing on stdout, one line on stderr naming the problem, no exception or stack trace. */
  private static void oneClearLine(ChildProcess.Result result, String... fragments) {
    assertThat(result.code()).as(result.stderr()).isEqualTo(1);
    assertThat(result.stdout()).isEmpty();
    assertThat(result.stderr()).startsWith("setwise: ").endsWith("\n").hasLineCount(1)
        .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("SQLITE_");
    for (String fragment : fragments) {
      assertThat(result.stderr()).contains(fragment);
    }
  }

  private String restoreAdvice() throws IOException {
    try (Stream<Path> backups = Files.list(data().resolve("backups"))) {
      String newest = backups.map(p -> p.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
      return "The newest backup is " + newest + ": restore it with 'setwise --data-dir " + data() + " restore "
          + newest + "'";
    }
  }

  private ChildProcess.Result profileList() {
    return ChildProcess.run(data(), "profile", "list");
  }

  @Test
  void aZeroLengthDatabaseBesideBackupsIsReportedNotReplacedAndRestoreBringsItBack() throws IOException {
    DamagedFolders.sound(data());
    Files.write(data().resolve(DB), new byte[0]);

    oneClearLine(profileList(), DB + " in " + data() + " is empty (0 bytes)", restoreAdvice());
    assertThat(Files.size(data().resolve(DB))).as("no fresh database in its place").isZero();

    String newest;
    try (Stream<Path> backups = Files.list(data().resolve("backups"))) {
      newest = backups.findFirst().orElseThrow().getFileName().toString();
    }
    ChildProcess.Result restored = ChildProcess.run(data(), "restore", newest);
    assertThat(restored.code()).as(restored.stderr()).isZero();
    assertThat(restored.stdout()).contains("(as it was: it could not be backed up first)");
    assertThat(profileList().stdout()).isEqualTo("Alex\tkg\n");
  }

  @Test
  void aWalOfAnotherDatabaseIsRefusedAndCopiedAsideAndTheDatabaseIsUntouched() throws IOException {
    DamagedFolders.withForeignWal(data(), root.resolve("other"), root.resolve("scratch"));
    Map<String, String> before = DamagedFolders.fingerprint(data());

    oneClearLine(profileList(), DB + "-wal in " + data() + " does not belong to " + DB,
        "copies of both are in " + data().resolve("recovered"), restoreAdvice());

    assertThat(DamagedFolders.fingerprint(data())).isEqualTo(before);
    try (Stream<Path> copies = Files.list(data().resolve("recovered"))) {
      Path copy = copies.findFirst().orElseThrow();
      assertThat(DamagedFolders.sha256(copy.resolve(DB + "-wal"))).isEqualTo(before.get(DB + "-wal"));
      assertThat(DamagedFolders.sha256(copy.resolve(DB))).isEqualTo(before.get(DB));
    }
  }

  @Test
  void aDatabaseFromANewerSetwiseIsRefusedWithBothVersionsAndLeftUntouched() {
    DamagedFolders.sound(data());
    DamagedFolders.fromNewerSetwise(data(), "99");
    Map<String, String> before = DamagedFolders.fingerprint(data());

    oneClearLine(profileList(), "was made by a newer Setwise (database version 99; this Setwise, ", "knows versions up to ");

    assertThat(DamagedFolders.fingerprint(data())).isEqualTo(before);
  }

  @Test
  void aDatabaseCutShortOrWithAFlippedHeaderOrNotADatabaseIsNamedForWhatItIs() throws IOException {
    DamagedFolders.sound(data());
    Path sound = Files.copy(data().resolve(DB), root.resolve("sound.db"));

    DamagedFolders.truncate(data(), 8192);
    Map<String, String> cut = DamagedFolders.fingerprint(data());
    oneClearLine(profileList(), DB + " in " + data() + " is damaged (it was cut short: it holds 2 of its ", restoreAdvice());
    assertThat(DamagedFolders.fingerprint(data())).isEqualTo(cut);

    Files.copy(sound, data().resolve(DB), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    DamagedFolders.flip(data(), 16, 2);
    oneClearLine(profileList(), DB + " in " + data() + " is damaged (its header is damaged)", restoreAdvice());

    Files.writeString(data().resolve(DB), "<html>not a database</html>");
    oneClearLine(profileList(), DB + " in " + data() + " is not a database", restoreAdvice());
    assertThat(Files.readString(data().resolve(DB))).isEqualTo("<html>not a database</html>");
  }

  @Test
  void damagedPagesAreFoundWhenACommandReadsThemAndBeforeServingOrExporting() throws IOException {
    DamagedFolders.sound(data());
    DamagedFolders.flipPage(data(), DamagedFolders.rootPage(data(), "profiles"));
    oneClearLine(profileList(), DB + " in " + data() + " is damaged (", restoreAdvice());

    Files.delete(data().resolve(DB));
    DamagedFolders.sound(root.resolve("again"));
    Files.move(root.resolve("again").resolve(DB), data().resolve(DB));
    DamagedFolders.flipPage(data(), DamagedFolders.rootPage(data(), "sessions"));
    oneClearLine(ChildProcess.run(data(), "serve", "--port", "0"), "is damaged (", "Setwise does not serve it");
    oneClearLine(ChildProcess.run(data(), "export", "--out", root.resolve("out.json").toString()), "is damaged (");
    assertThat(root.resolve("out.json")).doesNotExist();
  }

  @Test
  void anUnreadableDatabaseIsPermissionDenied() throws IOException {
    // Tests run as root, whom chmod does not stop. In a user namespace without a mapping the same
    // user is no longer privileged over these files, so their permission bits apply to it.
    assumeTrue(works(List.of("unshare", "-U", "true")), "needs unprivileged user namespaces (unshare -U)");
    DamagedFolders.sound(data());
    Path file = data().resolve(DB);
    Files.setPosixFilePermissions(file, java.util.Set.of());
    try {
      oneClearLine(ChildProcess.runWrapped(List.of("unshare", "-U"), data(), "profile", "list"),
          "Permission denied: Setwise may not read and write " + DB + " in " + data());
    } finally {
      Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
    }
    assertThat(ChildProcess.run(data(), "profile", "list").stdout()).isEqualTo("Alex\tkg\n");
  }

  /**
   * A full disk, for real: the folder is copied into a small tmpfs that a filler file then fills,
   * inside a user and mount namespace of the child's own (unprivileged: {@code unshare -rm}).
   */
  @Test
  void aFullDiskStillReadsAndExportsElsewhereAndWritesSayTheDiskIsFull() throws IOException {
    assumeTrue(works(List.of("unshare", "-rm", "sh", "-c", "mount -t tmpfs -o size=1m tmpfs /mnt")),
        "needs unprivileged user and mount namespaces (unshare -rm) and tmpfs");
    DamagedFolders.sound(root.resolve("source"));
    Path mount = Files.createDirectories(root.resolve("full"));
    Path data = mount.resolve("data");
    Path export = root.resolve("elsewhere.json");

    ChildProcess.Result listed = onFullDisk(mount, data, "profile", "list");
    assertThat(listed.code()).as(listed.stderr()).isZero();
    assertThat(listed.stdout()).isEqualTo("Alex\tkg\n");
    assertThat(listed.stderr()).isEmpty();

    ChildProcess.Result exported = onFullDisk(mount, data, "export", "--out", export.toString());
    assertThat(exported.code()).as(exported.stderr()).isZero();
    assertThat(Files.readString(export)).contains("\"Strength A\"");

    oneClearLine(onFullDisk(mount, data, "profile", "add", "Sam"), "The disk holding " + data + " is full");
    oneClearLine(onFullDisk(mount, data, "export", "--out", data.resolve("x.json").toString()), "the disk is full");
    oneClearLine(onFullDisk(mount, data, "backup", "create"), "the disk is full");
  }

  private ChildProcess.Result onFullDisk(Path mount, Path data, String... arguments) {
    String script = "mount -t tmpfs -o size=4m tmpfs \"$0\" && cp -a \"$1\" \"$2\" "
        + "&& { dd if=/dev/zero of=\"$0/filler\" bs=4k 2>/dev/null; true; } && shift 2 && exec \"$@\"";
    return ChildProcess.runWrapped(List.of("unshare", "-rm", "sh", "-c", script, mount.toString(),
        root.resolve("source").toString(), data.toString()), data, arguments);
  }

  private static boolean works(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
