package dev.setwise.service.backup;

import dev.setwise.domain.StorageException;
import dev.setwise.service.DiskErrors;
import dev.setwise.service.folder.FolderLease;
import dev.setwise.store.SqliteFiles;
import dev.setwise.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the data folder's database in its {@code backups/} folder, and restoring one.
 *
 * <p>A backup is made while the app runs and stays consistent: {@code PRAGMA quick_check} of the
 * database first (a copy of a damaged database would push good backups out of retention), then
 * {@code VACUUM INTO} a temporary file (on a connection of its own, so it never holds up the app's
 * writer), {@code PRAGMA integrity_check} on the copy, then a rename to
 * {@code setwise-YYYY-MM-DD-HHMMSS-REASON.db} (UTC). A failed backup throws
 * {@link BackupException}; it is never silent and never leaves a file that looks like a backup.
 *
 * <p>Retention, after every backup: manual backups and those made before a profile was deleted are
 * kept; of the automatic ones the newest
 * {@value #KEEP_NEWEST} are kept, plus the newest of each of the last {@value #KEEP_DAYS} days and
 * of each of the last {@value #KEEP_WEEKS} ISO weeks that have one (days and weeks in the clock's zone).
 *
 * <p>Threads: any background thread, never the JavaFX application thread (a backup reads the whole
 * database). Methods do not lock against each other; the app calls them from one place at a time.
 */
public final class BackupService {

  public static final String FOLDER = "backups";
  /** Where a restore moves the database it replaces. */
  public static final String SET_ASIDE_FOLDER = "replaced";
  static final int KEEP_NEWEST = 3;
  static final int KEEP_DAYS = 7;
  static final int KEEP_WEEKS = 8;

  private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd-HHmmss");
  private static final Pattern NAME =
      Pattern.compile("setwise-(\\d{4}-\\d{2}-\\d{2}-\\d{6})-([a-z]+(?:-[a-z]+)*?)(?:-(\\d{1,4}))?\\.db");

  private final Path dataDir;
  private final Path databaseFile;
  private final Clock clock;

  public BackupService(Path dataDir, Path databaseFile, Clock clock) {
    this.dataDir = dataDir;
    this.databaseFile = databaseFile;
    this.clock = clock;
  }

  public Path folder() {
    return dataDir.resolve(FOLDER);
  }

  /**
   * Makes a backup now, then applies retention.
   *
   * @throws BackupException when there is no database yet, it is damaged, or the copy or its check fails
   */
  public BackupInfo create(BackupReason reason) {
    if (!Files.isRegularFile(databaseFile)) {
      throw new BackupException("There is no database to back up yet");
    }
    Path folder = folder();
    String damage;
    try {
      damage = SqliteFiles.quickCheck(databaseFile);
    } catch (StorageException e) {
      LOG.error("Could not check {} before a backup", databaseFile, e);
      throw new BackupException(e.reason() == StorageException.Reason.DISK_FULL
          ? "Could not make a backup in " + folder + ": the disk is full"
          : "Did not make a backup: " + e.getMessage(), e);
    }
    if (damage != null) {
      throw new BackupException("Did not make a backup: " + damage + ". The backups made before are kept");
    }
    Path temp = folder.resolve(".backup-" + UUID.randomUUID() + ".tmp");
    try {
      Files.createDirectories(folder);
      SqliteFiles.vacuumInto(databaseFile, temp);
      SqliteFiles.Check check = SqliteFiles.check(temp);
      if (!check.ok()) {
        throw new BackupException("The backup failed its check: " + check.problem());
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      Instant now = clock.instant();
      Path target = freeName(folder, now, reason);
      move(temp, target);
      BackupInfo info = new BackupInfo(target, now, reason, Files.size(target));
      LOG.info("Made backup {} ({} bytes)", target.getFileName(), info.sizeBytes());
      prune();
      return info;
    } catch (StoreException | StorageException e) {
      LOG.error("Backup failed", e);
      throw new BackupException(DiskErrors.isDiskFull(e)
          ? "Could not make a backup in " + folder + ": the disk is full"
          : "Could not make a backup: the database could not be copied", e);
    } catch (IOException e) {
      LOG.error("Backup failed", e);
      throw new BackupException("Could not make a backup in " + folder + ": " + DiskErrors.describe(e), e);
    } finally {
      deleteQuietly(temp);
      deleteQuietly(temp.resolveSibling(temp.getFileName() + "-journal"));
    }
  }

  /**
   * Checks the database with {@code PRAGMA quick_check} on a connection of its own (a read
   * transaction; writers go on). Reads every page: any background thread, never the JavaFX thread.
   *
   * @return empty when the database passes (or there is none yet), else one line naming the first problem
   */
  public Optional<String> checkDatabase() {
    if (!Files.isRegularFile(databaseFile)) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(SqliteFiles.quickCheck(databaseFile));
    } catch (StorageException e) {
      LOG.error("Could not check {}", databaseFile, e);
      return Optional.of(e.getMessage());
    }
  }

  /** The newest backup, if any (for the advice after a failure: "restore it with …"). */
  public Optional<BackupInfo> newest() {
    try {
      List<BackupInfo> all = list();
      return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    } catch (BackupException e) {
      return Optional.empty();
    }
  }

  /**
   * The app's start-up backup: makes a {@link BackupReason#DAILY} backup unless one was made today
   * (in the clock's zone) or there is no database yet.
   *
   * @return the backup made, or empty when none was due
   * @throws BackupException when a backup was due and failed (show it; the app can still run)
   */
  public Optional<BackupInfo> createDailyIfDue() {
    if (!Files.isRegularFile(databaseFile)) {
      return Optional.empty();
    }
    LocalDate today = LocalDate.now(clock);
    boolean madeToday = list().stream().anyMatch(b -> b.reason() == BackupReason.DAILY
        && LocalDate.ofInstant(b.createdAt(), clock.getZone()).equals(today));
    return madeToday ? Optional.empty() : Optional.of(create(BackupReason.DAILY));
  }

  /** Every backup, newest first. Files that do not look like backups are ignored. */
  public List<BackupInfo> list() {
    Path folder = folder();
    List<BackupInfo> backups = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return backups;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "setwise-*.db")) {
      for (Path file : files) {
        parse(file).ifPresent(backups::add);
      }
    } catch (IOException e) {
      throw new BackupException("Could not list the backups in " + folder, e);
    }
    backups.sort(Comparator.comparing(BackupInfo::createdAt).thenComparing(BackupInfo::name).reversed());
    return backups;
  }

  /**
   * Applies retention (see the class comment).
   *
   * @return the backups removed
   */
  public List<BackupInfo> prune() {
    List<BackupInfo> automatic = list().stream().filter(b -> !b.reason().keptUntilDeleted()).toList();
    Set<BackupInfo> keep = new LinkedHashSet<>(automatic.subList(0, Math.min(KEEP_NEWEST, automatic.size())));
    Set<LocalDate> days = new HashSet<>();
    Set<String> weeks = new HashSet<>();
    for (BackupInfo backup : automatic) {
      LocalDate day = LocalDate.ofInstant(backup.createdAt(), clock.getZone());
      if (days.size() < KEEP_DAYS && days.add(day)) {
        keep.add(backup);
      }
      String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      if (!weeks.contains(week) && weeks.size() < KEEP_WEEKS) {
        weeks.add(week);
        keep.add(backup);
      }
    }
    List<BackupInfo> removed = new ArrayList<>();
    for (BackupInfo backup : automatic) {
      if (!keep.contains(backup)) {
        try {
          Files.deleteIfExists(backup.file());
          removed.add(backup);
        } catch (IOException e) {
          LOG.warn("Could not remove old backup {}", backup.name(), e);
        }
      }
    }
    return removed;
  }

  /**
   * {@link #restore(Path, FolderLease.Exclusive)} after taking the folder to itself
   * ({@code setwise restore}).
   *
   * @throws dev.setwise.service.folder.FolderBusyException when another Setwise holds the folder
   *     (nothing changed; the message names it)
   */
  public RestoreResult restore(Path backup) {
    try (FolderLease.Exclusive alone = FolderLease.exclusive(dataDir, FolderLease.Kind.RESTORE, null, clock)) {
      return restore(backup, alone);
    }
  }

  /**
   * Replaces the database with a backup. It needs the folder to itself ({@code alone}: no other
   * process holds it) and the database closed in this process (close the {@code AppContext},
   * restore, open a new one). Steps: copy the backup beside the database and check the copy
   * (integrity, a Setwise database, not from a newer Setwise); back up the current database
   * ({@link BackupReason#BEFORE_RESTORE}) when it can be (a damaged one cannot: it is set aside
   * as it is); move it (with its WAL files) to {@code replaced/}; move the copy into place. The
   * backup file itself is never changed, and the replaced database never deleted.
   *
   * @param backup a file, or the name of a file in {@code backups/}
   * @param alone the hold of this data folder that shuts every other Setwise out
   * @throws BackupException when the backup is missing or fails its check (nothing changed), or
   *     the swap fails (the old database is moved back)
   */
  public RestoreResult restore(Path backup, FolderLease.Exclusive alone) {
    if (!alone.dataDir().toAbsolutePath().normalize().equals(dataDir.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException("The hold is on " + alone.dataDir() + ", not on " + dataDir);
    }
    Path source = Files.isRegularFile(backup) ? backup : folder().resolve(backup.toString());
    if (!Files.isRegularFile(source)) {
      throw new BackupException("There is no backup file " + backup);
    }
    Path incoming = databaseFile.resolveSibling(databaseFile.getFileName() + ".restoring");
    try {
      Files.copy(source, incoming, StandardCopyOption.REPLACE_EXISTING);
      SqliteFiles.Check check = SqliteFiles.check(incoming);
      if (!check.ok()) {
        throw new BackupException("Cannot restore " + source.getFileName() + ": " + check.problem());
      }
      BackupInfo safety = safetyBackup();
      Path setAside = setAside();
      try {
        move(incoming, databaseFile);
      } catch (IOException e) {
        if (setAside != null) {
          move(setAside, databaseFile);
        }
        throw e;
      }
      LOG.info("Restored {} (previous database set aside as {})", source.getFileName(), setAside);
      return new RestoreResult(source, setAside, safety, check.profiles(), check.sessions());
    } catch (IOException e) {
      LOG.error("Restore failed", e);
      throw new BackupException("Could not restore " + source.getFileName() + ": " + DiskErrors.describe(e), e);
    } finally {
      deleteQuietly(incoming);
      deleteQuietly(incoming.resolveSibling(incoming.getFileName() + "-journal"));
    }
  }

  /**
   * Checks a backup without restoring it: a copy is checked, the file itself is not touched.
   *
   * @return null when it is sound, else what is wrong
   */
  public String verify(Path backup) {
    Path copy = dataDir.resolve(".verify-" + UUID.randomUUID() + ".tmp");
    try {
      Files.copy(backup, copy);
      SqliteFiles.Check check = SqliteFiles.check(copy);
      return check.ok() ? null : check.problem();
    } catch (IOException e) {
      return "it cannot be read";
    } finally {
      deleteQuietly(copy);
      deleteQuietly(copy.resolveSibling(copy.getFileName() + "-journal"));
    }
  }

  /** A backup of the database about to be replaced; none when it cannot be made (the file is set aside anyway). */
  private BackupInfo safetyBackup() {
    if (!Files.isRegularFile(databaseFile)) {
      return null;
    }
    try {
      return create(BackupReason.BEFORE_RESTORE);
    } catch (BackupException e) {
      LOG.warn("No backup of the database being replaced ({}); it is set aside as it is", e.getMessage());
      return null;
    }
  }

  private Path setAside() throws IOException {
    if (!Files.isRegularFile(databaseFile)) {
      return null;
    }
    Path folder = dataDir.resolve(SET_ASIDE_FOLDER);
    Files.createDirectories(folder);
    String stem = "setwise-" + STAMP.format(LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
    Path target = folder.resolve(stem + ".db");
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve(stem + "-" + n + ".db");
    }
    // the WAL files belong to the database: move them first so the pair never splits
    for (String suffix : List.of("-wal", "-shm")) {
      Path companion = databaseFile.resolveSibling(databaseFile.getFileName() + suffix);
      if (Files.exists(companion)) {
        move(companion, target.resolveSibling(target.getFileName() + suffix));
      }
    }
    move(databaseFile, target);
    return target;
  }

  private Path freeName(Path folder, Instant at, BackupReason reason) {
    String stem = "setwise-" + STAMP.format(LocalDateTime.ofInstant(at, ZoneOffset.UTC)) + "-" + reason.code();
    Path target = folder.resolve(stem + ".db");
    for (int n = 2; Files.exists(target); n++) {
      target = folder.resolve(stem + "-" + n + ".db");
    }
    return target;
  }

  private static Optional<BackupInfo> parse(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<BackupReason> reason = BackupReason.fromCode(m.group(2));
    if (reason.isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant at = LocalDateTime.parse(m.group(1), STAMP).toInstant(ZoneOffset.UTC);
      return Optional.of(new BackupInfo(file, at, reason.get(), Files.size(file)));
    } catch (DateTimeParseException | IOException e) {
      return Optional.empty();
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not remove {}", file, e);
    }
  }
}
