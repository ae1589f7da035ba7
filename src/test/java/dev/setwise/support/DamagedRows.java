package dev.setwise.support;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Damage of the kind a bit-flipped or badly copied file holds, made with raw SQL on a real
 * database: bytes the schema's CHECKs would refuse, a row changed behind its triggers, an index
 * that lost an entry. For tests of what reads such a file.
 */
public final class DamagedRows {

  private final Path database;
  /** The PostgreSQL database of the test context; null for the SQLite file. */
  private final String postgres;

  public DamagedRows(Path dataDir) {
    this.database = dataDir.resolve("setwise.db");
    this.postgres = null;
  }

  private DamagedRows(String postgresDatabase) {
    this.database = null;
    this.postgres = postgresDatabase;
  }

  /** Damage to the database of {@code t}: its SQLite file, or its PostgreSQL database. */
  public static DamagedRows of(TestContext t) {
    return t.onPostgres() ? new DamagedRows(t.database) : new DamagedRows(t.dataDir);
  }

  /**
   * PostgreSQL's types refused to hold the bytes (text that is not UTF-8, jsonb that is not JSON,
   * a CHECK): a server database cannot carry that damage, only a file can.
   */
  public static final class Refused extends IllegalStateException {
    Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Replaces a session's snapshot with {@code bytes}, whatever its state, past every CHECK. */
  public void snapshot(String sessionId, byte[] bytes) {
    column("sessions", "session", sessionId, bytes);
  }

  /** Replaces a plan's structure with {@code bytes}. */
  public void structure(String planId, byte[] bytes) {
    column("plans", "structure", planId, bytes);
  }

  /** Replaces one column of one row with {@code bytes} stored as TEXT. */
  public void column(String table, String column, String id, byte[] bytes) {
    if (postgres != null) {
      postgresColumn(table, column, id, bytes);
      return;
    }
    try (Connection raw = open(); Statement statement = raw.createStatement()) {
      statement.execute("PRAGMA ignore_check_constraints = ON");
      // Damage comes from outside the rules: no trigger of the table sees it (immutability,
      // versions, the change feed), so they are set aside for the one update and put back.
      java.util.List<String[]> triggers = new java.util.ArrayList<>();
      try (PreparedStatement find = raw.prepareStatement(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = ?")) {
        find.setString(1, table);
        try (ResultSet rs = find.executeQuery()) {
          while (rs.next()) {
            triggers.add(new String[] {rs.getString(1), rs.getString(2)});
          }
        }
      }
      raw.setAutoCommit(false);
      for (String[] trigger : triggers) {
        statement.execute("DROP TRIGGER \"" + trigger[0] + "\"");
      }
      try (PreparedStatement update = raw.prepareStatement(
          "UPDATE " + table + " SET " + column + " = CAST(? AS TEXT) WHERE id = ?")) {
        update.setBytes(1, bytes);
        update.setString(2, id);
        if (update.executeUpdate() != 1) {
          throw new IllegalArgumentException("no " + table + " row " + id);
        }
      }
      for (String[] trigger : triggers) {
        statement.execute(trigger[1]);
      }
      raw.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * On PostgreSQL: the same update as the superuser, whom row-level security does not bind, with
   * the table's triggers off for it ({@code session_replication_role = replica}); the column's own
   * type and CHECKs still apply, and what they refuse throws {@link Refused}.
   */
  private void postgresColumn(String table, String column, String id, byte[] bytes) {
    try (Connection raw = PostgresServer.get().connectAsSuperuser(postgres);
        Statement statement = raw.createStatement()) {
      raw.setAutoCommit(false);
      statement.execute("SET LOCAL session_replication_role = replica");
      String type;
      try (PreparedStatement find = raw.prepareStatement(
          "SELECT format_type(atttypid, atttypmod) FROM pg_attribute WHERE attrelid = ?::regclass AND attname = ?")) {
        find.setString(1, table);
        find.setString(2, column);
        try (ResultSet rs = find.executeQuery()) {
          rs.next();
          type = rs.getString(1);
        }
      }
      String value = type.equals("bytea") ? "?" : "convert_from(?, 'UTF8')::" + type;
      try (PreparedStatement update = raw.prepareStatement(
          "UPDATE " + table + " SET " + column + " = " + value + " WHERE id::text = ?")) {
        update.setBytes(1, bytes);
        update.setString(2, id);
        int updated;
        try {
          updated = update.executeUpdate();
        } catch (SQLException refused) {
          throw new Refused(table + "." + column + " (" + type + ") cannot hold those bytes", refused);
        }
        if (updated != 1) {
          throw new IllegalArgumentException("no " + table + " row " + id);
        }
      }
      raw.commit();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Like {@link #column(String, String, String, byte[])} with UTF-8 text. */
  public void column(String table, String column, String id, String text) {
    column(table, column, id, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Makes the index {@code index} (on {@code table (columns)}) lose the entry of row {@code id}, as
   * a damaged index page would: the pages of a copy without that entry take its place. The table
   * keeps the row; reads through the index no longer see it, and no error says so.
   */
  public void dropIndexEntry(String index, String table, String columns, String id) {
    try (Connection raw = open(); Statement statement = raw.createStatement()) {
      statement.execute("CREATE INDEX damaged_copy ON " + table + " (" + columns + ") WHERE id <> '" + id + "'");
      long rootPage;
      long schemaVersion;
      try (ResultSet rs = statement.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = 'damaged_copy'")) {
        rs.next();
        rootPage = rs.getLong(1);
      }
      try (ResultSet rs = statement.executeQuery("PRAGMA schema_version")) {
        rs.next();
        schemaVersion = rs.getLong(1);
      }
      statement.execute("PRAGMA writable_schema = ON");
      statement.execute("UPDATE sqlite_schema SET rootpage = " + rootPage + " WHERE name = '" + index + "'");
      statement.execute("DELETE FROM sqlite_schema WHERE name = 'damaged_copy'");
      // connections already open must read the changed schema
      statement.execute("PRAGMA schema_version = " + (schemaVersion + 1));
      statement.execute("PRAGMA writable_schema = OFF");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection open() throws SQLException {
    Connection raw = DriverManager.getConnection("jdbc:sqlite:" + database);
    try (Statement statement = raw.createStatement()) {
      statement.execute("PRAGMA busy_timeout = 10000");
    }
    return raw;
  }
}
