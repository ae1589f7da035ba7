package dev.setwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Ids;
import dev.setwise.domain.Unit;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.store.StoreException;
import dev.setwise.support.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An existing database is backed up before a migration changes it, and not migrated when that fails. */
class AppContextMigrationBackupTest {

  @TempDir
  Path data;

  final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T07:15:00Z"));

  @BeforeEach
  void aDatabaseOfTheVersionBeforeTheImportBookkeeping() throws SQLException {
    // Migrated by the real scripts up to V2 only, so every later migration is pending, however many there are.
    Flyway.configure().dataSource("jdbc:sqlite:" + data.resolve(AppContext.DATABASE_FILE), null, null)
        .locations("classpath:db/migration/sqlite").target("2").load().migrate();
    sql("INSERT INTO profiles (id, name, unit, created_at) VALUES ('" + Ids.newId() + "', 'Alex', '"
        + Unit.KG.code() + "', 0)");
    assertThat(hasImportsTable(data.resolve(AppContext.DATABASE_FILE))).isFalse();
  }

  @Test
  void aPendingMigrationIsPrecededByABackupOfTheOldDatabase() throws SQLException {
    try (AppContext context = AppContext.open(data, clock)) {
      List<BackupInfo> backups = context.backups().list();
      assertThat(backups).singleElement().satisfies(b -> {
        assertThat(b.reason()).isEqualTo(BackupReason.BEFORE_MIGRATION);
        assertThat(context.backups().verify(b.file())).isNull();
      });
      assertThat(hasImportsTable(backups.get(0).file())).isFalse();
      assertThat(context.profiles().list()).extracting(p -> p.name()).containsExactly("Alex");
    }
    assertThat(hasImportsTable(data.resolve(AppContext.DATABASE_FILE))).isTrue();
  }

  @Test
  void whenTheBackupFailsTheDatabaseIsNotMigrated() throws IOException, SQLException {
    Files.writeString(data.resolve(BackupService.FOLDER), "a file where the folder should be");

    assertThatThrownBy(() -> AppContext.open(data, clock)).isInstanceOf(StoreException.class);

    assertThat(hasImportsTable(data.resolve(AppContext.DATABASE_FILE))).isFalse();
  }

  @Test
  void aDatabaseWithNothingPendingIsNotBackedUp() {
    try (AppContext first = AppContext.open(data, clock)) {
      assertThat(first.backups().list()).hasSize(1);
    }
    try (AppContext second = AppContext.open(data, clock)) {
      assertThat(second.backups().list()).hasSize(1);
    }
  }

  private void sql(String... statements) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(AppContext.DATABASE_FILE));
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static boolean hasImportsTable(Path file) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM sqlite_schema WHERE name = 'imports'")) {
      rs.next();
      return rs.getInt(1) == 1;
    }
  }
}
