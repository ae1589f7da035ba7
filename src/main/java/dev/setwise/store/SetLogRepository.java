package dev.setwise.store;

import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.SessionDigest;
import dev.setwise.domain.progress.Weights;
import dev.setwise.json.StructureJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keeps the tables derived from completed sessions ({@code session_log}, {@code exercise_log},
 * {@code set_log}) in step with {@code sessions}. {@link SessionRepository} calls it in the same
 * transaction each time it inserts or rewrites a session, so every path into the data (services,
 * import, later sync and amendments) keeps them right; deleting a session deletes its rows by
 * cascade and trigger. A session's rows are always replaced whole (delete, then insert by session
 * id), so re-deriving one session after any change is one call: {@link #rederive}.
 */
public final class SetLogRepository {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SetLogRepository.class);

  /** What a session holds now: its newest amendment, else its original snapshot (contract §4a, §5.1a). */
  private static final String EFFECTIVE_SESSION = "coalesce((SELECT a.session FROM session_amendments a "
      + "WHERE a.session_id = sessions.id ORDER BY a.version DESC LIMIT 1), session) AS session";

  private final StructureJson json;

  public SetLogRepository(StructureJson json) {
    this.json = json;
  }

  /** Replaces the rows of {@code session}: none while it is in progress, its sets once completed. */
  public void replace(Tx tx, UUID ownerId, Session session) throws SQLException {
    replace(tx.connection(), ownerId, session.id(), session.date(), session.startedAt(), session.completed(),
        session.structure());
  }

  /**
   * Adds the rows of a completed session that has none yet (one just inserted: a session's rows go
   * with it, by cascade and trigger), on statements the transaction keeps prepared, so a batch or
   * an import of many sessions prepares them once.
   */
  public void add(Tx tx, UUID ownerId, Session session) throws SQLException {
    if (!session.completed()) {
      return;
    }
    new Writer(tx).insert(ownerId.toString(), session.id().toString(), session.date().toString(),
        session.startedAt().toEpochMilli(), session.structure());
  }

  /**
   * Re-derives one session from what {@code sessions} holds for it now (after an amendment, say);
   * removes its rows when it is gone or in progress.
   */
  public void rederive(Tx tx, UUID sessionId) throws SQLException {
    rederive(tx.connection(), json, sessionId);
  }

  /** Forgets every derived row of {@code sessionId} (the schema also does this when a session is deleted). */
  public void forget(Tx tx, UUID sessionId) throws SQLException {
    forget(tx.connection(), sessionId.toString());
  }

  /**
   * Rebuilds every derived row from the snapshots, on a raw connection inside the caller's
   * transaction: the migration that creates the tables for a database that already has history.
   *
   * @return how many completed sessions were derived
   */
  public static int rebuildAll(Connection connection) throws SQLException {
    StructureJson json = new StructureJson();
    try (PreparedStatement clear = connection.prepareStatement("DELETE FROM set_log")) {
      clear.executeUpdate();
    }
    try (PreparedStatement clear = connection.prepareStatement("DELETE FROM exercise_log")) {
      clear.executeUpdate();
    }
    try (PreparedStatement clear = connection.prepareStatement("DELETE FROM session_log")) {
      clear.executeUpdate();
    }
    for (String totals : new String[] {"period_totals", "exercise_period_totals"}) {
      try (PreparedStatement clear = connection.prepareStatement("DELETE FROM " + totals)) {
        clear.executeUpdate();
      }
    }
    int count = 0;
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT id, user_id, date, started_at, " + EFFECTIVE_SESSION + " FROM sessions WHERE ended_at IS NOT NULL");
        ResultSet rs = select.executeQuery()) {
      Writer writer = new Writer(connection);
      try (writer) {
        while (rs.next()) {
          SessionStructure structure;
          try {
            structure = json.read(Rows.strictText(rs, "session"));
          } catch (RuntimeException damaged) {
            // Derived rows are never the truth: one unreadable snapshot must not stop the whole
            // upgrade. It is left out of the numbers, and export and the checks name it.
            LOG.warn("Session {} is left out of the progress tables: its snapshot cannot be read ({})",
                rs.getString("id"), damaged.getMessage());
            continue;
          }
          writer.insert(rs.getString("user_id"), rs.getString("id"), rs.getString("date"), rs.getLong("started_at"),
              structure);
          count++;
        }
      }
    }
    return count;
  }

  static void rederive(Connection connection, StructureJson json, UUID sessionId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT user_id, date, started_at, ended_at, " + EFFECTIVE_SESSION + " FROM sessions WHERE id = ?")) {
      select.setString(1, sessionId.toString());
      try (ResultSet rs = select.executeQuery()) {
        if (!rs.next()) {
          forget(connection, sessionId.toString());
          return;
        }
        rs.getLong("ended_at");
        boolean completed = !rs.wasNull();
        replace(connection, UUID.fromString(rs.getString("user_id")), sessionId, LocalDate.parse(rs.getString("date")),
            Instant.ofEpochMilli(rs.getLong("started_at")), completed, json.read(Rows.strictText(rs, "session")));
      }
    }
  }

  private static void replace(Connection connection, UUID ownerId, UUID sessionId, LocalDate date, Instant startedAt,
      boolean completed, SessionStructure structure) throws SQLException {
    forget(connection, sessionId.toString());
    if (!completed) {
      return;
    }
    try (Writer writer = new Writer(connection)) {
      writer.insert(ownerId.toString(), sessionId.toString(), date.toString(), startedAt.toEpochMilli(), structure);
    }
  }

  private static void forget(Connection connection, String sessionId) throws SQLException {
    for (String table : new String[] {"set_log", "exercise_log", "session_log"}) {
      try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE session_id = ?")) {
        delete.setString(1, sessionId);
        delete.executeUpdate();
      }
    }
  }

  private static final String INSERT_SESSION = "INSERT INTO session_log (session_id, user_id, date, started_at, unit, "
      + "bodyweight, working_sets, volume, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EXERCISE = "INSERT INTO exercise_log (session_id, exercise_key, user_id, "
      + "exercise_name, date, started_at, unit, completed_sets, working_sets, volume, volume_kg, best_e1rm, "
      + "best_e1rm_kg, best_brzycki, heaviest, heaviest_kg, best_set_volume, best_set_volume_kg, day) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_SET = "INSERT INTO set_log (session_id, exercise_index, set_index, user_id, "
      + "exercise_key, date, started_at, unit, type, reps, weight, rpe, working, e1rm, weight_kg) "
      + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Prepared inserts for the three tables, reused over many sessions (the rebuild, an import, a transaction's own).
   * {@link #insert} writes one session's rows at once; {@link #add} queues them in the JDBC batches
   * until {@link #flush}.
   */
  static final class Writer implements AutoCloseable {
    private final PreparedStatement session;
    private final PreparedStatement exercise;
    private final PreparedStatement set;
    /** False when the statements are the transaction's, which closes them itself. */
    private final boolean owned;

    Writer(Connection connection) throws SQLException {
      session = connection.prepareStatement(INSERT_SESSION);
      exercise = connection.prepareStatement(INSERT_EXERCISE);
      set = connection.prepareStatement(INSERT_SET);
      owned = true;
    }

    Writer(Tx tx) throws SQLException {
      session = tx.statement(INSERT_SESSION);
      exercise = tx.statement(INSERT_EXERCISE);
      set = tx.statement(INSERT_SET);
      owned = false;
    }

    void insert(String ownerId, String sessionId, String date, long startedAt, SessionStructure structure)
        throws SQLException {
      add(ownerId, sessionId, date, startedAt, structure);
      flush();
    }

    /** Sends what {@link #add} queued: the session rows first, then exercises, then sets. */
    void flush() throws SQLException {
      session.executeBatch();
      exercise.executeBatch();
      set.executeBatch();
    }

    void add(String ownerId, String sessionId, String date, long startedAt, SessionStructure structure)
        throws SQLException {
      SessionDigest digest = SessionDigest.of(structure);
      Unit unit = structure.unit();
      long day = LocalDate.parse(date).toEpochDay();
      session.setString(1, sessionId);
      session.setString(2, ownerId);
      session.setString(3, date);
      session.setLong(4, startedAt);
      session.setString(5, unit.code());
      setDouble(session, 6, structure.bodyweight());
      session.setInt(7, digest.workingSets());
      session.setDouble(8, digest.volume());
      session.setLong(9, day);
      session.addBatch();
      for (SessionDigest.ExerciseLine line : digest.exercises()) {
        exercise.setString(1, sessionId);
        exercise.setString(2, line.key());
        exercise.setString(3, ownerId);
        exercise.setString(4, line.name());
        exercise.setString(5, date);
        exercise.setLong(6, startedAt);
        exercise.setString(7, unit.code());
        exercise.setInt(8, line.completedSets());
        exercise.setInt(9, line.workingSets());
        exercise.setDouble(10, line.volume());
        exercise.setDouble(11, Weights.convert(line.volume(), unit, Unit.KG));
        setDouble(exercise, 12, line.bestE1rm());
        setDouble(exercise, 13, Weights.convert(line.bestE1rm(), unit, Unit.KG));
        setDouble(exercise, 14, line.bestBrzycki());
        setDouble(exercise, 15, line.heaviest());
        setDouble(exercise, 16, Weights.convert(line.heaviest(), unit, Unit.KG));
        setDouble(exercise, 17, line.bestSetVolume());
        setDouble(exercise, 18, Weights.convert(line.bestSetVolume(), unit, Unit.KG));
        exercise.setLong(19, day);
        exercise.addBatch();
      }
      for (SessionDigest.SetLine line : digest.sets()) {
        set.setString(1, sessionId);
        set.setInt(2, line.exerciseIndex());
        set.setInt(3, line.setIndex());
        set.setString(4, ownerId);
        set.setString(5, line.key());
        set.setString(6, date);
        set.setLong(7, startedAt);
        set.setString(8, unit.code());
        set.setString(9, line.type().code());
        if (line.reps() == null) {
          set.setNull(10, Types.INTEGER);
        } else {
          set.setInt(10, line.reps());
        }
        setDouble(set, 11, line.weight());
        setDouble(set, 12, line.rpe());
        set.setInt(13, line.working() ? 1 : 0);
        setDouble(set, 14, line.e1rm());
        setDouble(set, 15, Weights.convert(line.weight(), unit, Unit.KG));
        set.addBatch();
      }
    }

    private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
      if (value == null) {
        statement.setNull(index, Types.REAL);
      } else {
        statement.setDouble(index, value);
      }
    }

    @Override
    public void close() throws SQLException {
      if (!owned) {
        return;
      }
      try (session; exercise; set) {
        // closes all three
      }
    }
  }
}
