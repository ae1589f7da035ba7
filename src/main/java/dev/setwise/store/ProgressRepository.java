package dev.setwise.store;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads of the progress tables ({@code session_log}, {@code exercise_log}, {@code set_log}) and
 * the exercise aliases. Every query is one index range or a handful of index seeks (records are the
 * first row of their index; the key catalogue is a loose index scan), so none grows with history.
 * Values come back in the unit they were logged in, with that unit: the service converts.
 */
public final class ProgressRepository {

  /** An exercise key found in history, with the name it was last done under. */
  public record KeyRow(String key, String name, LocalDate lastDate) {}

  /** One session's figures for one exercise key (session's unit). */
  public record SessionRow(UUID sessionId, LocalDate date, Instant startedAt, Unit unit, int workingSets,
      double volume, Double bestE1rm, Double bestBrzycki, Double heaviest) {}

  /** A best value in its own unit, with its value in kg for comparing units. */
  public record BestRow(double value, double valueKg, Unit unit, LocalDate date, Instant startedAt, UUID sessionId) {}

  /** The most reps at one weight. */
  public record RepsRow(double weight, double weightKg, Unit unit, int reps, LocalDate date, Instant startedAt,
      UUID sessionId) {}

  /** A completed set of one session. */
  public record SetRow(int exerciseIndex, int setIndex, String key, SetType type, Integer reps, Double weight,
      Double rpe) {}

  /** The last session of a key. */
  public record LastRow(UUID sessionId, LocalDate date, Instant startedAt, Unit unit) {}

  /** Totals of one day in one unit. */
  public record DayRow(long day, Unit unit, int sessions, int workingSets, double volume) {}

  /** A bodyweight logged with a session. */
  public record BodyweightRow(LocalDate date, Unit unit, double bodyweight) {}

  /** Totals of one week or month in one unit. */
  public record PeriodRow(long startDay, Unit unit, int sessions, int workingSets, double volume, double bodyweightSum,
      int bodyweightCount) {}

  /** One exercise's totals of one week or month in one unit. */
  public record ExercisePeriodRow(long startDay, Unit unit, int sessions, double volume, Double bestE1rm,
      Double bestBrzycki) {}

  /** One alias. */
  public record AliasRow(String aliasKey, String targetKey, String targetName, Instant createdAt) {}

  /** A record column of exercise_log: the value in the session's unit and in kg. */
  public enum Best {
    HEAVIEST("heaviest", "heaviest_kg", "heaviest_kg IS NOT NULL"),
    E1RM("best_e1rm", "best_e1rm_kg", "best_e1rm_kg IS NOT NULL"),
    SET_VOLUME("best_set_volume", "best_set_volume_kg", "best_set_volume_kg IS NOT NULL"),
    SESSION_VOLUME("volume", "volume_kg", "working_sets > 0");

    private final String column;
    private final String kgColumn;
    private final String present;

    Best(String column, String kgColumn, String present) {
      this.column = column;
      this.kgColumn = kgColumn;
      this.present = present;
    }
  }

  // ---- the catalogue ----

  /** Every exercise key of the owner's history, by key: two index seeks per key. */
  public List<KeyRow> historyKeys(Tx tx, UUID ownerId) throws SQLException {
    List<KeyRow> keys = new ArrayList<>();
    try (PreparedStatement next = tx.connection().prepareStatement(
        "SELECT exercise_key FROM exercise_log WHERE user_id = ? AND exercise_key > ? ORDER BY exercise_key LIMIT 1");
        PreparedStatement latest = tx.connection().prepareStatement(
            "SELECT exercise_name, date FROM exercise_log WHERE user_id = ? AND exercise_key = ? "
                + "ORDER BY date DESC, started_at DESC LIMIT 1")) {
      String after = "";
      while (true) {
        next.setString(1, ownerId.toString());
        next.setString(2, after);
        String key;
        try (ResultSet rs = next.executeQuery()) {
          if (!rs.next()) {
            break;
          }
          key = rs.getString(1);
        }
        latest.setString(1, ownerId.toString());
        latest.setString(2, key);
        try (ResultSet rs = latest.executeQuery()) {
          rs.next();
          keys.add(new KeyRow(key, rs.getString(1), LocalDate.parse(rs.getString(2))));
        }
        after = key;
      }
    }
    return keys;
  }

  // ---- one exercise ----

  /**
   * Sessions of the keys, newest first, at most {@code limit} (0 for all); only sessions with at
   * least one working set.
   */
  public List<SessionRow> sessions(Tx tx, UUID ownerId, Collection<String> keys, int limit) throws SQLException {
    String sql = "SELECT session_id, date, started_at, unit, working_sets, volume, best_e1rm, best_brzycki, heaviest "
        + "FROM exercise_log WHERE user_id = ? AND exercise_key IN (" + marks(keys.size()) + ") AND working_sets > 0 "
        + "ORDER BY date DESC, started_at DESC, session_id DESC" + (limit > 0 ? " LIMIT " + limit : "");
    List<SessionRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      bindOwnerAndKeys(statement, ownerId, keys);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new SessionRow(UUID.fromString(rs.getString(1)), LocalDate.parse(rs.getString(2)),
              Instant.ofEpochMilli(rs.getLong(3)), unit(rs.getString(4)), rs.getInt(5), rs.getDouble(6),
              nullableDouble(rs, 7), nullableDouble(rs, 8), nullableDouble(rs, 9)));
        }
      }
    }
    return rows;
  }

  /** How many sessions of the keys have a working set. */
  public int sessionCount(Tx tx, UUID ownerId, Collection<String> keys) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT count(DISTINCT session_id) FROM exercise_log WHERE user_id = ? AND exercise_key IN ("
            + marks(keys.size()) + ") AND working_sets > 0")) {
      bindOwnerAndKeys(statement, ownerId, keys);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The highest value of {@code best} for one key, earliest first on a tie: the first row of its index. */
  public Optional<BestRow> best(Tx tx, UUID ownerId, String key, Best best) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + best.column + ", " + best.kgColumn + ", unit, date, started_at, session_id FROM exercise_log "
            + "WHERE user_id = ? AND exercise_key = ? AND " + best.present + " ORDER BY " + best.kgColumn
            + " DESC, date, started_at LIMIT 1")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(bestRow(rs)) : Optional.empty();
      }
    }
  }

  /** True when a session before {@code date}/{@code startedAt} reached at least {@code valueKg} of {@code best}. */
  public boolean reachedBefore(Tx tx, UUID ownerId, String key, Best best, double valueKg, LocalDate date,
      Instant startedAt) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM exercise_log WHERE user_id = ? AND exercise_key = ? AND " + best.present
            + " AND " + best.kgColumn + " >= ? AND (date < ? OR (date = ? AND started_at < ?)))")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      statement.setDouble(3, valueKg);
      statement.setString(4, date.toString());
      statement.setString(5, date.toString());
      statement.setLong(6, startedAt.toEpochMilli());
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  /** True when a session before the given one has a working set of the key. */
  public boolean doneBefore(Tx tx, UUID ownerId, String key, LocalDate date, Instant startedAt) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM exercise_log WHERE user_id = ? AND exercise_key = ? AND working_sets > 0 "
            + "AND (date < ? OR (date = ? AND started_at < ?)))")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      statement.setString(3, date.toString());
      statement.setString(4, date.toString());
      statement.setLong(5, startedAt.toEpochMilli());
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  /** The heaviest working set of exactly {@code reps} reps for one key, earliest first on a tie. */
  public Optional<BestRow> repMax(Tx tx, UUID ownerId, String key, int reps) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT weight, weight_kg, unit, date, started_at, session_id FROM set_log "
            + "WHERE user_id = ? AND exercise_key = ? AND working = 1 AND reps = ? "
            + "ORDER BY weight_kg DESC, date, started_at LIMIT 1")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      statement.setInt(3, reps);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(bestRow(rs)) : Optional.empty();
      }
    }
  }

  /** The most reps of any working set of the key: one seek from the end of the rep-max index. */
  public Optional<Integer> maxReps(Tx tx, UUID ownerId, String key) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT max(reps) FROM set_log WHERE user_id = ? AND exercise_key = ? AND working = 1")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      try (ResultSet rs = statement.executeQuery()) {
        int reps = rs.next() ? rs.getInt(1) : 0;
        return rs.wasNull() || reps == 0 ? Optional.empty() : Optional.of(reps);
      }
    }
  }

  /** For each weight of a key's working sets, lightest first: the most reps, earliest first on a tie. */
  public List<RepsRow> repsAtWeight(Tx tx, UUID ownerId, String key) throws SQLException {
    List<RepsRow> rows = new ArrayList<>();
    try (PreparedStatement next = tx.connection().prepareStatement(
        "SELECT weight, weight_kg, unit, reps, date, started_at, session_id FROM set_log "
            + "WHERE user_id = ? AND exercise_key = ? AND working = 1 AND weight_kg > ? "
            + "ORDER BY weight_kg, reps DESC, date, started_at LIMIT 1")) {
      double after = -1;
      while (true) {
        next.setString(1, ownerId.toString());
        next.setString(2, key);
        next.setDouble(3, after);
        try (ResultSet rs = next.executeQuery()) {
          if (!rs.next()) {
            break;
          }
          rows.add(new RepsRow(rs.getDouble(1), rs.getDouble(2), unit(rs.getString(3)), rs.getInt(4),
              LocalDate.parse(rs.getString(5)), Instant.ofEpochMilli(rs.getLong(6)), UUID.fromString(rs.getString(7))));
          after = rs.getDouble(2);
        }
      }
    }
    return rows;
  }

  /** The newest completed session with a completed set of the key. */
  public Optional<LastRow> last(Tx tx, UUID ownerId, String key) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT session_id, date, started_at, unit FROM exercise_log WHERE user_id = ? AND exercise_key = ? "
            + "ORDER BY date DESC, started_at DESC, session_id DESC LIMIT 1")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(new LastRow(UUID.fromString(rs.getString(1)), LocalDate.parse(rs.getString(2)),
            Instant.ofEpochMilli(rs.getLong(3)), unit(rs.getString(4)))) : Optional.empty();
      }
    }
  }

  /** The completed sets of one session for the keys, in snapshot order. */
  public List<SetRow> sets(Tx tx, UUID ownerId, UUID sessionId, Collection<String> keys) throws SQLException {
    List<SetRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT exercise_index, set_index, exercise_key, type, reps, weight, rpe FROM set_log "
            + "WHERE session_id = ? AND user_id = ? AND exercise_key IN (" + marks(keys.size()) + ") "
            + "ORDER BY exercise_index, set_index")) {
      statement.setString(1, sessionId.toString());
      int i = 2;
      statement.setString(i++, ownerId.toString());
      for (String key : keys) {
        statement.setString(i++, key);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          int reps = rs.getInt(5);
          Integer repsValue = rs.wasNull() ? null : reps;
          rows.add(new SetRow(rs.getInt(1), rs.getInt(2), rs.getString(3),
              SetType.fromCode(rs.getString(4)).orElse(SetType.NORMAL), repsValue, nullableDouble(rs, 6),
              nullableDouble(rs, 7)));
        }
      }
    }
    return rows;
  }

  /** The unit of one completed session, from its derived row. */
  public Optional<Unit> sessionUnit(Tx tx, UUID ownerId, UUID sessionId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT unit FROM session_log WHERE session_id = ? AND user_id = ?")) {
      statement.setString(1, sessionId.toString());
      statement.setString(2, ownerId.toString());
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(unit(rs.getString(1))) : Optional.empty();
      }
    }
  }

  /** The exercise keys of one completed session with their figures (for the records it set). */
  public List<KeyRow> sessionKeys(Tx tx, UUID ownerId, UUID sessionId) throws SQLException {
    List<KeyRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT exercise_key, exercise_name, date FROM exercise_log WHERE session_id = ? AND user_id = ?")) {
      statement.setString(1, sessionId.toString());
      statement.setString(2, ownerId.toString());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new KeyRow(rs.getString(1), rs.getString(2), LocalDate.parse(rs.getString(3))));
        }
      }
    }
    return rows;
  }

  /** One session's row for one key, with each best value in kg. */
  public Optional<double[]> sessionBestsKg(Tx tx, UUID sessionId, String key) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT heaviest_kg, best_e1rm_kg, best_set_volume_kg, volume_kg, started_at, working_sets FROM exercise_log "
            + "WHERE session_id = ? AND exercise_key = ?")) {
      statement.setString(1, sessionId.toString());
      statement.setString(2, key);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        double[] values = new double[6];
        for (int c = 0; c < 6; c++) {
          values[c] = rs.getDouble(c + 1);
          if (rs.wasNull()) {
            values[c] = Double.NaN;
          }
        }
        if (values[5] == 0) {
          values[3] = Double.NaN;
        }
        return Optional.of(values);
      }
    }
  }

  // ---- the whole profile ----

  /** Completed sessions, working sets and volume per day and unit, between two days (inclusive). */
  public List<DayRow> days(Tx tx, UUID ownerId, LocalDate from, LocalDate to) throws SQLException {
    List<DayRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT day, unit, count(*), sum(working_sets), sum(volume) FROM session_log "
            + "WHERE user_id = ? AND day BETWEEN ? AND ? GROUP BY day, unit ORDER BY day")) {
      statement.setString(1, ownerId.toString());
      statement.setLong(2, from.toEpochDay());
      statement.setLong(3, to.toEpochDay());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new DayRow(rs.getLong(1), unit(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getDouble(5)));
        }
      }
    }
    return rows;
  }

  /** Week ({@code weeks}) or month totals from {@code fromDay} to {@code toDay} (start days), oldest first. */
  public List<PeriodRow> periods(Tx tx, UUID ownerId, boolean weeks, long fromDay, long toDay) throws SQLException {
    List<PeriodRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT start_day, unit, sessions, working_sets, volume, bodyweight_sum, bodyweight_count FROM period_totals "
            + "WHERE user_id = ? AND period = ? AND start_day BETWEEN ? AND ? ORDER BY start_day")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, weeks ? "week" : "month");
      statement.setLong(3, fromDay);
      statement.setLong(4, toDay);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new PeriodRow(rs.getLong(1), unit(rs.getString(2)), rs.getInt(3), rs.getInt(4), rs.getDouble(5),
              rs.getDouble(6), rs.getInt(7)));
        }
      }
    }
    return rows;
  }

  /** One exercise's week or month totals (keys merged by the caller) from {@code fromDay} on, oldest first. */
  public List<ExercisePeriodRow> exercisePeriods(Tx tx, UUID ownerId, Collection<String> keys, boolean weeks,
      long fromDay) throws SQLException {
    List<ExercisePeriodRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT start_day, unit, sessions, volume, best_e1rm, best_brzycki FROM exercise_period_totals "
            + "WHERE user_id = ? AND exercise_key IN (" + marks(keys.size()) + ") AND period = ? AND start_day >= ? "
            + "ORDER BY start_day")) {
      int i = bindOwnerAndKeys(statement, ownerId, keys);
      statement.setString(i++, weeks ? "week" : "month");
      statement.setLong(i, fromDay);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new ExercisePeriodRow(rs.getLong(1), unit(rs.getString(2)), rs.getInt(3), rs.getDouble(4),
              nullableDouble(rs, 5), nullableDouble(rs, 6)));
        }
      }
    }
    return rows;
  }

  /** Bodyweights logged with completed sessions between two days, oldest first. */
  public List<BodyweightRow> bodyweights(Tx tx, UUID ownerId, LocalDate from, LocalDate to) throws SQLException {
    List<BodyweightRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT day, unit, bodyweight FROM session_log WHERE user_id = ? AND bodyweight IS NOT NULL "
            + "AND day BETWEEN ? AND ? ORDER BY day, started_at")) {
      statement.setString(1, ownerId.toString());
      statement.setLong(2, from.toEpochDay());
      statement.setLong(3, to.toEpochDay());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new BodyweightRow(LocalDate.ofEpochDay(rs.getLong(1)), unit(rs.getString(2)), rs.getDouble(3)));
        }
      }
    }
    return rows;
  }

  /** The first day with a completed session, if any. */
  public Optional<LocalDate> firstDay(Tx tx, UUID ownerId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT min(day) FROM session_log WHERE user_id = ?")) {
      statement.setString(1, ownerId.toString());
      try (ResultSet rs = statement.executeQuery()) {
        long day = rs.next() ? rs.getLong(1) : 0;
        return rs.wasNull() ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(day));
      }
    }
  }

  /** The exercise names of the owner's plans (archived ones too), as written. */
  public List<String> planExerciseNames(Tx tx, UUID ownerId) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT DISTINCT json_extract(e.value, '$.name') FROM plans, json_each(plans.structure, '$.exercises') e "
            + "WHERE plans.user_id = ?")) {
      statement.setString(1, ownerId.toString());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String name = rs.getString(1);
          if (name != null) {
            names.add(name);
          }
        }
      }
    }
    return names;
  }

  // ---- aliases ----

  public List<AliasRow> aliases(Tx tx, UUID ownerId) throws SQLException {
    List<AliasRow> rows = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT alias_key, target_key, target_name, created_at FROM exercise_aliases WHERE user_id = ? ORDER BY alias_key")) {
      statement.setString(1, ownerId.toString());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new AliasRow(rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
    }
    return rows;
  }

  /** Adds or replaces the alias of {@code aliasKey}. */
  public void putAlias(Tx tx, UUID ownerId, AliasRow alias) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO exercise_aliases (user_id, alias_key, target_key, target_name, created_at) VALUES (?, ?, ?, ?, ?) "
            + "ON CONFLICT (user_id, alias_key) DO UPDATE SET target_key = excluded.target_key, "
            + "target_name = excluded.target_name, created_at = excluded.created_at")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, alias.aliasKey());
      statement.setString(3, alias.targetKey());
      statement.setString(4, alias.targetName());
      statement.setLong(5, alias.createdAt().toEpochMilli());
      statement.executeUpdate();
    }
  }

  /** @return false when there was no such alias */
  public boolean deleteAlias(Tx tx, UUID ownerId, String aliasKey) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM exercise_aliases WHERE user_id = ? AND alias_key = ?")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, aliasKey);
      return statement.executeUpdate() == 1;
    }
  }

  // ---- helpers ----

  private static BestRow bestRow(ResultSet rs) throws SQLException {
    return new BestRow(rs.getDouble(1), rs.getDouble(2), unit(rs.getString(3)), LocalDate.parse(rs.getString(4)),
        Instant.ofEpochMilli(rs.getLong(5)), UUID.fromString(rs.getString(6)));
  }

  private static int bindOwnerAndKeys(PreparedStatement statement, UUID ownerId, Collection<String> keys)
      throws SQLException {
    int i = 1;
    statement.setString(i++, ownerId.toString());
    for (String key : keys) {
      statement.setString(i++, key);
    }
    return i;
  }

  private static String marks(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("at least one key");
    }
    return "?" + ", ?".repeat(count - 1);
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }

  private static Unit unit(String code) {
    return Unit.fromCode(code).orElseThrow();
  }
}
