package dev.setwise.store;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link Database#open(java.nio.file.Path, OpenOptions)} needs to know about the data folder
 * beyond the file itself.
 *
 * @param beforeMigration runs before pending migrations change an existing database (a backup)
 * @param folderToItself true when no other running Setwise holds the data folder, so a leftover
 *     {@code -wal} is nobody's work in progress: it is checked and copied aside before SQLite may
 *     apply it. False when another process has the database open (its {@code -wal} is live).
 * @param backupsExist true when the folder has backups, so a missing or empty database is a loss
 *     to report (with the way back), never a reason to start a fresh one
 * @param appVersion this build's version, named when a newer Setwise made the database
 * @param now when the database is opened (names the folder of any copies set aside)
 */
public record OpenOptions(BeforeMigration beforeMigration, boolean folderToItself, boolean backupsExist,
    String appVersion, Instant now) {

  public OpenOptions {
    Objects.requireNonNull(beforeMigration, "beforeMigration");
    Objects.requireNonNull(now, "now");
  }

  /** A file of its own (tests, tools): nobody else holds it, no backups, nothing to run first. */
  public static OpenOptions alone() {
    return new OpenOptions(BeforeMigration.NOTHING, true, false, null, Instant.now());
  }

  public OpenOptions withBeforeMigration(BeforeMigration hook) {
    return new OpenOptions(hook, folderToItself, backupsExist, appVersion, now);
  }
}
