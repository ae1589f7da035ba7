package dev.setwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** First answers to requests that carried an {@code Idempotency-Key}, per profile and key. */
public final class IdempotencyRepository {

  /** A recorded answer and the fingerprint of the request it answered. */
  public record Entry(byte[] fingerprint, int status, String location, String etag, byte[] body, Instant createdAt) {}

  public Optional<Entry> find(Tx tx, UUID ownerId, String key) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT fingerprint, status, location, etag, body, created_at FROM idempotency_keys "
            + "WHERE user_id = ? AND key = ?")) {
      Rows.setUuid(statement, 1, ownerId);
      statement.setString(2, key);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Entry(rs.getBytes("fingerprint"), rs.getInt("status"), rs.getString("location"),
            rs.getString("etag"), rs.getBytes("body"), Rows.instant(rs, "created_at")));
      }
    }
  }

  public void insert(Tx tx, UUID ownerId, String key, Entry entry) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO idempotency_keys (user_id, key, fingerprint, status, location, etag, body, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, ownerId);
      statement.setString(2, key);
      statement.setBytes(3, entry.fingerprint());
      statement.setInt(4, entry.status());
      statement.setString(5, entry.location());
      statement.setString(6, entry.etag());
      statement.setBytes(7, entry.body());
      Rows.setInstant(statement, 8, entry.createdAt());
      statement.executeUpdate();
    }
  }

  /** Forgets every answer recorded before {@code cutoff}; returns how many. */
  public int deleteOlderThan(Tx tx, Instant cutoff) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM idempotency_keys WHERE created_at < ?")) {
      Rows.setInstant(statement, 1, cutoff);
      return statement.executeUpdate();
    }
  }
}
