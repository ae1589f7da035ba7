package dev.setwise;

import dev.setwise.json.ResourceJson;
import dev.setwise.domain.StorageException;
import dev.setwise.json.StructureJson;
import dev.setwise.service.AuditLog;
import dev.setwise.service.ChangeFeedService;
import dev.setwise.service.IdempotencyService;
import dev.setwise.service.PlanService;
import dev.setwise.service.ProfileService;
import dev.setwise.service.RestTimerService;
import dev.setwise.service.SessionService;
import dev.setwise.service.TokenService;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.exchange.ExportService;
import dev.setwise.service.exchange.ImportService;
import dev.setwise.service.sync.SyncApplyService;
import dev.setwise.service.sync.SyncConflictService;
import dev.setwise.service.sync.SyncOutboxService;
import dev.setwise.service.sync.SyncSettingsService;
import dev.setwise.service.folder.FolderLease;
import dev.setwise.service.progress.ExerciseService;
import dev.setwise.service.progress.ProgressSettingsService;
import dev.setwise.service.progress.ProgressionService;
import dev.setwise.service.progress.StatsService;
import dev.setwise.store.AuditRepository;
import dev.setwise.store.ChangeRepository;
import dev.setwise.store.Database;
import dev.setwise.store.ExchangeRepository;
import dev.setwise.store.IdempotencyRepository;
import dev.setwise.store.OpenOptions;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.PostgresTarget;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.ProfileSettingsRepository;
import dev.setwise.store.ProgressRepository;
import dev.setwise.store.RestTimerRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.SyncConflictRepository;
import dev.setwise.store.SyncRepository;
import dev.setwise.store.TokenRepository;
import dev.setwise.sync.SyncClient;
import dev.setwise.sync.SyncOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * The composition root: opens the database of a data folder and builds every service on it. The
 * one place that calls service constructors (the desktop app, the CLI and the REST server all start
 * here), so nothing needs static state.
 */
public final class AppContext implements AutoCloseable {

  /** The database file inside a data folder. */
  public static final String DATABASE_FILE = "setwise.db";
  /** The environment variable naming a PostgreSQL database when {@code --database} is not given. */
  public static final String DATABASE_URL_VARIABLE = PostgresTarget.URL_VARIABLE;
  /** The environment variable that may hold that database's password. */
  public static final String DATABASE_PASSWORD_VARIABLE = PostgresTarget.PASSWORD_VARIABLE;

  /**
   * The system property naming the folder where SQLite's native library is kept between starts
   * (docs/decisions/0063); a constant, so naming it loads nothing.
   */
  public static final String SQLITE_CACHE_PROPERTY = dev.setwise.store.SqliteLibrary.CACHE_PROPERTY;

  private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private final Path dataDir;
  private final Clock clock;
  private final Database database;
  private final BackupService backups;
  // Each repository and service is built the first time something asks for it (docs/decisions/0045):
  // `profile list` builds the profiles' service and nothing of plans, sessions, sync or Jackson. What
  // builds it is in its getter, so that only a getter that is called links its lambda (0059).
  private final Once<StructureJson> structureJson = new Once<>();
  private final Once<PlanRepository> planRepository = new Once<>();
  private final Once<SessionRepository> sessionRepository = new Once<>();
  private final Once<ProfileRepository> profileRepository = new Once<>();
  private final Once<SyncRepository> syncRepository = new Once<>();
  private final Once<SyncConflictRepository> conflictRepository = new Once<>();
  private final Once<ExchangeRepository> exchange = new Once<>();
  private final Once<ProgressRepository> progressRepository = new Once<>();
  private final Once<AuditLog> audit = new Once<>();
  private final Once<ProfileService> profiles = new Once<>();
  private final Once<PlanService> plans = new Once<>();
  private final Once<SessionService> sessions = new Once<>();
  private final Once<RestTimerService> rests = new Once<>();
  private final Once<ExportService> exports = new Once<>();
  private final Once<ImportService> imports = new Once<>();
  private final Once<TokenService> tokens = new Once<>();
  private final Once<IdempotencyService> idempotency = new Once<>();
  private final Once<ChangeFeedService> changes = new Once<>();
  private final Once<SyncSettingsService> syncSettings = new Once<>();
  private final Once<SyncOutboxService> syncOutbox = new Once<>();
  private final Once<SyncApplyService> syncApply = new Once<>();
  private final Once<SyncConflictService> syncConflicts = new Once<>();
  private final Once<SyncClient> sync = new Once<>();
  private final Once<StatsService> stats = new Once<>();
  private final Once<Progress> progress = new Once<>();

  private StructureJson structureJson() {
    return structureJson.get(StructureJson::new);
  }

  private PlanRepository planRepository() {
    return planRepository.get(() -> new PlanRepository(structureJson()));
  }

  private SessionRepository sessionRepository() {
    return sessionRepository.get(() -> new SessionRepository(structureJson()));
  }

  private ProfileRepository profileRepository() {
    return profileRepository.get(ProfileRepository::new);
  }

  private SyncRepository syncRepository() {
    return syncRepository.get(SyncRepository::new);
  }

  private SyncConflictRepository conflictRepository() {
    return conflictRepository.get(() -> new SyncConflictRepository(new ResourceJson()));
  }

  private ExchangeRepository exchange() {
    return exchange.get(ExchangeRepository::new);
  }

  private ProgressRepository progressRepository() {
    return progressRepository.get(ProgressRepository::new);
  }

  private StatsService stats() {
    return stats.get(() -> new StatsService(database, progressRepository(), profileRepository()));
  }

  /** The progress side (issue 10): numbers, exercise names, settings and progression. */
  public record Progress(StatsService stats, ExerciseService exercises, ProgressSettingsService settings,
      ProgressionService progression) {}

  private AppContext(Path dataDir, Clock clock, Database database, BackupService backups) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    this.backups = backups;
  }

  /**
   * Loads SQLite's native library, which the first connection otherwise loads, and runs once on a
   * database in memory what a first open runs (a warm-up: it may run on any thread once SLF4J is
   * initialised; a failure is left for the real open to report; see {@code SqliteLibrary.warmUp}).
   */
  public static void loadSqlite() {
    dev.setwise.store.SqliteLibrary.warmUp();
  }

  /**
   * Opens the data folder (which must exist and be writable) with the system clock, as a folder
   * no other process uses (tests and tools; the app, the server and the commands hold a
   * {@link FolderLease} and open with {@link #open(Path, Clock, FolderLease)}).
   *
   * @throws StorageException when the database is refused (its message says why, and names the
   *     newest backup and the command that restores it)
   * @throws dev.setwise.store.StoreException when the database cannot be opened or migrated otherwise
   */
  public static AppContext open(Path dataDir) {
    return open(dataDir, Clock.systemDefaultZone());
  }

  /** {@link #open(Path)} with a given clock (tests). */
  public static AppContext open(Path dataDir, Clock clock) {
    return open(dataDir, clock, true);
  }

  /**
   * Opens a PostgreSQL database ({@code setwise serve --database}, docs/decisions/0037) and applies
   * its pending migrations; {@code dataDir} holds only the logs. {@code administration} is for the
   * administrative commands ({@code profile}, {@code token}, {@code migrate}), which see every
   * profile; without it (the server) each request sees only its caller's rows, and a role that
   * row-level security would not bind is refused.
   *
   * @param url {@code postgresql://HOST:PORT/DB?user=NAME}
   * @param password the password when the URL has none ({@code SETWISE_DATABASE_PASSWORD}), or
   *     null: the driver then reads {@code ~/.pgpass}
   * @throws IllegalArgumentException when the URL cannot be used (the message says why, without the URL)
   * @throws StorageException when the database cannot be reached or is refused
   */
  public static AppContext openPostgres(Path dataDir, Clock clock, String url, String password,
      boolean administration) {
    PostgresTarget target = PostgresTarget.parse(url, password);
    Database database = Database.openPostgres(target, administration);
    try {
      return new AppContext(dataDir, clock, database, backupsOf(dataDir, clock));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * Opens the data folder that {@code lease} holds. The database is checked before anything is
   * written to it; a leftover {@code -wal} that no other running Setwise owns is copied aside and
   * checked first. An existing database is backed up before any migration changes it; when that
   * backup fails, the database is not migrated (or opened).
   *
   * @throws StorageException when the database is refused (see {@link #open(Path)})
   */
  public static AppContext open(Path dataDir, Clock clock, FolderLease lease) {
    return lease.whileOpening(folderToItself -> open(dataDir, clock, folderToItself));
  }

  private static AppContext open(Path dataDir, Clock clock, boolean folderToItself) {
    BackupService backups = backupsOf(dataDir, clock);
    boolean backupsExist = backups.newest().isPresent();
    OpenOptions options = new OpenOptions(file -> backups.create(BackupReason.BEFORE_MIGRATION), folderToItself,
        backupsExist, Version.current(), clock.instant());
    try {
      Database database = Database.open(dataDir.resolve(DATABASE_FILE), options);
      return new AppContext(dataDir, clock, database, backups);
    } catch (StorageException e) {
      throw e.withAdvice(restoreAdvice(dataDir, e.reason(), clock));
    }
  }

  /**
   * What to do about a failure of the database of {@code dataDir}: the newest backup and the
   * command that restores it; empty when there is no backup, or a restore would not help (a full
   * disk).
   */
  public static String restoreAdvice(Path dataDir, StorageException.Reason reason, Clock clock) {
    if (reason == StorageException.Reason.DISK_FULL) {
      return "";
    }
    return backupsOf(dataDir, clock).newest().map(newest -> restoreAdvice(dataDir, newest)).orElse("");
  }

  private static String restoreAdvice(Path dataDir, BackupInfo newest) {
    return "The newest backup is " + newest.name() + ": restore it with 'setwise --data-dir "
        + shellWord(dataDir.toAbsolutePath().toString()) + " restore " + shellWord(newest.name()) + "'";
  }

  private static String shellWord(String text) {
    return PLAIN_ARGUMENT.matcher(text).matches() ? text : "\"" + text.replace("\"", "\\\"") + "\"";
  }

  /**
   * Backups of a data folder whose database is not open: for {@code setwise restore}, and for the
   * desktop app's restore, which closes its context, restores, then opens a new context.
   */
  public static BackupService backupsOf(Path dataDir, Clock clock) {
    return new BackupService(dataDir, dataDir.resolve(DATABASE_FILE), clock);
  }

  public Path dataDir() {
    return dataDir;
  }

  public Clock clock() {
    return clock;
  }

  public ProfileService profiles() {
    // A deleted profile's sync token file goes too: a secret nothing could use any more.
    return profiles.get(() -> new ProfileService(database, profileRepository(), audit(), clock, backups,
        profileId -> syncSettings().forgetToken(profileId)));
  }

  public PlanService plans() {
    return plans.get(() -> new PlanService(database, planRepository(), audit(), clock));
  }

  public SessionService sessions() {
    return sessions.get(() -> new SessionService(database, sessionRepository(), planRepository(),
        audit(), clock));
  }

  /** The workout screen's rest countdowns and warm-up rest (local state, not in the snapshot). */
  public RestTimerService rests() {
    return rests.get(() -> new RestTimerService(database, new RestTimerRepository(), sessionRepository()));
  }

  public AuditLog audit() {
    return audit.get(() -> new AuditLog(database, new AuditRepository(), clock));
  }

  /** Backups of this data folder (the app calls {@code createDailyIfDue()} once at start). */
  public BackupService backups() {
    return backups;
  }

  public ExportService exports() {
    return exports.get(() -> new ExportService(database, profileRepository(), exchange(), clock,
        Version.current()));
  }

  public ImportService imports() {
    return imports.get(() -> new ImportService(database, profileRepository(), planRepository(),
        sessionRepository(), exchange(), audit(), backups, clock));
  }

  /** API tokens (the REST server's authentication). */
  public TokenService tokens() {
    return tokens.get(() -> new TokenService(database, new TokenRepository(), profileRepository(), clock));
  }

  /** Progress: stats, exercises (aliases), profile settings, progression. */
  public Progress progress() {
    return progress.get(() -> new Progress(stats(),
        new ExerciseService(database, progressRepository(), stats(), audit(), clock),
        new ProgressSettingsService(database, new ProfileSettingsRepository(), profileRepository(), audit()),
        new ProgressionService(database, sessionRepository(), planRepository(), audit(), clock)));
  }

  /** Idempotency keys of the REST server. */
  public IdempotencyService idempotency() {
    return idempotency.get(() -> new IdempotencyService(database, new IdempotencyRepository(), clock));
  }

  /** The change feed of plans and sessions (contract §5.1), for sync. */
  public ChangeFeedService changes() {
    return changes.get(() -> new ChangeFeedService(database, new ChangeRepository(), planRepository(),
        sessionRepository()));
  }

  /**
   * The sync client (contract §5.2): set up, sync now, status, conflicts, off. What the command
   * line and the desktop app call; see {@link SyncClient} for its threads and errors.
   */
  public SyncClient sync() {
    return sync.get(() -> new SyncClient(syncSettings(), syncOutbox(), syncApply(),
        syncConflicts(), backups, dataDir, Version.current(), SyncOptions.defaults()));
  }

  /** Sync settings, token and status per profile (contract §5.2). */
  public SyncSettingsService syncSettings() {
    return syncSettings.get(() -> new SyncSettingsService(database, syncRepository(),
        conflictRepository(), dataDir, clock));
  }

  /** The outbox of local changes to send, for the sync client. */
  public SyncOutboxService syncOutbox() {
    return syncOutbox.get(() -> new SyncOutboxService(database, planRepository(), sessionRepository(),
        syncRepository(), conflictRepository(), audit(), clock));
  }

  /** Applies what the server sends, for the sync client. */
  public SyncApplyService syncApply() {
    return syncApply.get(() -> new SyncApplyService(database, planRepository(), sessionRepository(),
        syncRepository(), conflictRepository(), audit(), clock));
  }

  /** Sync conflicts: both versions, and settling them. */
  public SyncConflictService syncConflicts() {
    return syncConflicts.get(() -> new SyncConflictService(database, planRepository(),
        sessionRepository(), syncRepository(), conflictRepository(), audit(), backups, clock));
  }

  /**
   * What makes the database unusable now (its file was replaced or removed behind Setwise's
   * back), or null while it is fine. One {@code stat}; any thread.
   */
  public String databaseProblem() {
    return database.problem();
  }

  /** True on a PostgreSQL database, false on the data folder's SQLite file. */
  public boolean onDatabaseServer() {
    return database.file() == null;
  }

  /** Where the database is, for messages: the SQLite file, or {@code user@host:port/db} (never a password). */
  public String databaseName() {
    return database.toString();
  }

  /** The schema version of the database (every migration this build knows is applied when it opens). */
  public String schemaVersion() {
    return database.schemaVersion();
  }

  /** True when the database opened for reading only because its disk is full: every save fails. */
  public boolean readOnly() {
    return database.readOnly();
  }

  /**
   * Runs {@code check} on the calling thread before every database transaction; it may throw to
   * refuse the caller (the desktop app refuses its UI thread). See {@link Database#setCallerCheck}.
   */
  public void checkCallers(Runnable check) {
    database.setCallerCheck(check);
  }

  @Override
  public void close() {
    database.close();
  }
}
