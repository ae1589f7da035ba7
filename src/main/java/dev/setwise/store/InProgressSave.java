package dev.setwise.store;

import dev.setwise.domain.StructureStats;
import dev.setwise.json.SummaryJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The common save of a session in progress (an autosave, a {@code PATCH}) in one statement: its
 * snapshot replaced where it is the caller's, still in progress, at the version expected and
 * under the same summary name, answering with what the reply needs ({@code RETURNING}). Anything
 * else (a missing, foreign or completed session, another version, a new name) changes nothing
 * here: the caller then reads the session's head and takes the general path, whose checks give
 * the contract's answers (docs/decisions/0064).
 *
 * <p>It leaves out nothing the general path writes: the same columns, the snapshot's check on
 * SQLite, no name (the WHERE clause says it stays), so the schema's triggers see the same row.
 */
public final class InProgressSave {

  /** What a saved session is besides its snapshot: the parts a save never changes, and its new version. */
  public record Saved(UUID planId, LocalDate date, Instant startedAt, Instant createdAt, long version) {}

  private final Supplier<JsonMapper> mapper;

  /**
   * @param mapper the mapper stored summaries are written with ({@link SummaryJson}), asked for at
   *     the first save: building it loads most of Jackson, which the desktop's start need not wait
   *     for (docs/decisions/0067)
   */
  public InProgressSave(Supplier<JsonMapper> mapper) {
    this.mapper = mapper;
  }

  /** What every replacement of a snapshot sets, {@link SessionRepository#write} too. */
  static final String SET = "UPDATE sessions SET session = ?, unit = ?, exercise_count = ?, set_count = ?, "
      + "completed_set_count = ?, volume = ?, updated_at = ?, version = version + 1";
  private static final String WHERE = " WHERE id = ? AND user_id = ? AND ended_at IS NULL AND name = ? "
      + "AND version = coalesce(?, version) RETURNING plan_id, date, started_at, created_at, version";
  private static final String POSTGRESQL = SET + StoredSummary.keepingEnd(Dialect.POSTGRESQL) + WHERE;
  /** On SQLite the check of the snapshot goes with it, in the same row (V17). */
  private static final String SQLITE = SET + ", snapshot_check = ?" + StoredSummary.keepingEnd(Dialect.SQLITE) + WHERE;

  /**
   * Binds what every replacement of a snapshot sets, in the order of {@link #SET} (then the
   * snapshot's check when {@code checked}), from parameter 1.
   *
   * @return the next parameter's index
   */
  static int bindSnapshot(PreparedStatement statement, SessionRepository.Snapshot snapshot, Instant updatedAt,
      boolean checked) throws SQLException {
    StructureStats stats = snapshot.stats();
    int i = 1;
    statement.setString(i++, snapshot.text());
    statement.setString(i++, snapshot.structure().unit().code());
    statement.setInt(i++, stats.exerciseCount());
    statement.setInt(i++, stats.setCount());
    statement.setInt(i++, stats.completedSetCount());
    statement.setDouble(i++, stats.volume());
    Rows.setInstant(statement, i++, updatedAt);
    if (checked) {
      statement.setLong(i++, snapshot.check());
    }
    return i;
  }

  /**
   * Replaces the snapshot of session {@code id} of {@code ownerId} with {@code snapshot} when the
   * session is in progress, at {@code expectedVersion} (null: any) and stored under the snapshot's
   * summary name; in the caller's write transaction.
   *
   * @return the session as saved, or empty when nothing was changed
   */
  public Optional<Saved> overSameName(Tx tx, UUID ownerId, UUID id, SessionRepository.Snapshot snapshot,
      Instant updatedAt, Long expectedVersion) throws SQLException {
    boolean sqlite = tx.dialect() == Dialect.SQLITE;
    try (PreparedStatement statement = tx.prepare(sqlite ? SQLITE : POSTGRESQL)) {
      int i = bindSnapshot(statement, snapshot, updatedAt, sqlite);
      // the stored summary: its last change and figures (the rest of it is kept, StoredSummary)
      statement.setString(i++, SummaryJson.updated(mapper.get(), updatedAt));
      statement.setString(i++, snapshot.summaryTail());
      Rows.setUuid(statement, i++, id);
      Rows.setUuid(statement, i++, ownerId);
      statement.setString(i++, snapshot.summaryName());
      if (expectedVersion == null) {
        statement.setNull(i, Types.BIGINT);
      } else {
        statement.setLong(i, expectedVersion);
      }
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Saved(Rows.uuid(rs, 1), Rows.date(rs, 2), Rows.instant(rs, 3), Rows.instant(rs, 4),
            rs.getLong(5)));
      }
    }
  }
}
