package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

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
}
