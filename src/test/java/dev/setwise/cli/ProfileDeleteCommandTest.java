package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.service.folder.FolderLease;
import dev.setwise.support.Structures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setwise profile delete NAME [--yes]}. */
class ProfileDeleteCommandTest {

  @TempDir
  Path dir;

  Path data;

  record Result(int code, String out, String err) {}

  /** A terminal that answers from a list and remembers what it was asked. */
  static final class ScriptedTerminal implements Terminal {
    final List<String> answers;
    final List<String> questions = new ArrayList<>();

    ScriptedTerminal(String... answers) {
      this.answers = new ArrayList<>(List.of(answers));
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public String ask(String question) {
      questions.add(question);
      return answers.isEmpty() ? null : answers.remove(0);
    }
  }

  @BeforeEach
  void twoProfiles() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    try (AppContext context = AppContext.open(data)) {
      Profile alex = context.profiles().create("Alex", null);
      context.profiles().create("Sam", null);
      Plan plan = context.plans().create(alex.id(), "Strength A", Structures.plan());
      context.sessions().complete(alex.id(), context.sessions().start(alex.id(), plan.id(), null).id(), null);
    }
  }

  private Result run(Terminal terminal, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", data.toString()));
    all.addAll(List.of(args));
    int code = Cli.run(all.toArray(String[]::new), Map.of(), new PrintWriter(out), new PrintWriter(err),
        (folder, console) -> {
          throw new AssertionError("the desktop app must not open");
        }, terminal);
    return new Result(code, out.toString(), err.toString());
  }

  private List<String> profiles() {
    return List.of(run(Terminal.NONE, "profile", "list").out().split("\n"));
  }

  @Test
  void withYesItDeletesAfterABackupAndSaysSo() {
    Result deleted = run(Terminal.NONE, "profile", "delete", "alex", "--yes");

    assertThat(deleted.code()).as(deleted.err()).isZero();
    assertThat(deleted.err()).isEmpty();
    assertThat(deleted.out()).startsWith("Deleted profile Alex (1 plan, 1 session); the backup made before is setwise-")
        .endsWith("-before-profile-delete.db\n");
    assertThat(profiles()).containsExactly("Sam\tkg");
  }

  @Test
  void withoutYesAndNoTerminalItRefusesWithOneLineAndDeletesNothing() {
    Result refused = run(Terminal.NONE, "profile", "delete", "Alex");

    assertThat(refused).isEqualTo(new Result(1, "", "setwise: Not deleted: deleting profile Alex (1 plan, 1 session) "
        + "needs --yes when there is no terminal to confirm on\n"));
    assertThat(profiles()).containsExactly("Alex\tkg", "Sam\tkg");
    assertThat(data.resolve("backups")).doesNotExist();
  }

  @Test
  void onATerminalItAsksAndDeletesOnlyOnYes() {
    ScriptedTerminal no = new ScriptedTerminal("n");
    Result kept = run(no, "profile", "delete", "Alex");
    assertThat(kept).isEqualTo(new Result(1, "", "setwise: Not deleted\n"));
    assertThat(no.questions).containsExactly("Delete profile Alex and everything in it (1 plan, 1 session)? "
        + "A backup is made first. [y/N] ");
    assertThat(profiles()).hasSize(2);

    Result deleted = run(new ScriptedTerminal("yes"), "profile", "delete", "Alex");

    assertThat(deleted.code()).isZero();
    assertThat(profiles()).containsExactly("Sam\tkg");
  }

  @Test
  void theLastProfileIsRefusedBeforeAnyQuestion() {
    run(Terminal.NONE, "profile", "delete", "Alex", "--yes");
    ScriptedTerminal terminal = new ScriptedTerminal("y");

    Result refused = run(terminal, "profile", "delete", "Sam");

    assertThat(refused).isEqualTo(new Result(1, "",
        "setwise: Cannot delete Sam: it is the only profile; create another one first\n"));
    assertThat(terminal.questions).isEmpty();
    assertThat(profiles()).containsExactly("Sam\tkg");
  }

  @Test
  void anUnknownProfileFailsWithOneLine() {
    assertThat(run(Terminal.NONE, "profile", "delete", "Nobody", "--yes"))
        .isEqualTo(new Result(1, "", "setwise: No profile is named \"Nobody\"\n"));
  }

  @Test
  void whileTheDesktopAppHasTheFolderOpenItIsRefused() {
    try (FolderLease app = FolderLease.acquire(data, FolderLease.Kind.APP, null, Clock.systemDefaultZone())) {
      Result refused = run(Terminal.NONE, "profile", "delete", "Alex", "--yes");

      assertThat(refused.code()).isEqualTo(1);
      assertThat(refused.err()).startsWith("setwise: The Setwise app (pid " + ProcessHandle.current().pid())
          .endsWith("is using this data folder; close it first (or delete the profile from the app's Profile menu)\n");
    }
    assertThat(profiles()).hasSize(2);
  }
}
