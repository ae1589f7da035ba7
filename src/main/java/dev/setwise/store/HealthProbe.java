package dev.setwise.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a PostgreSQL database whether it answers, for {@code /api/health}: one query on a
 * connection kept for the purpose, apart from the pool, so a probe never waits behind requests
 * for a pooled connection, and it gives up after {@value #SECONDS} s when the server is gone.
 * A connection that fails is dropped and the probe asks once more on a new one (a server that
 * restarted answers at once). Probes run one at a time; any thread.
 */
final class HealthProbe implements AutoCloseable {

  static final int SECONDS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(HealthProbe.class);
  /** Reads a table of the schema: no row is visible to a transaction that declares nobody. */
  private static final String QUERY = "SELECT 1 FROM profiles LIMIT 1";

  private final DataSource source;
  private final String name;
  private Connection connection;
  private boolean failing;

  HealthProbe(PostgresTarget target) {
    this.source = target.dataSource(SECONDS);
    this.name = target.toString();
  }

  /** Null when the database answered the query, else why not (the driver's words, one line). */
  synchronized String problem() {
    String problem = ask();
    if (problem != null) {
      problem = ask(); // the kept connection may be one the server closed; a new one tells
    }
    if (problem != null && !failing) {
      LOG.warn("The database {} does not answer: {}", name, problem);
    } else if (problem == null && failing) {
      LOG.info("The database {} answers again", name);
    }
    failing = problem != null;
    return problem;
  }

  private String ask() {
    try {
      if (connection == null) {
        connection = source.getConnection();
        connection.setAutoCommit(true);
        connection.setReadOnly(true);
      }
      try (Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(SECONDS);
        statement.executeQuery(QUERY).close();
      }
      return null;
    } catch (SQLException e) {
      drop();
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
      return why.lines().findFirst().orElse(why);
    }
  }

  private void drop() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing a failed health connection", e);
      }
      connection = null;
    }
  }

  @Override
  public synchronized void close() {
    drop();
  }
}
