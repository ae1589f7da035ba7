package dev.setwise.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server for the whole test run (zonky's binaries from Maven Central, started
 * here on a free port; no installation). PostgreSQL refuses to run as root: as root, zonky starts
 * it inside a user namespace ({@code unshare -U}), where it is not root; on a machine without user
 * namespaces {@code .ci/run} runs the whole build as an unprivileged user instead
 * (docs/decisions/0039), and a root build started otherwise fails here with a message that says so.
 *
 * <p>The superuser {@code postgres} connects without a password (setup only); Setwise connects as
 * the role {@value #ROLE}, neither superuser nor BYPASSRLS, with the password {@value #PASSWORD}
 * (scram-sha-256), so row-level security binds it as it binds a real deployment. Every
 * {@link #newDatabase} is an empty database that this role owns.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String ROLE = "setwise";
  public static final String PASSWORD = "test-secret-7Qx";

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static PostgresServer instance;

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** The server, started on first use; it stops when the test JVM exits. */
  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = start(false);
    }
    return instance;
  }

  /**
   * A server of its own. {@code durable}: every commit reaches the disk ({@code fsync} and
   * {@code synchronous_commit} on, PostgreSQL's defaults), as SQLite's {@code synchronous=FULL} does:
   * for benchmarks. The tests' shared server skips fsync (a test never survives a power cut).
   */
  public static PostgresServer start(boolean durable) {
    refuseRootWithoutUserNamespaces();
    try {
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectoryCustomizer(PostgresServer::passwordsForSetwise)
          .setServerConfig("max_connections", "300");
      if (!durable) {
        builder.setServerConfig("fsync", "off");
      } else {
        // zonky starts postgres with -F and synchronous_commit=off; a later -c wins over both
        builder.setServerConfig("fsync", "on");
        builder.setServerConfig("synchronous_commit", "on");
        builder.setServerConfig("shared_buffers", "256MB");
      }
      PostgresServer server = new PostgresServer(builder.start());
      server.superuser("CREATE ROLE " + ROLE + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB PASSWORD '"
          + PASSWORD + "'");
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** initdb's own refusal ("cannot be run as root") hides why; this names the way out. */
  private static void refuseRootWithoutUserNamespaces() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return;
    }
    String uid;
    try {
      Process id = new ProcessBuilder("unshare", "-U", "id", "-u").redirectErrorStream(true).start();
      uid = new String(id.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).strip();
      id.waitFor();
    } catch (IOException e) {
      uid = "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      uid = "";
    }
    if (!uid.matches("[1-9][0-9]*")) {
      throw new IllegalStateException("The tests run as root and this machine has no user namespaces (unshare -U), "
          + "so the embedded PostgreSQL cannot start (it refuses root): run the build as an unprivileged user, "
          + "as .ci/run does");
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Local superuser connections need no password; every other role gives one. */
  private static void passwordsForSetwise(java.io.File dataDirectory) {
    try {
      Files.writeString(Path.of(dataDirectory.getPath(), "pg_hba.conf"), """
          local all postgres trust
          host all postgres 127.0.0.1/32 trust
          host all postgres ::1/128 trust
          host all all 127.0.0.1/32 scram-sha-256
          host all all ::1/128 scram-sha-256
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  /** A new empty database owned by {@value #ROLE}; returns its name. */
  public String newDatabase() {
    String name = "setwise_" + DATABASES.incrementAndGet();
    superuser("CREATE DATABASE " + name + " OWNER " + ROLE);
    return name;
  }

  /** {@code postgresql://localhost:PORT/NAME?user=setwise}, without the password. */
  public String url(String database) {
    return "postgresql://127.0.0.1:" + port() + "/" + database + "?user=" + ROLE;
  }

  /** {@link #url} with the password in it. */
  public String urlWithPassword(String database) {
    return url(database) + "&password=" + PASSWORD;
  }

  /** A raw connection as {@value #ROLE} (autocommit), for tests that speak SQL to the schema. */
  public Connection connectAsSetwise(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, ROLE, PASSWORD);
  }

  /** A raw superuser connection to {@code database}. */
  public Connection connectAsSuperuser(String database) throws SQLException {
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port() + "/" + database, "postgres", "");
  }

  /** Runs {@code sql} as the superuser in the {@code postgres} database. */
  public void superuser(String sql) {
    try (Connection connection = connectAsSuperuser("postgres"); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run " + sql, e);
    }
  }
}
