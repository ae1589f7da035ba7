package dev.setwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The reads and bookkeeping of export and import. Rows are streamed one at a time straight from
 * the cursor (sqlite-jdbc steps the statement as {@link ResultSet#next()} is called), so memory
 * stays flat however long the history is. Snapshots are handed over as the JSON text the store
 * keeps: an export copies them without parsing.
 */
public final class ExchangeRepository {

  /** A plan as stored, its structure as JSON text ({@code null} when the column is not readable text). */
  public record PlanRow(UUID id, String name, String structureJson, boolean hasSessions, boolean archived,
      Instant createdAt, Instant updatedAt) {}

  /**
   * A session as stored, its snapshot as JSON text ({@code null} when the column is not readable
   * text). The snapshot is always the original; {@code version} is the version it was recorded at
   * (for an amended session, the version before its first amendment) and {@code amended} says
   * whether amendments follow.
   */
  public record SessionRow(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt,
      String sessionJson, Instant createdAt, Instant updatedAt, long version, boolean amended) {}

  /** An amendment as stored (contract §5.1a), its structure as JSON text. */
  public record AmendmentRow(UUID sessionId, long version, String reason, Instant at, String sessionJson) {}

  /** One earlier import of a file. */
  public record ImportRecord(UUID id, UUID ownerId, String source, String fileName, String sha256, int plansAdded,
      long sessionsAdded, long skipped, Instant importedAt) {}

  /**
   * A row whose columns cannot be read as their types (an id that is not a UUID, a date that is
   * not a date …): the file is damaged. Carries what could be read of the row, to name it.
   */
  public static final class DamagedRow extends RuntimeException {

    private final String id;
    private final String label;

    DamagedRow(String id, String label, Throwable cause) {
      super("Damaged row " + id + " (" + label + ")", cause);
      this.id = id;
      this.label = label;
    }

    /** The id column as stored (may itself be damaged or null). */
    public String id() {
      return id;
    }

    /** The date of a session or the name of a plan, as stored (may be null). */
    public String label() {
      return label;
    }
  }

  /** Receives streamed rows; may throw to stop the stream. */
  @FunctionalInterface
  public interface RowSink<T> {
    void accept(T row) throws SQLException;
  }

  public long countPlans(Tx tx, UUID ownerId) throws SQLException {
    return count(tx, "SELECT count(*) FROM plans WHERE user_id = ?", ownerId);
  }

  public long countSessions(Tx tx, UUID ownerId) throws SQLException {
    return count(tx, "SELECT count(*) FROM sessions WHERE user_id = ?", ownerId);
  }

  /**
   * Plans of the owner counted from the table itself, bypassing every index: a damaged index can
   * leave rows out of {@link #streamPlans} without an error, and this count says so.
   */
  public long countPlansInTable(Tx tx, UUID ownerId) throws SQLException {
    return count(tx, "SELECT count(*) FROM plans NOT INDEXED WHERE user_id = ?", ownerId);
  }

  /** Amendments of the owner's sessions, counted from the table itself (it has no index on the owner). */
  public long countAmendments(Tx tx, UUID ownerId) throws SQLException {
    return count(tx, "SELECT count(*) FROM session_amendments WHERE user_id = ?", ownerId);
  }

  /** Sessions of the owner counted from the table itself; see {@link #countPlansInTable}. */
  public long countSessionsInTable(Tx tx, UUID ownerId) throws SQLException {
    return count(tx, "SELECT count(*) FROM sessions NOT INDEXED WHERE user_id = ?", ownerId);
  }

  /** Every plan of the owner, archived too, oldest first (ties by id): a stable order for exports. */
  public void streamPlans(Tx tx, UUID ownerId, RowSink<PlanRow> sink) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT id, name, structure, has_sessions, archived, created_at, updated_at FROM plans "
            + "WHERE user_id = ? ORDER BY created_at, id")) {
      Rows.setUuid(statement, 1, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          PlanRow row;
          try {
            row = new PlanRow(Rows.uuid(rs, "id"), rs.getString("name"), Rows.strictText(rs, "structure"),
                rs.getInt("has_sessions") == 1, rs.getInt("archived") == 1,
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
          } catch (RuntimeException e) {
            throw new DamagedRow(rs.getString("id"), rs.getString("name"), e);
          }
          sink.accept(row);
        }
      }
    }
  }

  /** Every session of the owner, oldest start first (ties by id), through the started-at index. */
  public void streamSessions(Tx tx, UUID ownerId, RowSink<SessionRow> sink) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT id, plan_id, date, started_at, ended_at, session, created_at, updated_at, "
            + "version - (SELECT count(*) FROM session_amendments a WHERE a.session_id = sessions.id) AS original, "
            + "EXISTS (SELECT 1 FROM session_amendments a WHERE a.session_id = sessions.id) AS amended "
            + "FROM sessions WHERE user_id = ? ORDER BY started_at, id")) {
      Rows.setUuid(statement, 1, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          SessionRow row;
          try {
            row = new SessionRow(Rows.uuid(rs, "id"), Rows.uuid(rs, "plan_id"), Rows.date(rs, "date"),
                Rows.instant(rs, "started_at"), Rows.instant(rs, "ended_at"), Rows.strictText(rs, "session"),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getLong("original"),
                rs.getInt("amended") == 1);
          } catch (RuntimeException e) {
            throw new DamagedRow(rs.getString("id"), rs.getString("date"), e);
          }
          sink.accept(row);
        }
      }
    }
  }

  /**
   * Every amendment of the owner's sessions, in the order of {@link #streamSessions} and, within a
   * session, oldest first: the order of the export's {@code amendments}.
   */
  public void streamAmendments(Tx tx, UUID ownerId, RowSink<AmendmentRow> sink) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT a.session_id, a.version, a.reason, a.at, a.session FROM sessions s "
            + "JOIN session_amendments a ON a.session_id = s.id "
            + "WHERE s.user_id = ? ORDER BY s.started_at, s.id, a.version")) {
      Rows.setUuid(statement, 1, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          AmendmentRow row;
          try {
            row = new AmendmentRow(Rows.uuid(rs, "session_id"), rs.getLong("version"), rs.getString("reason"),
                Rows.instant(rs, "at"), Rows.strictText(rs, "session"));
          } catch (RuntimeException e) {
            throw new DamagedRow(rs.getString("session_id"), "amendment " + rs.getString("version"), e);
          }
          sink.accept(row);
        }
      }
    }
  }

  /**
   * The version of the owner's session with this id, whether it is completed, and the amendments it
   * has as {@code at|reason} keys (an import tells an amendment it already has from a new one).
   */
  public record StoredSession(long version, boolean completed, java.util.Set<String> amendmentKeys) {}

  public Optional<StoredSession> storedSession(Tx tx, UUID ownerId, UUID sessionId) throws SQLException {
    long version;
    boolean completed;
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT version, ended_at IS NOT NULL AS completed FROM sessions WHERE id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, sessionId);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        version = rs.getLong("version");
        completed = rs.getInt("completed") == 1;
      }
    }
    java.util.Set<String> keys = new java.util.HashSet<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT at, reason FROM session_amendments WHERE session_id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, sessionId);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          keys.add(amendmentKey(Rows.instant(rs, "at"), rs.getString("reason")));
        }
      }
    }
    return Optional.of(new StoredSession(version, completed, keys));
  }

  /** What tells two amendments of one session apart: when they were made and why. */
  public static String amendmentKey(Instant at, String reason) {
    return at.toEpochMilli() + "|" + reason;
  }

  /** The profile that owns the plan with this id, whoever it is. */
  public Optional<UUID> planOwner(Tx tx, UUID planId) throws SQLException {
    return owner(tx, "SELECT user_id FROM plans WHERE id = ?", planId);
  }

  /** The profile that owns the session with this id, whoever it is. */
  public Optional<UUID> sessionOwner(Tx tx, UUID sessionId) throws SQLException {
    return owner(tx, "SELECT user_id FROM sessions WHERE id = ?", sessionId);
  }

  /** True when a plan with this id was deleted (its tombstone keeps the id taken). */
  public boolean planDeleted(Tx tx, UUID planId) throws SQLException {
    return tombstone(tx, "plan", planId);
  }

  /** True when a session with this id was deleted (its tombstone keeps the id taken). */
  public boolean sessionDeleted(Tx tx, UUID sessionId) throws SQLException {
    return tombstone(tx, "session", sessionId);
  }

  public void insertImport(Tx tx, ImportRecord record) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO imports (id, user_id, source, file_name, sha256, plans_added, sessions_added, skipped, "
            + "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, record.id());
      Rows.setUuid(statement, 2, record.ownerId());
      statement.setString(3, record.source());
      statement.setString(4, record.fileName());
      statement.setString(5, record.sha256());
      statement.setInt(6, record.plansAdded());
      statement.setLong(7, record.sessionsAdded());
      statement.setLong(8, record.skipped());
      Rows.setInstant(statement, 9, record.importedAt());
      statement.executeUpdate();
    }
  }

  /** The latest import of a file with this digest into the owner's profile. */
  public Optional<ImportRecord> lastImportOf(Tx tx, UUID ownerId, String sha256) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT id, user_id, source, file_name, sha256, plans_added, sessions_added, skipped, imported_at "
            + "FROM imports WHERE user_id = ? AND sha256 = ? ORDER BY imported_at DESC LIMIT 1")) {
      Rows.setUuid(statement, 1, ownerId);
      statement.setString(2, sha256);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new ImportRecord(Rows.uuid(rs, "id"), Rows.uuid(rs, "user_id"), rs.getString("source"),
            rs.getString("file_name"), rs.getString("sha256"), rs.getInt("plans_added"),
            rs.getLong("sessions_added"), rs.getLong("skipped"), Rows.instant(rs, "imported_at")));
      }
    }
  }

  private static long count(Tx tx, String sql, UUID ownerId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      Rows.setUuid(statement, 1, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static boolean tombstone(Tx tx, String entityType, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM changes WHERE entity_type = ? AND entity_id = ? AND deleted = 1)")) {
      statement.setString(1, entityType);
      Rows.setUuid(statement, 2, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  private static Optional<UUID> owner(Tx tx, String sql, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      Rows.setUuid(statement, 1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(Rows.uuid(rs, "user_id")) : Optional.empty();
      }
    }
  }
}
