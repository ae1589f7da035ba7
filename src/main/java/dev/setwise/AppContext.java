package dev.setwise;

import dev.setwise.json.ResourceJson;
import dev.setwise.json.StructureJson;
import dev.setwise.service.AuditLog;
import dev.setwise.service.ChangeFeedService;
import dev.setwise.service.IdempotencyService;
import dev.setwise.service.PlanService;
import dev.setwise.service.ProfileService;
import dev.setwise.service.SessionService;
import dev.setwise.service.TokenService;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.exchange.ExportService;
import dev.setwise.service.exchange.ImportService;
import dev.setwise.service.sync.SyncApplyService;
import dev.setwise.service.sync.SyncConflictService;
import dev.setwise.service.sync.SyncOutboxService;
import dev.setwise.service.sync.SyncSettingsService;
import dev.setwise.store.AuditRepository;
import dev.setwise.store.ChangeRepository;
import dev.setwise.store.Database;
import dev.setwise.store.ExchangeRepository;
import dev.setwise.store.IdempotencyRepository;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.SyncConflictRepository;
import dev.setwise.store.SyncRepository;
import dev.setwise.store.TokenRepository;
import dev.setwise.sync.SyncClient;
import dev.setwise.sync.SyncOptions;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The composition root: opens the database of a data folder and builds every service on it. The
 * one place that calls service constructors (the desktop app, the CLI and the REST server all start
 * here), so nothing needs static state.
 */
public final class AppContext implements AutoCloseable {

  /** The database file inside a data folder. */
  public static final String DATABASE_FILE = "setwise.db";

  private final Path dataDir;
  private final Clock clock;
  private final Database database;
  private final AuditLog audit;
  private final ProfileService profiles;
  private final PlanService plans;
  private final SessionService sessions;
  private final BackupService backups;
  private final ExportService exports;
  private final ImportService imports;
  private final TokenService tokens;
  private final IdempotencyService idempotency;
  private final ChangeFeedService changes;
  private final SyncSettingsService syncSettings;
  private final SyncOutboxService syncOutbox;
  private final SyncApplyService syncApply;
  private final SyncConflictService syncConflicts;
  private final SyncClient sync;

  private AppContext(Path dataDir, Clock clock, Database database, BackupService backups) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    StructureJson structureJson = new StructureJson();
    PlanRepository planRepository = new PlanRepository(structureJson);
    this.audit = new AuditLog(database, new AuditRepository(), clock);
    ProfileRepository profileRepository = new ProfileRepository();
    this.profiles = new ProfileService(database, profileRepository, audit, clock);
    this.plans = new PlanService(database, planRepository, audit, clock);
    SessionRepository sessionRepository = new SessionRepository(structureJson);
    this.sessions = new SessionService(database, sessionRepository, planRepository, audit, clock);
    this.backups = backups;
    ExchangeRepository exchange = new ExchangeRepository();
    this.exports = new ExportService(database, profileRepository, exchange, clock, Version.current());
    this.imports = new ImportService(database, profileRepository, planRepository, sessionRepository, exchange, audit,
        backups, clock);
    this.tokens = new TokenService(database, new TokenRepository(), profileRepository, clock);
    this.idempotency = new IdempotencyService(database, new IdempotencyRepository(), clock);
    this.changes = new ChangeFeedService(database, new ChangeRepository(), planRepository, sessionRepository);
    SyncRepository syncRepository = new SyncRepository();
    SyncConflictRepository conflictRepository = new SyncConflictRepository(new ResourceJson());
    this.syncSettings = new SyncSettingsService(database, syncRepository, conflictRepository, dataDir, clock);
    this.syncOutbox = new SyncOutboxService(database, planRepository, sessionRepository, syncRepository,
        conflictRepository, audit, clock);
    this.syncApply = new SyncApplyService(database, planRepository, sessionRepository, syncRepository,
        conflictRepository, audit, clock);
    this.syncConflicts = new SyncConflictService(database, planRepository, sessionRepository, syncRepository,
        conflictRepository, audit, backups, clock);
    this.sync = new SyncClient(syncSettings, syncOutbox, syncApply, syncConflicts, backups, dataDir,
        Version.current(), SyncOptions.defaults());
  }

  /**
   * Opens the data folder (which must exist and be writable) with the system clock.
   *
   * @throws dev.setwise.store.StoreException when the database cannot be opened or migrated
   */
  public static AppContext open(Path dataDir) {
    return open(dataDir, Clock.systemDefaultZone());
  }

  /**
   * Opens the data folder with a given clock (tests). An existing database is backed up before any
   * migration changes it; when that backup fails, the database is not migrated (or opened).
   */
  public static AppContext open(Path dataDir, Clock clock) {
    BackupService backups = backupsOf(dataDir, clock);
    Database database = Database.open(dataDir.resolve(DATABASE_FILE),
        file -> backups.create(BackupReason.BEFORE_MIGRATION));
    return new AppContext(dataDir, clock, database, backups);
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
    return profiles;
  }

  public PlanService plans() {
    return plans;
  }

  public SessionService sessions() {
    return sessions;
  }

  public AuditLog audit() {
    return audit;
  }

  /** Backups of this data folder (the app calls {@code createDailyIfDue()} once at start). */
  public BackupService backups() {
    return backups;
  }

  public ExportService exports() {
    return exports;
  }

  public ImportService imports() {
    return imports;
  }

  /** API tokens (the REST server's authentication). */
  public TokenService tokens() {
    return tokens;
  }

  /** Idempotency keys of the REST server. */
  public IdempotencyService idempotency() {
    return idempotency;
  }

  /** The change feed of plans and sessions (contract §5.1), for sync. */
  public ChangeFeedService changes() {
    return changes;
  }

  /**
   * The sync client (contract §5.2): set up, sync now, status, conflicts, off. What the command
   * line and the desktop app call; see {@link SyncClient} for its threads and errors.
   */
  public SyncClient sync() {
    return sync;
  }

  /** Sync settings, token and status per profile (contract §5.2). */
  public SyncSettingsService syncSettings() {
    return syncSettings;
  }

  /** The outbox of local changes to send, for the sync client. */
  public SyncOutboxService syncOutbox() {
    return syncOutbox;
  }

  /** Applies what the server sends, for the sync client. */
  public SyncApplyService syncApply() {
    return syncApply;
  }

  /** Sync conflicts: both versions, and settling them. */
  public SyncConflictService syncConflicts() {
    return syncConflicts;
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
