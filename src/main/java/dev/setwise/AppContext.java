package dev.setwise;

import dev.setwise.json.StructureJson;
import dev.setwise.service.AuditLog;
import dev.setwise.service.PlanService;
import dev.setwise.service.ProfileService;
import dev.setwise.service.SessionService;
import dev.setwise.store.AuditRepository;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.SessionRepository;
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

  private AppContext(Path dataDir, Clock clock, Database database) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.database = database;
    StructureJson structureJson = new StructureJson();
    PlanRepository planRepository = new PlanRepository(structureJson);
    this.audit = new AuditLog(database, new AuditRepository(), clock);
    this.profiles = new ProfileService(database, new ProfileRepository(), audit, clock);
    this.plans = new PlanService(database, planRepository, audit, clock);
    this.sessions = new SessionService(database, new SessionRepository(structureJson), planRepository, audit, clock);
  }

  /**
   * Opens the data folder (which must exist and be writable) with the system clock.
   *
   * @throws dev.setwise.store.StoreException when the database cannot be opened or migrated
   */
  public static AppContext open(Path dataDir) {
    return open(dataDir, Clock.systemDefaultZone());
  }

  /** Opens the data folder with a given clock (tests). */
  public static AppContext open(Path dataDir, Clock clock) {
    Database database = Database.open(dataDir.resolve(DATABASE_FILE));
    return new AppContext(dataDir, clock, database);
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
