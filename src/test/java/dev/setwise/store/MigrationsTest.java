package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

class MigrationsTest {

  @Test
  void theNewestKnownMigrationIsTheNewestFlywayFinds() {
    MigrationVersion flyways = MigrationVersion.EMPTY;
    for (MigrationInfo info : Migrations.flyway("jdbc:sqlite::memory:").info().all()) {
      if (info.getVersion() != null && info.getVersion().compareTo(flyways) > 0) {
        flyways = info.getVersion();
      }
    }

    assertThat(Migrations.newestKnown()).isEqualTo(flyways);
    assertThat(Migrations.newestKnown()).isGreaterThan(MigrationVersion.fromVersion("2"));
  }

  /**
   * Flyway reads db/migration/sqlite and db/migration/postgresql only: a migration left in the old
   * folder (db/migration/V12__x.sql, or package db.migration) would be skipped without a word.
   */
  @Test
  void everyMigrationIsInTheFolderOfItsDialect() throws IOException, URISyntaxException {
    Path classes = Path.of(MigrationsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolveSibling("classes").resolve("db/migration");
    List<String> stray;
    try (Stream<Path> files = Files.list(classes)) {
      stray = files.filter(Files::isRegularFile).map(file -> file.getFileName().toString()).toList();
    }

    assertThat(Files.isDirectory(classes.resolve("sqlite"))).isTrue();
    assertThat(Files.isDirectory(classes.resolve("postgresql"))).isTrue();
    assertThat(stray).as("migrations outside db/migration/sqlite and db/migration/postgresql").isEmpty();
  }
}
