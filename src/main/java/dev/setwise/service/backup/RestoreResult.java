package dev.setwise.service.backup;

import java.nio.file.Path;

/**
 * What a restore did.
 *
 * @param restoredFrom the backup that is now the database
 * @param setAside where the database that was replaced now lives (never deleted), or null when
 *     there was none
 * @param safetyBackup the backup of the replaced database made first, or null when there was none
 * @param profiles how many profiles the restored database holds
 * @param sessions how many sessions it holds
 */
public record RestoreResult(Path restoredFrom, Path setAside, BackupInfo safetyBackup, long profiles, long sessions) {}
