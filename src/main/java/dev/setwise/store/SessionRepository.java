package dev.setwise.store;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Page;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StructureStats;
import dev.setwise.domain.Unit;
import dev.setwise.json.StructureJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sessions and their summary columns, always scoped to their owner. Lists read only the summary
 * columns; the snapshot is parsed for single-session reads only.
 */
public final class SessionRepository {

  private static final String SUMMARY_COLUMNS = "id, plan_id, date, started_at, ended_at, name, unit, "
      + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at";

  /** Sort key of ended_at: a session still in progress sorts as the latest (see sessions_by_ended). */
  private static final String STILL_RUNNING = "9223372036854775807";
  private static final String ENDED_KEY = "ifnull(ended_at, " + STILL_RUNNING + ")";

  private final StructureJson json;
  /** The progress tables derived from completed sessions: kept right here, in the same transaction. */
  private final SetLogRepository derived;

  public SessionRepository(StructureJson json) {
    this.json = json;
    this.derived = new SetLogRepository(json);
  }

  /**
   * Inserts a session with its summary columns.
   *
   * @throws ConflictException when the schema finds another in-progress session of the owner
   */
  public void insert(Tx tx, UUID ownerId, Session session) throws SQLException {
    StructureStats stats = session.structure().stats();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, exercise_count, "
            + "set_count, completed_set_count, volume, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, session.id());
      Rows.setUuid(statement, 2, ownerId);
      Rows.setUuid(statement, 3, session.planId());
      Rows.setDate(statement, 4, session.date());
      Rows.setInstant(statement, 5, session.startedAt());
      Rows.setInstant(statement, 6, session.endedAt());
      statement.setString(7, json.write(session.structure()));
      statement.setString(8, summaryName(session.structure()));
      statement.setString(9, session.structure().unit().code());
      statement.setInt(10, stats.exerciseCount());
      statement.setInt(11, stats.setCount());
      statement.setInt(12, stats.completedSetCount());
      statement.setDouble(13, stats.volume());
      Rows.setInstant(statement, 14, session.createdAt());
      Rows.setInstant(statement, 15, session.updatedAt());
      statement.executeUpdate();
    } catch (SQLException e) {
      if (isOneInProgressViolation(e)) {
        throw new ConflictException(Messages.SESSION_IN_PROGRESS);
      }
      throw e;
    }
    if (session.completed()) {
      derived.replace(tx, ownerId, session);
    }
  }

  /**
   * Replaces the snapshot (and summary) of an in-progress session; optionally completes it.
   * The schema refuses any change to a completed session.
   *
   * @return false when no in-progress session of this owner has that id
   */
  public boolean write(Tx tx, UUID ownerId, UUID id, SessionStructure structure, Instant endedAt, Instant updatedAt)
      throws SQLException {
    StructureStats stats = structure.stats();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE sessions SET session = ?, name = ?, unit = ?, exercise_count = ?, set_count = ?, "
            + "completed_set_count = ?, volume = ?, ended_at = ?, updated_at = ? "
            + "WHERE id = ? AND user_id = ? AND ended_at IS NULL")) {
      statement.setString(1, json.write(structure));
      statement.setString(2, summaryName(structure));
      statement.setString(3, structure.unit().code());
      statement.setInt(4, stats.exerciseCount());
      statement.setInt(5, stats.setCount());
      statement.setInt(6, stats.completedSetCount());
      statement.setDouble(7, stats.volume());
      Rows.setInstant(statement, 8, endedAt);
      Rows.setInstant(statement, 9, updatedAt);
      Rows.setUuid(statement, 10, id);
      Rows.setUuid(statement, 11, ownerId);
      boolean written = statement.executeUpdate() == 1;
      if (written && endedAt != null) {
        derived.rederive(tx, id);
      }
      return written;
    }
  }

  public Optional<Session> find(Tx tx, UUID ownerId, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT id, plan_id, date, started_at, ended_at, session, created_at, updated_at "
            + "FROM sessions WHERE id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      return one(statement);
    }
  }

  public Optional<Session> findInProgress(Tx tx, UUID ownerId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT id, plan_id, date, started_at, ended_at, session, created_at, updated_at "
            + "FROM sessions WHERE user_id = ? AND ended_at IS NULL")) {
      Rows.setUuid(statement, 1, ownerId);
      return one(statement);
    }
  }

  public boolean exists(Tx tx, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE id = ?)")) {
      Rows.setUuid(statement, 1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  /** Deleting also deletes the progress rows derived from the session (cascade and trigger in the schema). @return false when the owner has no session with that id */
  public boolean delete(Tx tx, UUID ownerId, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM sessions WHERE id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, id);
      Rows.setUuid(statement, 2, ownerId);
      return statement.executeUpdate() == 1;
    }
  }

  /** One page of summaries and the total that match, read in the caller's transaction. */
  public Page<SessionSummary> list(Tx tx, UUID ownerId, SessionQuery query) throws SQLException {
    StringBuilder where = new StringBuilder(" WHERE user_id = ?");
    List<Object> arguments = new ArrayList<>();
    arguments.add(ownerId.toString());
    if (query.planId() != null) {
      where.append(" AND plan_id = ?");
      arguments.add(query.planId().toString());
    }
    if (query.dateFrom() != null) {
      where.append(" AND date >= ?");
      arguments.add(query.dateFrom().toString());
    }
    if (query.dateTo() != null) {
      where.append(" AND date <= ?");
      arguments.add(query.dateTo().toString());
    }

    if (query.nameContains() != null) {
      where.append(" AND name LIKE ? ESCAPE '\\'");
      arguments.add(Rows.likeContains(query.nameContains()));
    }
    // "Completed" is written two ways on purpose. The total uses the indexed ended_at expression
    // (sessions_by_ended), so it is counted from the index alone; the page uses the plain test,
    // so the planner walks the index of the sort key and stops after one page instead of sorting
    // every completed session. "In progress" matches the partial unique index (at most one row).
    String countWhere = where.toString();
    String pageWhere = where.toString();
    if (Boolean.TRUE.equals(query.completed())) {
      countWhere += " AND " + ENDED_KEY + " < " + STILL_RUNNING;
      pageWhere += query.sort() == SessionQuery.Sort.ENDED_AT
          ? " AND " + ENDED_KEY + " < " + STILL_RUNNING : " AND ended_at IS NOT NULL";
    } else if (Boolean.FALSE.equals(query.completed())) {
      countWhere += " AND ended_at IS NULL";
      pageWhere += " AND ended_at IS NULL";
    }
    long total;
    try (PreparedStatement statement = tx.connection().prepareStatement("SELECT count(*) FROM sessions" + countWhere)) {
      bind(statement, arguments);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    String direction = query.order() == SessionQuery.Order.ASC ? " ASC" : " DESC";
    String orderBy = switch (query.sort()) {
      case STARTED_AT -> "started_at" + direction + ", id" + direction;
      case DATE -> "date" + direction + ", started_at" + direction + ", id" + direction;
      case ENDED_AT -> ENDED_KEY + direction + ", started_at" + direction
          + ", id" + direction;
    };
    List<SessionSummary> items = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + SUMMARY_COLUMNS + " FROM sessions" + pageWhere + " ORDER BY " + orderBy + " LIMIT ? OFFSET ?")) {
      bind(statement, arguments);
      statement.setInt(arguments.size() + 1, query.limit());
      statement.setLong(arguments.size() + 2, query.offset());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          items.add(summary(rs));
        }
      }
    }
    return new Page<>(items, total, query.limit(), query.offset());
  }

  private static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
    for (int i = 0; i < arguments.size(); i++) {
      statement.setObject(i + 1, arguments.get(i));
    }
  }

  private Optional<Session> one(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new Session(Rows.uuid(rs, "id"), Rows.uuid(rs, "plan_id"), Rows.date(rs, "date"),
          Rows.instant(rs, "started_at"), Rows.instant(rs, "ended_at"), json.read(rs.getString("session")),
          Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at")));
    }
  }

  private static SessionSummary summary(ResultSet rs) throws SQLException {
    return new SessionSummary(Rows.uuid(rs, "id"), Rows.uuid(rs, "plan_id"), Rows.date(rs, "date"),
        Rows.instant(rs, "started_at"), Rows.instant(rs, "ended_at"), rs.getString("name"),
        Unit.fromCode(rs.getString("unit")).orElseThrow(), rs.getInt("exercise_count"), rs.getInt("set_count"),
        rs.getInt("completed_set_count"), rs.getDouble("volume"),
        Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"));
  }

  private static String summaryName(SessionStructure structure) {
    return structure.name() == null ? "Workout" : structure.name();
  }

  /** The partial unique index on {@code user_id} is the only uniqueness rule on that column alone. */
  private static boolean isOneInProgressViolation(SQLException e) {
    return String.valueOf(e.getMessage()).contains("UNIQUE constraint failed: sessions.user_id");
  }
}
