package dev.setwise.service.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.support.TestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing the app interrupts a backup under way: the copy stops within a moment and leaves no
 * file behind, so closing never waits on a long {@code VACUUM INTO}.
 */
class BackupInterruptTest {

  @TempDir
  Path dir;

  TestContext t;

  @BeforeEach
  void open() throws Exception {
    t = new TestContext(dir.resolve("data"));
    t.profile("Alex");
    // Enough pages that the copy runs through many steps (SQLite looks at the interrupt between them).
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + t.dataDir.resolve("setwise.db"));
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE filler (n INTEGER, payload BLOB)");
      statement.execute("INSERT INTO filler SELECT value, randomblob(200) FROM (WITH RECURSIVE c(value) AS "
          + "(SELECT 1 UNION ALL SELECT value + 1 FROM c WHERE value < 50000) SELECT value FROM c)");
    }
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aBackupOnAnInterruptedThreadStopsAndLeavesNoFile() throws Exception {
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread closing = new Thread(() -> {
      Thread.currentThread().interrupt();
      try {
        t.app.backups().create(BackupReason.DAILY);
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    closing.start();
    closing.join();

    assertThat(outcome.get()).isInstanceOf(CancellationException.class);
    // The check before the copy may stop it before the backups folder is even made.
    if (Files.exists(t.app.backups().folder())) {
      try (Stream<Path> left = Files.list(t.app.backups().folder())) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void anUninterruptedBackupIsMadeAsBefore() {
    BackupInfo made = t.app.backups().create(BackupReason.MANUAL);
    assertThat(made.file()).isRegularFile();
    assertThat(t.app.backups().list()).hasSize(1);
  }
}
