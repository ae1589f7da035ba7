package dev.setwise.store;

import dev.setwise.domain.StorageException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL schema's migrations ({@code db/migration/postgresql}), run by Flyway on a
 * connection of its own. Flyway holds an advisory lock while it migrates, so instances that start
 * at once on an empty database migrate it once and the others wait, then find nothing pending.
 */
final class PostgresMigrations {

  static final String LOCATION = "db/migration/postgresql";
  private static final Logger LOG = LoggerFactory.getLogger(PostgresMigrations.class);

  private PostgresMigrations() {}

  /**
   * Applies what is pending and returns the schema version the database is at.
   *
   * @throws StorageException {@link StorageException.Reason#NEWER_SCHEMA} when a newer Setwise
   *     migrated the database
   * @throws StoreException when a migration fails
   */
  static String migrate(PostgresTarget target) {
    Flyway flyway = Flyway.configure()
        .dataSource(target.dataSource())
        .locations("classpath:" + LOCATION)
        // afterConnect.sql beside the migrations declares setwise.all_profiles on Flyway's connections
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load();
    try {
      MigrationInfoService info = flyway.info();
      refuseNewer(info, target);
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        LOG.info("Migrated the database {} from version {} to {}", target,
            result.initialSchemaVersion == null ? "none" : result.initialSchemaVersion, result.targetSchemaVersion);
      }
      MigrationInfo current = flyway.info().current();
      return current == null ? "none" : current.getVersion().getVersion();
    } catch (StorageException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoreException("Could not migrate the database " + target, e);
    }
  }

  private static void refuseNewer(MigrationInfoService info, PostgresTarget target) {
    MigrationVersion newestKnown = MigrationVersion.EMPTY;
    MigrationVersion newestApplied = MigrationVersion.EMPTY;
    for (MigrationInfo migration : info.all()) {
      if (migration.getVersion() == null) {
        continue;
      }
      boolean known = migration.getState().isResolved();
      if (known && migration.getVersion().compareTo(newestKnown) > 0) {
        newestKnown = migration.getVersion();
      }
      if (migration.getState().isApplied() && migration.getVersion().compareTo(newestApplied) > 0) {
        newestApplied = migration.getVersion();
      }
    }
    if (newestApplied.compareTo(newestKnown) > 0) {
      throw new StorageException(StorageException.Reason.NEWER_SCHEMA, "The database " + target
          + " was migrated by a newer Setwise (schema version " + newestApplied + "; this one knows up to "
          + newestKnown + "): update Setwise");
    }
  }
}
