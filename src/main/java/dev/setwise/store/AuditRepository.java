package dev.setwise.store;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Page;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.LazyCodec;
import dev.setwise.json.JsonLimits;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The append-only audit log (the schema refuses updates and deletes). */
public final class AuditRepository {

  /** Built when an audit row is first written or read: a command that reads only needs no Jackson. */
  private final LazyCodec codec = new LazyCodec(JsonLimits.STORED);

  public void append(Tx tx, UUID ownerId, String action, String entityType, String entityId, Instant at,
      Map<String, Object> details) throws SQLException {
    PreparedStatement statement = tx.statement(
        "INSERT INTO audit_log (user_id, action, entity_type, entity_id, at, details) VALUES (?, ?, ?, ?, ?, ?)");
    Rows.setUuid(statement, 1, ownerId);
    statement.setString(2, action);
    statement.setString(3, entityType);
    statement.setString(4, entityId);
    Rows.setInstant(statement, 5, at);
    statement.setString(6, codec.get().writeString(details == null ? Map.of() : details));
    statement.executeUpdate();
  }

  /** The owner's entries, newest first. */
  public Page<AuditEntry> list(Tx tx, UUID ownerId, int limit, int offset) throws SQLException {
    long total;
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT count(*) FROM audit_log WHERE user_id = ?")) {
      Rows.setUuid(statement, 1, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        total = rs.getLong(1);
      }
    }
    List<AuditEntry> entries = new ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT id, action, entity_type, entity_id, at, details FROM audit_log WHERE user_id = ? "
            + "ORDER BY id DESC LIMIT ? OFFSET ?")) {
      Rows.setUuid(statement, 1, ownerId);
      statement.setInt(2, limit);
      statement.setInt(3, offset);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          entries.add(new AuditEntry(rs.getLong("id"), rs.getString("action"), rs.getString("entity_type"),
              rs.getString("entity_id"), Rows.instant(rs, "at"), details(Rows.strictText(rs, "details"))));
        }
      }
    }
    return new Page<>(entries, total, limit, offset);
  }

  /** Details as stored; text that cannot be read is a corrupt row (a server error), not a client's mistake. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> details(String json) {
    if (json == null) {
      throw new IllegalStateException("Stored audit details are corrupt: not readable text");
    }
    Object tree;
    try {
      tree = codec.get().readText(json, "Stored audit details are corrupt");
    } catch (ValidationException e) {
      throw new IllegalStateException("Stored audit details are corrupt: " + e.problems(), e);
    }
    return tree instanceof Map<?, ?> map ? (Map<String, Object>) map : new LinkedHashMap<>();
  }
}
