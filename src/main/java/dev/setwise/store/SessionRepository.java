package dev.setwise.store;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Page;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StoredSession;
import dev.setwise.domain.StructureStats;
import dev.setwise.json.StructureJson;
import dev.setwise.json.SummaryJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions and their summary columns, always scoped to their owner. Lists read only the summary
 * columns; the snapshot is parsed for single-session reads only.
 *
 * <p>Every write of a session's structure goes through {@link #insert} (a new session, in progress
 * or already completed), {@link #write} (the snapshot of a session in progress, and its
 * completion) and {@link #amend} (a new effective structure of a completed session); {@link #delete}
 * removes one. Anything derived from a session's structure (what it holds now, see {@link #find})
 * hooks in there.
 */
public final class SessionRepository {

  /**
   * A session as it is now: the structure of its newest amendment (joined as {@code a}), else its
   * own snapshot, with the check of whichever it is; {@code amended} when it has an amendment.
   */
  private static final String SESSION_COLUMNS = "s.id, s.plan_id, s.date, s.started_at, s.ended_at, s.created_at, "
      + "s.updated_at, s.version, a.session_id IS NOT NULL AS amended, "
      + "CASE WHEN a.session_id IS NULL THEN s.session ELSE a.session END AS session, "
      + "CASE WHEN a.session_id IS NULL THEN s.snapshot_check ELSE a.session_check END AS session_check";
  /** The newest amendment of each session row {@code s} ({@code a}), if any, one step down its primary key. */
  private static final String NEWEST_AMENDMENT = " LEFT JOIN session_amendments a ON a.session_id = s.id "
      + "AND a.version = (SELECT max(m.version) FROM session_amendments m WHERE m.session_id = s.id)";
  /** PostgreSQL keeps no check of a session's own snapshot (no snapshot_check): it is read the strict way. */
  private static final String SESSION_COLUMNS_POSTGRESQL = SESSION_COLUMNS.replace("s.snapshot_check", "NULL");
  /** One session of its owner by id; built once, so a kept statement is found without hashing its text again. */
  private static final String BY_ID = "SELECT " + SESSION_COLUMNS + " FROM sessions s" + NEWEST_AMENDMENT
      + " WHERE s.id = ? AND s.user_id = ?";
  private static final String BY_ID_POSTGRESQL = "SELECT " + SESSION_COLUMNS_POSTGRESQL + " FROM sessions s"
      + NEWEST_AMENDMENT + " WHERE s.id = ? AND s.user_id = ?";
  private static final String HEAD = "SELECT id, plan_id, date, started_at, ended_at, created_at, updated_at, "
      + "version, name, CASE WHEN ended_at IS NULL THEN FALSE ELSE EXISTS (SELECT 1 FROM session_amendments a "
      + "WHERE a.session_id = sessions.id) END AS amended FROM sessions WHERE id = ? AND user_id = ?";
  private static final String ID_TAKEN = "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?) "
      + "OR EXISTS (SELECT 1 FROM changes WHERE entity_type = 'session' AND entity_id = ?)";

  /**
   * A structure made ready to store: its JSON text, the check of that text and its summary
   * columns. Made before the write transaction ({@link #prepare}), so that the writer is held only
   * for the statements themselves.
   */
  public record Snapshot(SessionStructure structure, String text, long check, StructureStats stats,
      String summaryName, String summaryTail) {}

  /**
   * What the rules of a write look at, without the snapshot: where the session is in its life,
   * its version and what it was created with.
   */
  public record Head(UUID id, UUID planId, LocalDate date, Instant startedAt, Instant endedAt, Instant createdAt,
      Instant updatedAt, long version, boolean amended, String summaryName) {

    public boolean completed() {
      return endedAt != null;
    }
  }

  private final StructureJson json;
  /** The progress tables derived from completed sessions: kept right here, in the same transaction. */
  private final SetLogRepository derived;

  public SessionRepository(StructureJson json) {
    this.json = json;
    this.derived = new SetLogRepository(json);
  }

  /** The mapper of stored texts: snapshots and summaries ({@link SummaryJson}). */
  public JsonMapper mapper() {
    return json.mapper();
  }

  /** Serialises {@code structure} and computes its check and summary; no database needed (any thread). */
  public Snapshot prepare(SessionStructure structure) {
    String text = json.write(structure);
    StructureStats stats = structure.stats();
    String name = summaryName(structure);
    // the stored summary's figures of a session never amended (StoredSummary), made here, outside the writer
    String tail = SummaryJson.tail(json.mapper(), false, name, structure.unit(), stats.exerciseCount(),
        stats.setCount(), stats.completedSetCount(), stats.volume());
    return new Snapshot(structure, text, SnapshotCheck.of(text), stats, name, tail);
  }

  /**
   * Inserts a session with its summary columns.
   *
   * @throws ConflictException when the schema finds another in-progress session of the owner, or
   *     a session with this id
   */
  public void insert(Tx tx, UUID ownerId, Session session) throws SQLException {
    insert(tx, ownerId, session, prepare(session.structure()));
  }

  /** {@link #insert(Tx, UUID, Session)} with the snapshot already {@linkplain #prepare prepared}. */
  public void insert(Tx tx, UUID ownerId, Session session, Snapshot snapshot) throws SQLException {
    try {
      PreparedStatement statement = tx.statement(insertSql(tx.dialect()));
      bindInsert(statement, tx.dialect(), json.mapper(), ownerId, session, snapshot);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw insertFailed(tx, e);
    }
    if (session.completed()) {
      // a session just inserted has no derived rows yet (they go with their session): only add them
      derived.add(tx, ownerId, session);
    }
  }

  /**
   * Many new sessions of {@code ownerId} inserted in JDBC batches, each with the rows {@link #insert}
   * writes ({@link SessionBatch}); for an import. Close it in {@code tx}.
   */
  public SessionBatch batch(Tx tx, UUID ownerId) throws SQLException {
    return new SessionBatch(tx, ownerId, json.mapper());
  }

  /**
   * Replaces the snapshot (and summary) of an in-progress session, optionally completing it, as
   * version {@code fromVersion + 1}, only over {@code fromVersion} (compare-and-set). The schema
   * refuses any change to a completed session.
   *
   * @return false when no in-progress session of this owner has that id at {@code fromVersion}
   */
  public boolean write(Tx tx, UUID ownerId, UUID id, SessionStructure structure, Instant endedAt, Instant updatedAt,
      long fromVersion) throws SQLException {
    return write(tx, ownerId, id, prepare(structure), endedAt, updatedAt, fromVersion, null);
  }

  /**
   * {@link #write(Tx, UUID, UUID, SessionStructure, Instant, Instant, long)} of a {@linkplain
   * #prepare prepared} snapshot. {@code currentName} is the summary name stored now, when the
   * caller knows it (null: unknown): a name that stays is not written again, nor is the end of a
   * session that stays in progress, so that an autosave leaves the indexes on them alone.
   */
  public boolean write(Tx tx, UUID ownerId, UUID id, Snapshot snapshot, Instant endedAt, Instant updatedAt,
      long fromVersion, String currentName) throws SQLException {
    boolean renamed = !snapshot.summaryName().equals(currentName);
    boolean checked = tx.dialect() == Dialect.SQLITE;
    StringBuilder sql = new StringBuilder(InProgressSave.SET);
    if (checked) {
      // the check of the snapshot goes with it, in the same row (V17)
      sql.append(", snapshot_check = ?");
    }
    if (renamed) {
      sql.append(", name = ?");
    }
    if (endedAt != null) {
      sql.append(", ended_at = ?");
    }
    sql.append(endedAt != null ? StoredSummary.withEnd(tx.dialect()) : StoredSummary.keepingEnd(tx.dialect()));
    sql.append(" WHERE id = ? AND user_id = ? AND ended_at IS NULL AND version = ?");
    // the save path: compiled once on the write connection (Tx.prepare), where every trigger comes with it
    try (PreparedStatement statement = tx.prepare(sql.toString())) {
      int i = InProgressSave.bindSnapshot(statement, snapshot, updatedAt, checked);
      if (renamed) {
        statement.setString(i++, snapshot.summaryName());
      }
      if (endedAt != null) {
        Rows.setInstant(statement, i++, endedAt);
        statement.setString(i++, SummaryJson.ended(json.mapper(), endedAt));
      }
      statement.setString(i++, SummaryJson.updated(json.mapper(), updatedAt));
      statement.setString(i++, snapshot.summaryTail());
      Rows.setUuid(statement, i++, id);
      Rows.setUuid(statement, i++, ownerId);
      statement.setLong(i, fromVersion);
      if (statement.executeUpdate() != 1) {
        return false;
      }
    }
    if (endedAt != null) {
      derived.rederive(tx, id);
    }
    return true;
  }

  /** The SQL of {@link #insert} on PostgreSQL, which keeps no check of a session's snapshot. */
  private static final String INSERT = "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, "
      + "session, name, unit, exercise_count, set_count, completed_set_count, volume, created_at, updated_at, "
      + "version, summary, summary_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  /** The same on SQLite, with the check of the snapshot in the same row (V17). */
  private static final String INSERT_CHECKED = INSERT.replace("summary_version) VALUES (", "summary_version, snapshot_check) VALUES (?, ");

  /** The SQL of {@link #insert} in {@code dialect}, also sent in batches by {@link SessionBatch}. */
  static String insertSql(Dialect dialect) {
    return dialect == Dialect.SQLITE ? INSERT_CHECKED : INSERT;
  }

  /** Binds the parameters of {@link #insertSql}. */
  static void bindInsert(PreparedStatement statement, Dialect dialect, JsonMapper mapper, UUID ownerId,
      Session session, Snapshot snapshot) throws SQLException {
    StructureStats stats = snapshot.stats();
    Rows.setUuid(statement, 1, session.id());
    Rows.setUuid(statement, 2, ownerId);
    Rows.setUuid(statement, 3, session.planId());
    Rows.setDate(statement, 4, session.date());
    Rows.setInstant(statement, 5, session.startedAt());
    Rows.setInstant(statement, 6, session.endedAt());
    statement.setString(7, snapshot.text());
    statement.setString(8, snapshot.summaryName());
    statement.setString(9, snapshot.structure().unit().code());
    statement.setInt(10, stats.exerciseCount());
    statement.setInt(11, stats.setCount());
    statement.setInt(12, stats.completedSetCount());
    statement.setDouble(13, stats.volume());
    Rows.setInstant(statement, 14, session.createdAt());
    Rows.setInstant(statement, 15, session.updatedAt());
    statement.setLong(16, session.version());
    statement.setString(17, StoredSummary.of(mapper, new SessionSummary(session.id(), session.planId(),
        session.date(), session.startedAt(), session.endedAt(), snapshot.summaryName(),
        snapshot.structure().unit(), stats.exerciseCount(), stats.setCount(), stats.completedSetCount(),
        stats.volume(), session.createdAt(), session.updatedAt(), session.version(), false)));
    statement.setLong(18, session.version());
    if (dialect == Dialect.SQLITE) {
      statement.setLong(19, snapshot.check());
    }
  }

  /** What a failed insert of a session means: a conflict the schema found, else the failure itself. */
  static SQLException insertFailed(Tx tx, SQLException e) {
    if (tx.dialect().uniqueViolated(e, "sessions.user_id", "sessions_one_in_progress")) {
      throw new ConflictException(Messages.SESSION_IN_PROGRESS);
    }
    String message = String.valueOf(e.getMessage());
    if (tx.dialect().uniqueViolated(e, "sessions.id", "sessions_pkey", "changes_pkey")
        || message.contains("used by a deleted session")) {
      throw new ConflictException(Messages.SESSION_EXISTS);
    }
    return e;
  }

  /**
   * Records an amendment of a completed session: {@code structure} becomes what the session holds
   * (its summary columns follow it) as version {@code fromVersion + 1}, only over {@code fromVersion};
   * the original snapshot and earlier amendments stay as they are (the schema refuses anything else).
   *
   * @return false when no completed session of this owner has that id at {@code fromVersion}
   */
  public boolean amend(Tx tx, UUID ownerId, UUID id, SessionStructure structure, String reason, Instant at,
      long fromVersion) throws SQLException {
    StructureStats stats = structure.stats();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO session_amendments (session_id, user_id, version, reason, at, name, unit, exercise_count, "
            + "set_count, completed_set_count, volume, session, session_check) "
            + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            + "WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ? AND user_id = ? AND version = ? "
            + "AND ended_at IS NOT NULL)")) {
      String text = json.write(structure);
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      statement.setLong(3, fromVersion + 1);
      statement.setString(4, reason);
      Rows.setInstant(statement, 5, at);
      statement.setString(6, summaryName(structure));
      statement.setString(7, structure.unit().code());
      statement.setInt(8, stats.exerciseCount());
      statement.setInt(9, stats.setCount());
      statement.setInt(10, stats.completedSetCount());
      statement.setDouble(11, stats.volume());
      statement.setString(12, text);
      statement.setLong(13, SnapshotCheck.of(text));
      Rows.setUuid(statement, 14, id);
      Rows.setUuid(statement, 15, ownerId);
      statement.setLong(16, fromVersion);
      if (statement.executeUpdate() != 1) {
        return false;
      }
    }
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE sessions SET name = ?, unit = ?, exercise_count = ?, set_count = ?, completed_set_count = ?, "
            + "volume = ?, updated_at = ?" + StoredSummary.keepingEnd(tx.dialect()) + ", version = version + 1 "
            + "WHERE id = ? AND user_id = ? AND version = ?")) {
      statement.setString(1, summaryName(structure));
      statement.setString(2, structure.unit().code());
      statement.setInt(3, stats.exerciseCount());
      statement.setInt(4, stats.setCount());
      statement.setInt(5, stats.completedSetCount());
      statement.setDouble(6, stats.volume());
      Rows.setInstant(statement, 7, at);
      int i = StoredSummary.bind(statement, 8, json.mapper(), null, at, true, summaryName(structure),
          structure.unit(), stats);
      Rows.setUuid(statement, i++, id);
      Rows.setUuid(statement, i++, ownerId);
      statement.setLong(i, fromVersion);
      if (statement.executeUpdate() != 1) {
        throw new SQLException("the amended session did not take its amendment");
      }
    }
    // records, charts and last time count the session with its newest amendment
    derived.rederive(tx, id);
    return true;
  }

  /**
   * Every recorded state of the owner's session, oldest first: the original as completed (reason
   * null, at its end, at the version it had before its first amendment), then each amendment.
   * Empty when the owner has no such session; just the original for one never amended (or the
   * snapshot so far, for one in progress).
   */
  public List<SessionAmendment> amendments(Tx tx, UUID ownerId, UUID id) throws SQLException {
    List<SessionAmendment> found = new ArrayList<>();
    long version;
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT ended_at, updated_at, version, session, " + (tx.dialect() == Dialect.SQLITE
            ? "snapshot_check" : "NULL")
            + " AS session_check, (SELECT count(*) FROM session_amendments a "
            + "WHERE a.session_id = sessions.id) AS amendments FROM sessions WHERE id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return found;
        }
        Instant at = rs.getObject("ended_at") != null ? Rows.instant(rs, "ended_at") : Rows.instant(rs, "updated_at");
        version = rs.getLong("version") - rs.getLong("amendments");
        found.add(new SessionAmendment(version, null, at, structure(rs)));
      }
    }
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT version, reason, at, session, session_check FROM session_amendments WHERE session_id = ? AND user_id = ? "
            + "ORDER BY version")) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(new SessionAmendment(rs.getLong("version"), rs.getString("reason"), Rows.instant(rs, "at"),
              structure(rs)));
        }
      }
    }
    return found;
  }

  /** How many amendments the owner's session has (a range of their primary key). */
  public long amendmentCount(Tx tx, UUID ownerId, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT count(*) FROM session_amendments WHERE session_id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  public Optional<Session> find(Tx tx, UUID ownerId, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(tx.dialect() == Dialect.SQLITE ? BY_ID : BY_ID_POSTGRESQL);
    Rows.setUuid(statement, 1, id);
    Rows.setUuid(statement, 2, ownerId);
    return one(statement);
  }

  /**
   * The owner's session with its snapshot as JSON text that is known to be valid: the stored text
   * itself when it is exactly what Setwise wrote (its check matches), else the text validated in
   * full and written again (so a damaged row still fails). For answers that carry the snapshot as
   * it is ({@code GET /api/sessions/{id}}).
   *
   * @throws IllegalStateException when the snapshot does not hold a valid structure (a corrupt row)
   */
  public Optional<StoredSession> findStored(Tx tx, UUID ownerId, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.prepare(tx.dialect() == Dialect.SQLITE ? BY_ID : BY_ID_POSTGRESQL)) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        // by position, in the order of SESSION_COLUMNS: by name, the driver looks each one up on every call
        Rows.StoredText stored = Rows.checkedText(rs, 10, 11);
        String text = stored.trusted() ? stored.text() : json.write(json.read(stored.text()));
        return Optional.of(new StoredSession(Rows.uuid(rs, 1), Rows.uuid(rs, 2), Rows.date(rs, 3),
            Rows.instant(rs, 4), Rows.instant(rs, 5), text, Rows.instant(rs, 6),
            Rows.instant(rs, 7), rs.getLong(8), rs.getBoolean(9)));
      }
    }
  }

  /**
   * What the rules of a write need of the owner's session, without reading its snapshot: one row
   * of summary columns.
   */
  public Optional<Head> head(Tx tx, UUID ownerId, UUID id) throws SQLException {
    // Read by position (no look-up of names); only a completed session can have amendments, so
    // the save of one in progress does not look for them.
    try (PreparedStatement statement = tx.prepare(HEAD)) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Head(Rows.uuid(rs, 1), Rows.uuid(rs, 2), Rows.date(rs, 3), Rows.instant(rs, 4),
            Rows.instant(rs, 5), Rows.instant(rs, 6), Rows.instant(rs, 7), rs.getLong(8), rs.getBoolean(10),
            rs.getString(9)));
      }
    }
  }

  public Optional<Session> findInProgress(Tx tx, UUID ownerId) throws SQLException {
    PreparedStatement statement = tx.statement("SELECT " + sessionColumns(tx) + " FROM sessions s"
        + NEWEST_AMENDMENT + " WHERE s.user_id = ? AND s.ended_at IS NULL");
    Rows.setUuid(statement, 1, ownerId);
    return one(statement);
  }

  /**
   * True when a session with this id exists in any profile, or existed: the id of a deleted
   * session stays taken by its tombstone in the change feed.
   */
  public boolean idTaken(Tx tx, UUID id) throws SQLException {
    if (tx.dialect() == Dialect.POSTGRESQL) {
      // every profile's feed, past row-level security: the schema's function answers only yes or no
      try (PreparedStatement statement = tx.connection().prepareStatement("SELECT setwise_id_taken('session', ?)")) {
        Rows.setUuid(statement, 1, id);
        try (ResultSet rs = statement.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    }
    PreparedStatement statement = tx.statement(ID_TAKEN);
    Rows.setUuid(statement, 1, id);
    Rows.setUuid(statement, 2, id);
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() && rs.getBoolean(1);
    }
  }

  /** True when a session with this id exists in any profile. */
  public boolean exists(Tx tx, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)")) {
      Rows.setUuid(statement, 1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Deleting also deletes the progress rows derived from the session (cascade and trigger in the
   * schema). @return false when the owner has no session with that id at {@code fromVersion}
   */
  public boolean delete(Tx tx, UUID ownerId, UUID id, long fromVersion) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM sessions WHERE id = ? AND user_id = ? AND version = ?")) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      statement.setLong(3, fromVersion);
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * One page of summaries and the total that match, read in the caller's transaction; the total
   * comes from counters and covering indexes, not from counting rows ({@link SessionList}).
   */
  public Page<SessionSummary> list(Tx tx, UUID ownerId, SessionQuery query) throws SQLException {
    // counters kept by the schema's triggers, its covering indexes, trigram name search (decisions 32, 49)
    return SessionList.list(tx, ownerId, query, true, SessionList.SUMMARIES);
  }

  /**
   * {@link #list} as the texts of the REST list's items ({@link SummaryJson}, UTF-8): each row's
   * stored summary where it is fresh (docs/decisions/0066), else its columns written out.
   */
  public Page<byte[]> listTexts(Tx tx, UUID ownerId, SessionQuery query) throws SQLException {
    return SessionList.list(tx, ownerId, query, true, SessionList.texts(tx.dialect(), json.mapper()));
  }

  /** One page of summaries without its total (which is then -1): the next page of filters already counted. */
  public Page<SessionSummary> listPage(Tx tx, UUID ownerId, SessionQuery query) throws SQLException {
    return SessionList.list(tx, ownerId, query, false, SessionList.SUMMARIES);
  }

  private Optional<Session> one(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      // by position, in the order of SESSION_COLUMNS
      return Optional.of(new Session(Rows.uuid(rs, 1), Rows.uuid(rs, 2), Rows.date(rs, 3),
          Rows.instant(rs, 4), Rows.instant(rs, 5), structure(Rows.checkedText(rs, 10, 11)),
          Rows.instant(rs, 6), Rows.instant(rs, 7), rs.getLong(8), rs.getBoolean(9)));
    }
  }

  /** The structure in the row's {@code session} column: bound at once when its check matches, else validated. */
  private SessionStructure structure(ResultSet rs) throws SQLException {
    return structure(Rows.checkedText(rs, "session", "session_check"));
  }

  /** The same from a stored text already read. */
  private SessionStructure structure(Rows.StoredText stored) {
    return stored.trusted() ? json.readTrusted(stored.text()) : json.read(stored.text());
  }

  private static String sessionColumns(Tx tx) {
    return tx.dialect() == Dialect.SQLITE ? SESSION_COLUMNS : SESSION_COLUMNS_POSTGRESQL;
  }

  private static String summaryName(SessionStructure structure) {
    return structure.name() == null ? "Workout" : structure.name();
  }

}
