package dev.setwise.store;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.sync.OutboxEntry;
import dev.setwise.domain.sync.RemoteState;
import dev.setwise.domain.sync.SentMark;
import dev.setwise.domain.sync.SyncOutcome;
import dev.setwise.domain.sync.SyncSettings;
import dev.setwise.domain.sync.SyncShadow;
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
 * The sync client's own tables (migration V12): a profile's sync settings, its outbox (written by
 * triggers on plans and sessions; read, trimmed and reordered here), what device and server last
 * agreed on per entity, and the guard row that marks a transaction applying the server's changes.
 * Conflicts are in {@link SyncConflictRepository}.
 */
public final class SyncRepository {

  // ---- settings

  public Optional<SyncSettings> settings(Tx tx, UUID profileId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT server_url, cursor, set_up_at, last_attempt_at, last_success_at, last_outcome, last_error "
            + "FROM sync_profiles WHERE user_id = ?")) {
      Rows.setUuid(statement, 1, profileId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new SyncSettings(profileId, rs.getString("server_url"), rs.getString("cursor"),
            Rows.instant(rs, "set_up_at"), Rows.instant(rs, "last_attempt_at"), Rows.instant(rs, "last_success_at"),
            rs.getString("last_outcome") == null ? null : SyncOutcome.fromCode(rs.getString("last_outcome")),
            rs.getString("last_error")));
      }
    }
  }

  /** The profiles that sync (have a server set up), in the order they were set up. */
  public java.util.List<UUID> syncingProfiles(Tx tx) throws SQLException {
    java.util.List<UUID> ids = new java.util.ArrayList<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT user_id FROM sync_profiles ORDER BY set_up_at, user_id");
        ResultSet rs = statement.executeQuery()) {
      while (rs.next()) {
        ids.add(Rows.uuid(rs, "user_id"));
      }
    }
    return ids;
  }

  /** Starts syncing a profile with a server: no cursor yet, nothing attempted. */
  public void insertSettings(Tx tx, UUID profileId, String serverUrl, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO sync_profiles (user_id, server_url, cursor, set_up_at) VALUES (?, ?, NULL, ?)")) {
      Rows.setUuid(statement, 1, profileId);
      statement.setString(2, serverUrl);
      Rows.setInstant(statement, 3, at);
      statement.executeUpdate();
    }
  }

  public void saveCursor(Tx tx, UUID profileId, String cursor) throws SQLException {
    PreparedStatement statement = tx.statement(
        "UPDATE sync_profiles SET cursor = ? WHERE user_id = ?");
    if (cursor == null) {
      statement.setNull(1, Types.VARCHAR);
    } else {
      statement.setString(1, cursor);
    }
    Rows.setUuid(statement, 2, profileId);
    statement.executeUpdate();
  }

  /** Notes a sync that ended: when, how, and why it did not succeed ({@code null} for none). */
  public void recordAttempt(Tx tx, UUID profileId, Instant at, SyncOutcome outcome, String error)
      throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE sync_profiles SET last_attempt_at = ?, last_outcome = ?, last_error = ?, "
            + "last_success_at = CASE WHEN ? THEN ? ELSE last_success_at END WHERE user_id = ?")) {
      Rows.setInstant(statement, 1, at);
      statement.setString(2, outcome.code());
      if (error == null) {
        statement.setNull(3, Types.VARCHAR);
      } else {
        statement.setString(3, error);
      }
      statement.setBoolean(4, outcome == SyncOutcome.SYNCED);
      Rows.setInstant(statement, 5, at);
      Rows.setUuid(statement, 6, profileId);
      statement.executeUpdate();
    }
  }

  /** Forgets everything sync knew about a profile: settings, outbox, agreements, conflicts. */
  public void forget(Tx tx, UUID profileId) throws SQLException {
    for (String table : List.of("sync_conflicts", "sync_entities", "sync_outbox", "sync_profiles")) {
      try (PreparedStatement statement = tx.connection().prepareStatement(
          "DELETE FROM " + table + " WHERE user_id = ?")) {
        Rows.setUuid(statement, 1, profileId);
        statement.executeUpdate();
      }
    }
  }

  // ---- the guard of applied changes

  /** From now until {@link #endApplying}, in this transaction, writes of the profile are the server's. */
  public void beginApplying(Tx tx, UUID profileId) throws SQLException {
    update(tx, "INSERT OR IGNORE INTO sync_applying (user_id) VALUES (?)", profileId);
  }

  public void endApplying(Tx tx, UUID profileId) throws SQLException {
    update(tx, "DELETE FROM sync_applying WHERE user_id = ?", profileId);
  }

  // ---- the outbox

  /**
   * Queues every plan of the profile, then every session (oldest first), as changes not yet on
   * the server: what existed before sync was set up. Entries already queued keep their place.
   */
  public void enqueueEverything(Tx tx, UUID profileId, Instant at) throws SQLException {
    for (String sql : List.of(
        "INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at) "
            + "SELECT user_id, 'plan', id, version, 0, ? FROM plans WHERE user_id = ? ORDER BY created_at, id "
            + "ON CONFLICT (user_id, entity_type, entity_id) DO NOTHING",
        "INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at) "
            + "SELECT user_id, 'session', id, version, 0, ? FROM sessions WHERE user_id = ? ORDER BY started_at, id "
            + "ON CONFLICT (user_id, entity_type, entity_id) DO NOTHING")) {
      try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
        Rows.setInstant(statement, 1, at);
        Rows.setUuid(statement, 2, profileId);
        statement.executeUpdate();
      }
    }
  }

  /** Queues one entity at the end of the outbox (a settled conflict to send), or moves it there. */
  public void enqueueAtEnd(Tx tx, UUID profileId, EntityType type, UUID id, long localVersion, boolean deleted,
      Instant at) throws SQLException {
    removeOutbox(tx, profileId, type, id);
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO sync_outbox (user_id, entity_type, entity_id, local_version, deleted, queued_at) "
            + "VALUES (?, ?, ?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, profileId);
      statement.setString(2, type.code());
      Rows.setUuid(statement, 3, id);
      statement.setLong(4, localVersion);
      statement.setInt(5, deleted ? 1 : 0);
      Rows.setInstant(statement, 6, at);
      statement.executeUpdate();
    }
  }

  /** Moves an entry to the end of the outbox, keeping what it says. */
  public void moveToEnd(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE sync_outbox SET seq = (SELECT max(seq) + 1 FROM sync_outbox) "
            + "WHERE user_id = ? AND entity_type = ? AND entity_id = ?")) {
      Rows.setUuid(statement, 1, profileId);
      statement.setString(2, type.code());
      Rows.setUuid(statement, 3, id);
      statement.executeUpdate();
    }
  }

  /** The profile's entries after {@code afterSeq}, in order, at most {@code limit}. */
  public List<OutboxEntry> outbox(Tx tx, UUID profileId, long afterSeq, int limit) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT seq, entity_type, entity_id, local_version, deleted, queued_at, last_error FROM sync_outbox "
            + "WHERE user_id = ? AND seq > ? ORDER BY seq LIMIT ?")) {
      Rows.setUuid(statement, 1, profileId);
      statement.setLong(2, afterSeq);
      statement.setInt(3, limit);
      List<OutboxEntry> entries = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return entries;
    }
  }

  public Optional<OutboxEntry> outboxEntry(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(
        "SELECT seq, entity_type, entity_id, local_version, deleted, queued_at, last_error FROM sync_outbox "
            + "WHERE user_id = ? AND entity_type = ? AND entity_id = ?");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
    }
  }

  public long outboxSize(Tx tx, UUID profileId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT count(*) FROM sync_outbox WHERE user_id = ?")) {
      Rows.setUuid(statement, 1, profileId);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Removes the entry when it still says {@code localVersion}: a change made while it was being
   * sent raised the version, and then the entry stays to send that change too.
   *
   * @return true when it was removed
   */
  public boolean removeOutbox(Tx tx, UUID profileId, EntityType type, UUID id, long localVersion)
      throws SQLException {
    PreparedStatement statement = tx.statement(
        "DELETE FROM sync_outbox WHERE user_id = ? AND entity_type = ? AND entity_id = ? AND local_version = ?");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    statement.setLong(4, localVersion);
    return statement.executeUpdate() == 1;
  }

  /** Removes the entry whatever it says. */
  public void removeOutbox(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(
        "DELETE FROM sync_outbox WHERE user_id = ? AND entity_type = ? AND entity_id = ?");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    statement.executeUpdate();
  }

  /** Notes why the server refused the entry ({@code null} clears it). */
  public void markFailed(Tx tx, UUID profileId, EntityType type, UUID id, String error) throws SQLException {
    PreparedStatement statement = tx.statement(
        "UPDATE sync_outbox SET last_error = ? WHERE user_id = ? AND entity_type = ? AND entity_id = ?");
    statement.setString(1, error);
    Rows.setUuid(statement, 2, profileId);
    statement.setString(3, type.code());
    Rows.setUuid(statement, 4, id);
    statement.executeUpdate();
  }

  /** The entries the server refused, oldest first. */
  public List<OutboxEntry> failed(Tx tx, UUID profileId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT seq, entity_type, entity_id, local_version, deleted, queued_at, last_error FROM sync_outbox "
            + "WHERE user_id = ? AND last_error IS NOT NULL ORDER BY seq")) {
      Rows.setUuid(statement, 1, profileId);
      List<OutboxEntry> entries = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return entries;
    }
  }

  // ---- what device and server agreed on

  public Optional<SyncShadow> shadow(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(
        "SELECT remote_version, local_version, remote_state, content_hash FROM sync_entities "
            + "WHERE user_id = ? AND entity_type = ? AND entity_id = ?");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    try (ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new SyncShadow(rs.getLong("remote_version"), rs.getLong("local_version"),
          RemoteState.fromCode(rs.getString("remote_state")), rs.getString("content_hash")));
    }
  }

  public void putShadow(Tx tx, UUID profileId, EntityType type, UUID id, SyncShadow shadow) throws SQLException {
    PreparedStatement statement = tx.statement(
        "INSERT INTO sync_entities (user_id, entity_type, entity_id, remote_version, local_version, remote_state, "
            + "content_hash) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, entity_type, entity_id) DO UPDATE "
            + "SET remote_version = excluded.remote_version, local_version = excluded.local_version, "
            + "remote_state = excluded.remote_state, content_hash = excluded.content_hash, "
            + "sent_remote_version = NULL, sent_local_version = NULL, sent_hash = NULL");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    statement.setLong(4, shadow.remoteVersion());
    statement.setLong(5, shadow.localVersion());
    statement.setString(6, shadow.state().code());
    if (shadow.contentHash() == null) {
      statement.setNull(7, Types.VARCHAR);
    } else {
      statement.setString(7, shadow.contentHash());
    }
    statement.executeUpdate();
  }

  /** Notes an update on its way (see {@link SentMark}); the next {@link #putShadow} clears it. */
  public void markSent(Tx tx, UUID profileId, EntityType type, UUID id, SentMark mark) throws SQLException {
    PreparedStatement statement = tx.statement(
        "UPDATE sync_entities SET sent_remote_version = ?, sent_local_version = ?, sent_hash = ? "
            + "WHERE user_id = ? AND entity_type = ? AND entity_id = ?");
    statement.setLong(1, mark.remoteVersion());
    statement.setLong(2, mark.localVersion());
    statement.setString(3, mark.hash());
    Rows.setUuid(statement, 4, profileId);
    statement.setString(5, type.code());
    Rows.setUuid(statement, 6, id);
    statement.executeUpdate();
  }

  public Optional<SentMark> sent(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(
        "SELECT sent_remote_version, sent_local_version, sent_hash FROM sync_entities "
            + "WHERE user_id = ? AND entity_type = ? AND entity_id = ? AND sent_remote_version IS NOT NULL");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(new SentMark(rs.getLong(1), rs.getLong(2), rs.getString(3))) : Optional.empty();
    }
  }

  public void removeShadow(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(
        "DELETE FROM sync_entities WHERE user_id = ? AND entity_type = ? AND entity_id = ?");
    Rows.setUuid(statement, 1, profileId);
    statement.setString(2, type.code());
    Rows.setUuid(statement, 3, id);
    statement.executeUpdate();
  }

  /** The ids of the profile's sessions of a plan that the server does not have yet. */
  public List<UUID> sessionsNotOnServer(Tx tx, UUID profileId, UUID planId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT s.id FROM sessions s WHERE s.user_id = ? AND s.plan_id = ? AND NOT EXISTS (SELECT 1 FROM "
            + "sync_entities e WHERE e.user_id = s.user_id AND e.entity_type = 'session' AND e.entity_id = s.id) "
            + "ORDER BY s.started_at, s.id")) {
      Rows.setUuid(statement, 1, profileId);
      Rows.setUuid(statement, 2, planId);
      List<UUID> ids = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          ids.add(Rows.uuid(rs, "id"));
        }
      }
      return ids;
    }
  }

  /**
   * The version of the local tombstone of a deleted plan or session of the profile, if it has one
   * (a deleted id can come back only above it).
   */
  public Optional<Long> tombstoneVersion(Tx tx, UUID profileId, EntityType type, UUID id) throws SQLException {
    PreparedStatement statement = tx.statement(
        "SELECT version FROM changes WHERE entity_type = ? AND entity_id = ? AND user_id = ? AND deleted = 1");
    statement.setString(1, type.code());
    Rows.setUuid(statement, 2, id);
    Rows.setUuid(statement, 3, profileId);
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
    }
  }

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    return new OutboxEntry(rs.getLong("seq"), EntityType.fromCode(rs.getString("entity_type")),
        Rows.uuid(rs, "entity_id"), rs.getLong("local_version"), rs.getInt("deleted") == 1,
        Rows.instant(rs, "queued_at"), rs.getString("last_error"));
  }

  private static void update(Tx tx, String sql, UUID profileId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      Rows.setUuid(statement, 1, profileId);
      statement.executeUpdate();
    }
  }
}
