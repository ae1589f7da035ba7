package dev.setwise.service.folder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ReadableFormats;
import dev.setwise.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leases on a data folder within one process (across processes: {@code FolderLeaseProcessTest}):
 * who holds it is named, replacing needs the folder alone, a restore is waited for.
 */
class FolderLeaseTest {

  private static final Instant NOW = Instant.parse("2026-11-24T18:02:00Z");

  @TempDir
  Path dir;

  private final MutableClock clock = new MutableClock(NOW);

  @Test
  void aHolderIsNamedWithItsKindPidAndSince() {
    FolderHolder serve = new FolderHolder(FolderLease.Kind.SERVE, null, 1234, null, NOW);
    FolderHolder app = new FolderHolder(FolderLease.Kind.APP, null, 77, null, NOW.minusSeconds(86_400));
    FolderHolder command = new FolderHolder(FolderLease.Kind.COMMAND, "setwise export", 9, null, NOW);

    assertThat(serve.describe(ZoneOffset.UTC, NOW))
        .isEqualTo("Setwise serve (pid 1234, since " + ReadableFormats.time(NOW, ZoneOffset.UTC)
            + ") is using this data folder; stop it first");
    assertThat(app.describe(ZoneOffset.UTC, NOW))
        .isEqualTo("The Setwise app (pid 77, since " + ReadableFormats.dateTime(NOW.minusSeconds(86_400), ZoneOffset.UTC)
            + ") is using this data folder; close it first");
    assertThat(command.describe(ZoneOffset.UTC, NOW))
        .isEqualTo("The command 'setwise export' (pid 9, since " + ReadableFormats.time(NOW, ZoneOffset.UTC)
            + ") is using this data folder; wait for it to finish");
  }

  @Test
  void replacingIsRefusedWhileAnotherHoldsTheFolderAndNamesIt() {
    try (FolderLease serve = FolderLease.acquire(dir, FolderLease.Kind.SERVE, null, clock)) {
      assertThatThrownBy(() -> FolderLease.exclusive(dir, FolderLease.Kind.RESTORE, null, clock).close())
          .isInstanceOf(FolderBusyException.class)
          .hasMessage("Setwise serve (pid " + ProcessHandle.current().pid()
              + ", since " + ReadableFormats.time(NOW, clock.getZone()) + ") is using this data folder; stop it first");
      assertThat(serve.othersHold()).isFalse();
    }
    FolderLease.exclusive(dir, FolderLease.Kind.RESTORE, null, clock).close();
  }

  @Test
  void theAppsOwnRestoreChecksForHoldersOtherThanItself() {
    try (FolderLease app = FolderLease.acquire(dir, FolderLease.Kind.APP, null, clock)) {
      try (FolderLease.Exclusive alone = app.replacing()) {
        assertThat(alone.dataDir()).isEqualTo(dir);
        assertThatThrownBy(() -> FolderLease.exclusive(dir, FolderLease.Kind.RESTORE, null, clock))
            .isInstanceOf(FolderBusyException.class);
      }
      try (FolderLease command = FolderLease.acquire(dir, FolderLease.Kind.COMMAND, "setwise profile list", clock)) {
        assertThat(app.othersHold()).isTrue();
        assertThatThrownBy(app::replacing).isInstanceOf(FolderBusyException.class)
            .hasMessageStartingWith("The command 'setwise profile list' (pid ");
      }
      assertThat(app.othersHold()).isFalse();
      app.replacing().close();
    }
  }

  @Test
  void aLeaseTakenWhileARestoreRunsWaitsForIt() throws Exception {
    AtomicReference<FolderLease> taken = new AtomicReference<>();
    Thread starting;
    try (FolderLease.Exclusive restore = FolderLease.exclusive(dir, FolderLease.Kind.RESTORE, null, clock)) {
      starting = new Thread(() -> taken.set(FolderLease.acquire(dir, FolderLease.Kind.SERVE, null, clock)));
      starting.start();
      while (starting.getState() != Thread.State.TIMED_WAITING) {
        Thread.onSpinWait();
      }
      assertThat(taken.get()).as("still waiting for the restore").isNull();
      assertThatThrownBy(() -> FolderLease.exclusive(dir, FolderLease.Kind.RESTORE, null, clock))
          .as("a second restore").isInstanceOf(FolderBusyException.class)
          .hasMessageContaining("Setwise restore (pid ").hasMessageEndingWith("is replacing the database in this "
              + "data folder; wait for it to finish");
    }
    starting.join();
    assertThat(taken.get()).isNotNull();
    taken.get().close();
  }

  @Test
  void recordsOfProcessesThatEndedAreNotHoldersAndAreRemoved() throws Exception {
    Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    ended.waitFor();
    Path records = Files.createDirectories(dir.resolve(FolderLease.RECORDS));
    new FolderHolder(FolderLease.Kind.SERVE, null, ended.pid(), null, NOW).write(records.resolve("stale.lease"));

    FolderLease.exclusive(dir, FolderLease.Kind.RESTORE, null, clock).close();

    try (Stream<Path> left = Files.list(records)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aFolderWhoseLockFileCannotBeMadeStillLetsAProcessRead() throws IOException {
    Files.createDirectory(dir.resolve(FolderLease.LOCK_FILE));

    try (FolderLease lease = FolderLease.acquire(dir, FolderLease.Kind.COMMAND, "setwise profile list", clock)) {
      assertThat(lease.<Boolean>whileOpening(alone -> alone)).isTrue();
      assertThatThrownBy(lease::replacing).isInstanceOf(FolderBusyException.class)
          .hasMessageContaining("cannot be created");
    }
  }
}
