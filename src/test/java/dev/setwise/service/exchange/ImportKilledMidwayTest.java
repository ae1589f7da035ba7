package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code setwise import} process killed (SIGKILL) while it writes leaves the database as it was:
 * the import is one transaction, and SQLite's WAL drops what was never committed.
 */
class ImportKilledMidwayTest {

  private static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir
  Path dir;

  @Test
  void killingAnImportWhileItWritesLeavesTheDatabaseUnchanged() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    String before;
    try (TestContext t = new TestContext(data)) {
      Profile alex = t.profile("Alex");
      t.app.sessions().complete(alex.id(), t.app.sessions().start(alex.id(), t.plan(alex, "A").id(), null).id(),
          null);
      before = state(t.app);
    }
    Path file = ExportDocuments.history(dir.resolve("big.json"), "Sam", 10, 5_000, false);
    Path wal = data.resolve(AppContext.DATABASE_FILE + "-wal");
    assertThat(Files.exists(wal) ? Files.size(wal) : 0).isZero();

    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "dev.setwise.Main", "--data-dir", data.toString(),
        "import", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile())
        .start();
    try {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      // the write transaction spills pages into the WAL as it goes: once it holds a megabyte, the
      // import is well under way and not yet committed
      while (!(Files.exists(wal) && Files.size(wal) > 1024 * 1024)) {
        assertThat(child.isAlive()).as("the import ended before it could be killed: %s",
            Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(System.nanoTime()).as("the import never started writing").isLessThan(deadline);
        Thread.onSpinWait();
        child.waitFor(5, TimeUnit.MILLISECONDS);
      }
      child.destroyForcibly();
      assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue()).isNotZero();
    } finally {
      child.destroyForcibly();
    }

    try (TestContext t = new TestContext(data)) {
      assertThat(state(t.app)).isEqualTo(before);
      assertThat(t.app.profiles().findByName("Sam")).isEmpty();
      assertThat(t.app.backups().list()).extracting(b -> b.reason().code()).containsExactly("before-import");
    }
  }

  private static String state(AppContext app) {
    StringBuilder text = new StringBuilder();
    List<Profile> profiles = app.profiles().list();
    for (Profile profile : profiles) {
      text.append(profile).append(": ")
          .append(app.plans().list(profile.id(), true).size()).append(" plans, ")
          .append(app.sessions().list(profile.id(), SessionQuery.defaults()).total()).append(" sessions, ")
          .append(app.audit().list(profile.id(), 1, 0).total()).append(" audit entries").append("; ");
    }
    return text.toString();
  }
}
