package dev.setwise.ui;

import dev.setwise.AppContext;
import dev.setwise.DataDirectory;
import dev.setwise.Logging;
import dev.setwise.domain.StorageException;
import dev.setwise.service.backup.BackupException;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.folder.FolderBusyException;
import dev.setwise.service.folder.FolderLease;
import dev.setwise.ui.data.DataFolder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the app's data folder under the app's lease, and when its database is refused (damaged,
 * not a database, made by a newer Setwise, a foreign {@code -wal} …) asks the person what to do:
 * restore a backup (the refused file is set aside in {@code replaced/}, never deleted), open
 * another folder, or quit. Runs on the thread that starts the app, never the FX thread: the
 * question is put to the FX thread and waited for.
 */
final class FolderOpening {

  private static final Logger LOG = LoggerFactory.getLogger(FolderOpening.class);

  /** What the person chose. */
  sealed interface Choice permits Restore, OtherFolder, Quit {}

  /** Restore {@code backup} over the refused database. */
  record Restore(BackupInfo backup) implements Choice {}

  /** Open {@code folder} instead. */
  record OtherFolder(Path folder) implements Choice {}

  /** Give up: the app does not start. */
  record Quit() implements Choice {}

  /** Puts the question; may block until the person answers. */
  @FunctionalInterface
  interface Asker {

    /**
     * @param failure why the folder's database was refused (one line)
     * @param notice what went wrong with the last choice (a restore that failed), or null
     * @param backups the folder's backups, newest first
     * @throws dev.setwise.StartupException when no question can be put (no display)
     */
    Choice ask(StorageException failure, String notice, Path dataDir, List<BackupInfo> backups);
  }

  private FolderOpening() {}

  /**
   * The data folder opened, or null when the person chose to quit.
   *
   * @throws StorageException the refusal itself when no question can be put (no display)
   * @throws FolderBusyException when a restore keeps the folder past the wait
   */
  static DataFolder open(Path dataDir, Clock clock, Asker asker) {
    Path dir = dataDir;
    FolderLease lease = FolderLease.acquire(dir, FolderLease.Kind.APP, null, clock);
    String notice = null;
    while (true) {
      StorageException failure;
      try {
        AppContext context = AppContext.open(dir, clock, lease);
        FolderLease held = lease;
        return new DataFolder(context, lease, folder -> AppContext.open(folder, clock, held));
      } catch (StorageException e) {
        LOG.error("Cannot open the database in {}", dir, e);
        failure = e;
      } catch (RuntimeException e) {
        lease.close();
        throw e;
      }
      BackupService backups = AppContext.backupsOf(dir, clock);
      Choice choice;
      try {
        choice = asker.ask(failure, notice, dir, list(backups));
      } catch (dev.setwise.StartupException noDisplay) {
        lease.close();
        throw failure;
      }
      notice = null;
      if (choice instanceof Restore restore) {
        notice = restore(backups, restore.backup(), lease);
      } else if (choice instanceof OtherFolder other) {
        try {
          Path next = DataDirectory.prepare(other.folder());
          Logging.toDataFolder(next);
          FolderLease nextLease = FolderLease.acquire(next, FolderLease.Kind.APP, null, clock);
          lease.close();
          lease = nextLease;
          dir = next;
        } catch (DataDirectory.DataDirectoryException | FolderBusyException e) {
          notice = e.getMessage();
        }
      } else {
        lease.close();
        return null;
      }
    }
  }

  /** Restores {@code backup}; null when it worked, else what went wrong (nothing was changed then). */
  private static String restore(BackupService backups, BackupInfo backup, FolderLease lease) {
    try (FolderLease.Exclusive alone = lease.replacing()) {
      backups.restore(backup.file(), alone);
      LOG.info("Restored {} at start", backup.name());
      return null;
    } catch (BackupException | FolderBusyException e) {
      LOG.error("Restoring {} at start failed", backup.name(), e);
      return e.getMessage();
    }
  }

  private static List<BackupInfo> list(BackupService backups) {
    try {
      return backups.list();
    } catch (BackupException e) {
      return List.of();
    }
  }
}
