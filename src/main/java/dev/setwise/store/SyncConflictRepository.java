package dev.setwise.store;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.json.ResourceJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sync conflicts with both versions kept as JSON (table {@code sync_conflicts}, migration V12). At
 * most one is open per entity (the schema says so); settled ones stay, with the side that was kept.
 */
public final class SyncConflictRepository {

  private static final String COLUMNS = "id, user_id, entity_type, entity_id, kind, about, local_copy, remote_copy, "
      + "remote_id, remote_version, created_at, updated_at, resolved_at, kept";

  private final ResourceJson json;

  public SyncConflictRepository(ResourceJson json) {
    this.json = json;
  }

  /** A new open conflict; returns its id. */
  public long insert(Tx tx, UUID profileId, EntityType type, UUID entityId, ConflictKind kind, String about,
      EntityCopy local, EntityCopy remote, UUID remoteId, Long remoteVersion, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO sync_conflicts (user_id, entity_type, entity_id, kind, about, local_copy, remote_copy, "
            + "remote_id, remote_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "RETURNING id")) {
      Rows.setUuid(statement, 1, profileId);
      statement.setString(2, type.code());
      Rows.setUuid(statement, 3, entityId);
      statement.setString(4, kind.code());
      statement.setString(5, about);
      setCopy(statement, 6, local);
      setCopy(statement, 7, remote);
      Rows.setUuid(statement, 8, remoteId);
      setLong(statement, 9, remoteVersion);
      Rows.setInstant(statement, 10, at);
      Rows.setInstant(statement, 11, at);
      try (ResultSet keys = statement.executeQuery()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  /** Replaces what an open conflict says (a newer version arrived from either side). */
  public void update(Tx tx, long id, ConflictKind kind, String about, EntityCopy local, EntityCopy remote,
      UUID remoteId, Long remoteVersion, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE sync_conflicts SET kind = ?, about = ?, local_copy = ?, remote_copy = ?, remote_id = ?, "
            + "remote_version = ?, updated_at = ? WHERE id = ? AND resolved_at IS NULL")) {
      statement.setString(1, kind.code());
      statement.setString(2, about);
      setCopy(statement, 3, local);
      setCopy(statement, 4, remote);
      Rows.setUuid(statement, 5, remoteId);
      setLong(statement, 6, remoteVersion);
      Rows.setInstant(statement, 7, at);
      statement.setLong(8, id);
      statement.executeUpdate();
    }
  }

  public Optional<SyncConflict> openFor(Tx tx, UUID profileId, EntityType type, UUID entityId) throws SQLException {
    return one(tx, "SELECT " + COLUMNS + " FROM sync_conflicts WHERE user_id = ? AND entity_type = ? "
        + "AND entity_id = ? AND resolved_at IS NULL", statement -> {
          Rows.setUuid(statement, 1, profileId);
          statement.setString(2, type.code());
          Rows.setUuid(statement, 3, entityId);
        });
  }

  /** The open conflict whose server copy is {@code remoteId} (the other session in progress). */
  public Optional<SyncConflict> openWithRemote(Tx tx, UUID profileId, UUID remoteId) throws SQLException {
    return one(tx, "SELECT " + COLUMNS + " FROM sync_conflicts WHERE user_id = ? AND remote_id = ? "
        + "AND resolved_at IS NULL ORDER BY id LIMIT 1", statement -> {
          Rows.setUuid(statement, 1, profileId);
          Rows.setUuid(statement, 2, remoteId);
        });
  }

  public Optional<SyncConflict> find(Tx tx, long id) throws SQLException {
    return one(tx, "SELECT " + COLUMNS + " FROM sync_conflicts WHERE id = ?", statement -> statement.setLong(1, id));
  }

  /** The profile's open conflicts, oldest first. */
  public List<SyncConflict> open(Tx tx, UUID profileId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM sync_conflicts WHERE user_id = ? AND resolved_at IS NULL ORDER BY id")) {
      Rows.setUuid(statement, 1, profileId);
      List<SyncConflict> found = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          found.add(conflict(rs));
        }
      }
      return found;
    }
  }

  public long openCount(Tx tx, UUID profileId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT count(*) FROM sync_conflicts WHERE user_id = ? AND resolved_at IS NULL")) {
      Rows.setUuid(statement, 1, profileId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Settles an open conflict. @return false when it was not open */
  public boolean resolve(Tx tx, long id, Keep kept, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE sync_conflicts SET resolved_at = ?, kept = ?, updated_at = ? WHERE id = ? AND resolved_at IS NULL")) {
      Rows.setInstant(statement, 1, at);
      statement.setString(2, kept.code());
      Rows.setInstant(statement, 3, at);
      statement.setLong(4, id);
      return statement.executeUpdate() == 1;
    }
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private Optional<SyncConflict> one(Tx tx, String sql, Binder binder) throws SQLException {
    PreparedStatement statement = tx.statement(sql);
    binder.bind(statement);
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(conflict(rs)) : Optional.empty();
    }
  }

  private SyncConflict conflict(ResultSet rs) throws SQLException {
    String local = rs.getString("local_copy");
    String remote = rs.getString("remote_copy");
    long remoteVersion = rs.getLong("remote_version");
    Long version = rs.wasNull() ? null : remoteVersion;
    String kept = rs.getString("kept");
    return new SyncConflict(rs.getLong("id"), Rows.uuid(rs, "user_id"), EntityType.fromCode(rs.getString("entity_type")),
        Rows.uuid(rs, "entity_id"), ConflictKind.fromCode(rs.getString("kind")), rs.getString("about"),
        local == null ? null : json.readCopy(local), remote == null ? null : json.readCopy(remote),
        Rows.uuid(rs, "remote_id"), version, Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"),
        Rows.instant(rs, "resolved_at"), kept == null ? null : Keep.fromCode(kept).orElseThrow());
  }

  private void setCopy(PreparedStatement statement, int index, EntityCopy copy) throws SQLException {
    if (copy == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, json.writeCopy(copy));
    }
  }

  private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value);
    }
  }
}
