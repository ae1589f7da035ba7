package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a database that has every migration of this build runs no Flyway (its start-up was most
 * of a short command's time): the checks before opening read the schema history already. Flyway
 * runs, under the migration lock beside the file, only for a new database or pending migrations.
 */
class OpeningUpToDateTest {

  @TempDir
  Path dir;

  @Test
  void anUpToDateDatabaseOpensWithoutMigrating() throws Exception {
    Path file = dir.resolve("setwise.db");
    Path migrationLock = dir.resolve("setwise.db.migration-lock");
    try (Database created = Database.open(file)) {
      assertThat(migrationLock).as("a new database is migrated").exists();
    }
    Files.delete(migrationLock);

    try (Database reopened = Database.open(file)) {
      assertThat(migrationLock).as("nothing pending: Flyway is not started").doesNotExist();
      int applied = reopened.read(tx -> {
        try (var rs = tx.connection().createStatement().executeQuery(
            "SELECT count(*) FROM flyway_schema_history WHERE success = 1")) {
          rs.next();
          return rs.getInt(1);
        }
      });
      assertThat(applied).isPositive();
    }
  }
}
