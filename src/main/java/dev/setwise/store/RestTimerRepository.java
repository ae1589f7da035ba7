package dev.setwise.store;

import dev.setwise.domain.RestCountdown;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The workout screen's local state: the rest countdown of a session in progress and a profile's
 * workout settings (V11). The schema allows a rest countdown only on a session in progress of the
 * same profile and removes it when the session is completed or deleted.
 */
public final class RestTimerRepository {

  public Optional<RestCountdown> find(Tx tx, UUID ownerId, UUID sessionId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT ends_at, seconds FROM rest_timers WHERE session_id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, sessionId);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(new RestCountdown(sessionId, Rows.instant(rs, "ends_at"), rs.getInt("seconds")))
            : Optional.empty();
      }
    }
  }

  /** Saves the countdown of its session, replacing the one before. */
  public void save(Tx tx, UUID ownerId, RestCountdown rest) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO rest_timers (session_id, user_id, ends_at, seconds) VALUES (?, ?, ?, ?) "
            + "ON CONFLICT (session_id) DO UPDATE SET ends_at = excluded.ends_at, seconds = excluded.seconds")) {
      Rows.setUuid(statement, 1, rest.sessionId());
      Rows.setUuid(statement, 2, ownerId);
      Rows.setInstant(statement, 3, rest.endsAt());
      statement.setInt(4, rest.seconds());
      statement.executeUpdate();
    }
  }

  public void delete(Tx tx, UUID ownerId, UUID sessionId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM rest_timers WHERE session_id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, sessionId);
      Rows.setUuid(statement, 2, ownerId);
      statement.executeUpdate();
    }
  }

  /** The profile's rest after warm-up sets; empty when it never set one. */
  public OptionalInt warmupRest(Tx tx, UUID ownerId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT warmup_rest_seconds FROM workout_settings WHERE user_id = ?")) {
      Rows.setUuid(statement, 1, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
      }
    }
  }

  public void saveWarmupRest(Tx tx, UUID ownerId, int seconds) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO workout_settings (user_id, warmup_rest_seconds) VALUES (?, ?) "
            + "ON CONFLICT (user_id) DO UPDATE SET warmup_rest_seconds = excluded.warmup_rest_seconds")) {
      Rows.setUuid(statement, 1, ownerId);
      statement.setInt(2, seconds);
      statement.executeUpdate();
    }
  }
}
