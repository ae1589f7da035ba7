package dev.setwise.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/** The schema's Flyway migrations: which this build knows, and running the pending ones on a file. */
final class Migrations {

  private Migrations() {}

  /** The newest migration this build carries (computed once, from the scripts on the class path). */
  static MigrationVersion newestKnown() {
    return Known.NEWEST;
  }

  private static final class Known {
    static final MigrationVersion NEWEST = scan();

    private static MigrationVersion scan() {
      MigrationVersion newest = MigrationVersion.EMPTY;
      // An in-memory database has no history, so every script is listed as pending.
      for (MigrationInfo info : flyway("jdbc:sqlite::memory:").info().all()) {
        if (info.getVersion() != null && info.getVersion().compareTo(newest) > 0) {
          newest = info.getVersion();
        }
      }
      return newest;
    }
  }

  static Flyway flyway(String url) {
    return Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load();
  }

  /**
   * Runs the pending migrations of {@code file} under an exclusive lock file beside it, so two
   * processes never migrate at once; {@code beforeMigration} runs first when an existing database
   * has pending migrations.
   *
   * @throws StoreException when the lock, the hook or a migration fails
   */
  @SuppressWarnings("try") // the lock is held for the block, never read
  static void migrate(Path file, BeforeMigration beforeMigration) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".migration-lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      Flyway flyway = flyway(Connections.url(file));
      MigrationInfoService info = flyway.info();
      if (info.pending().length > 0 && info.applied().length > 0 && Files.size(file) > 0) {
        beforeMigration.run(file);
      }
      flyway.migrate();
    } catch (StoreException | dev.setwise.domain.StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new StoreException("Could not lock the data folder for migration", e);
    } catch (Exception e) {
      throw new StoreException("Could not prepare the database " + file.getFileName(), e);
    }
  }
}
