package dev.setwise.support;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@link AppContext} on a real SQLite file in a temp folder, with a hand-moved clock; or, from
 * {@link #onPostgres}, on a new database of the test {@link PostgresServer}.
 */
public final class TestContext implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-11-24T07:15:00Z");

  public final MutableClock clock = new MutableClock(START);
  /** On PostgreSQL the administrative context (every profile), as the CLI's admin commands open it. */
  public final AppContext app;
  public final Path dataDir;
  /** The PostgreSQL database's name; null on SQLite. */
  public final String database;
  private final List<AppContext> servers = new ArrayList<>();

  public TestContext(Path dataDir) {
    this(dataDir, null);
  }

  private TestContext(Path dataDir, String database) {
    this.dataDir = dataDir;
    this.database = database;
    try {
      java.nio.file.Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    this.app = database == null ? AppContext.open(dataDir, clock)
        : AppContext.openPostgres(dataDir, clock, PostgresServer.get().urlWithPassword(database), null, true);
  }

  /** A context on a new, empty PostgreSQL database (migrated as it opens). */
  public static TestContext onPostgres(Path dataDir) {
    return new TestContext(dataDir, PostgresServer.get().newDatabase());
  }

  public boolean onPostgres() {
    return database != null;
  }

  /**
   * A context as {@code setwise serve} opens it, on this test's database and clock: on SQLite the
   * one context; on PostgreSQL a new instance each call (its own pool, row-level security bound to
   * each request's caller), closed with this one.
   */
  public AppContext newServer() {
    if (database == null) {
      return app;
    }
    AppContext server = AppContext.openPostgres(dataDir, clock, PostgresServer.get().urlWithPassword(database),
        null, false);
    synchronized (servers) {
      servers.add(server);
    }
    return server;
  }

  public Profile profile(String name) {
    return app.profiles().create(name, Unit.KG);
  }

  public Plan plan(Profile owner, String name) {
    return app.plans().create(owner.id(), name, Structures.plan());
  }

  @Override
  public void close() {
    synchronized (servers) {
      servers.forEach(AppContext::close);
      servers.clear();
    }
    app.close();
  }
}
