package dev.setwise.store;

import dev.setwise.domain.ApiToken;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** API tokens: who they belong to and a hash of their text, never the text itself. */
public final class TokenRepository {

  private static final String COLUMNS = "id, user_id, label, created_at, revoked_at";

  /** A token row with its hash, for checking a presented token. */
  public record Stored(ApiToken token, byte[] hash) {}

  public void insert(Tx tx, ApiToken token, byte[] hash) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO api_tokens (id, user_id, label, token_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      statement.setString(1, token.id());
      Rows.setUuid(statement, 2, token.profileId());
      statement.setString(3, token.label());
      statement.setBytes(4, hash);
      Rows.setInstant(statement, 5, token.createdAt());
      Rows.setInstant(statement, 6, token.revokedAt());
      statement.executeUpdate();
    }
  }

  /**
   * The token with this id, of any profile. On PostgreSQL the transaction first declares the id it
   * looks up ({@code setwise.token_id}): row-level security shows a transaction that acts for
   * nobody yet (a request being authenticated) that one row and no other.
   */
  public Optional<Stored> find(Tx tx, String id) throws SQLException {
    if (tx.dialect() == Dialect.POSTGRESQL) {
      try (PreparedStatement declare = tx.connection().prepareStatement(
          "SELECT set_config('setwise.token_id', ?, true)")) {
        declare.setString(1, id);
        declare.execute();
      }
    }
    try (PreparedStatement statement = tx.prepare(
        "SELECT " + COLUMNS + ", token_hash FROM api_tokens WHERE id = ?")) {
      statement.setString(1, id);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? Optional.of(new Stored(map(rs), rs.getBytes("token_hash"))) : Optional.empty();
      }
    }
  }

  /** Every token, or one profile's, oldest first. */
  public List<ApiToken> list(Tx tx, UUID ownerId) throws SQLException {
    String sql = "SELECT " + COLUMNS + " FROM api_tokens"
        + (ownerId == null ? "" : " WHERE user_id = ?") + " ORDER BY created_at, id";
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      if (ownerId != null) {
        Rows.setUuid(statement, 1, ownerId);
      }
      List<ApiToken> tokens = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          tokens.add(map(rs));
        }
      }
      return tokens;
    }
  }

  /** @return false when the token does not exist or is already revoked */
  public boolean revoke(Tx tx, String id, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE api_tokens SET revoked_at = " + tx.dialect().greatest() + "(?, created_at) "
            + "WHERE id = ? AND revoked_at IS NULL")) {
      Rows.setInstant(statement, 1, at);
      statement.setString(2, id);
      return statement.executeUpdate() == 1;
    }
  }

  private static ApiToken map(ResultSet rs) throws SQLException {
    return new ApiToken(rs.getString("id"), Rows.uuid(rs, "user_id"), rs.getString("label"),
        Rows.instant(rs, "created_at"), Rows.instant(rs, "revoked_at"));
  }
}
