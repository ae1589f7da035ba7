package dev.setwise.store;

import dev.setwise.domain.EntityType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The change feed as the schema keeps it (table {@code changes}, written by triggers only): one
 * row per plan or session that ever existed, at the position of its latest change in its owner's
 * feed. Read here, never written.
 */
public final class ChangeRepository {

  /** A feed row: which entity, where in the feed, at which version, whether it is a tombstone. */
  public record Row(EntityType entityType, UUID id, long seq, long version, boolean deleted) {}

  /** The owner's rows after position {@code afterSeq}, oldest change first, at most {@code limit}. */
  public List<Row> after(Tx tx, UUID ownerId, long afterSeq, int limit) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT entity_type, entity_id, seq, version, deleted FROM changes "
            + "WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      Rows.setUuid(statement, 1, ownerId);
      statement.setLong(2, afterSeq);
      statement.setInt(3, limit);
      List<Row> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(new Row(EntityType.fromCode(rs.getString("entity_type")), Rows.uuid(rs, "entity_id"),
              rs.getLong("seq"), rs.getLong("version"), rs.getInt("deleted") == 1));
        }
      }
      return rows;
    }
  }
}
