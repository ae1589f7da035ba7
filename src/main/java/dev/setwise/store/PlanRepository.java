package dev.setwise.store;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.SessionStructure;
import dev.setwise.json.StructureJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Plans, always scoped to their owner: another profile's plan id finds nothing. */
public final class PlanRepository {

  private static final String SUMMARY_COLUMNS =
      "id, name, exercise_count, has_sessions, archived, created_at, updated_at, version";

  private final StructureJson json;

  public PlanRepository(StructureJson json) {
    this.json = json;
  }

  /** @throws ConflictException {@code Plan already exists} when a plan with this id exists in any profile */
  public void insert(Tx tx, UUID ownerId, Plan plan) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO plans (id, user_id, name, structure, exercise_count, has_sessions, archived, created_at, "
            + "updated_at, version, structure_check) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      String text = json.write(plan.structure());
      Rows.setUuid(statement, 1, plan.id());
      Rows.setUuid(statement, 2, ownerId);
      statement.setString(3, plan.name());
      statement.setString(4, text);
      statement.setInt(5, plan.structure().exercises().size());
      statement.setInt(6, plan.hasSessions() ? 1 : 0);
      statement.setInt(7, plan.archived() ? 1 : 0);
      Rows.setInstant(statement, 8, plan.createdAt());
      Rows.setInstant(statement, 9, plan.updatedAt());
      statement.setLong(10, plan.version());
      statement.setLong(11, SnapshotCheck.of(text));
      statement.executeUpdate();
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      if (tx.dialect().uniqueViolated(e, "plans.id", "plans_pkey", "changes_pkey")
          || message.contains("used by a deleted plan")) {
        throw new ConflictException(Messages.PLAN_EXISTS);
      }
      throw e;
    }
  }

  /**
   * Writes name and structure (and the counts beside it) as version {@code plan.version()}, only
   * over the version just before it (compare-and-set).
   *
   * @return false when the stored plan is not at {@code plan.version() - 1} (changed meanwhile, or gone)
   */
  public boolean update(Tx tx, UUID ownerId, Plan plan) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE plans SET name = ?, structure = ?, exercise_count = ?, updated_at = ?, version = ?, "
            + "structure_check = ? WHERE id = ? AND user_id = ? AND version = ?")) {
      String text = json.write(plan.structure());
      statement.setString(1, plan.name());
      statement.setString(2, text);
      statement.setInt(3, plan.structure().exercises().size());
      Rows.setInstant(statement, 4, plan.updatedAt());
      statement.setLong(5, plan.version());
      statement.setLong(6, SnapshotCheck.of(text));
      Rows.setUuid(statement, 7, plan.id());
      Rows.setUuid(statement, 8, ownerId);
      statement.setLong(9, plan.version() - 1);
      return statement.executeUpdate() == 1;
    }
  }

  /** Finds a plan of this owner, archived or not. */
  public Optional<Plan> find(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    PreparedStatement statement = tx.statement(
        "SELECT " + SUMMARY_COLUMNS + ", structure, structure_check FROM plans WHERE id = ? AND user_id = ?");
    Rows.setUuid(statement, 1, planId);
    Rows.setUuid(statement, 2, ownerId);
    try (ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      Rows.StoredText stored = Rows.checkedText(rs, "structure", "structure_check");
      SessionStructure structure = stored.trusted() ? json.readTrusted(stored.text()) : json.read(stored.text());
      return Optional.of(new Plan(Rows.uuid(rs, "id"), rs.getString("name"), structure,
          rs.getInt("has_sessions") == 1, rs.getInt("archived") == 1,
          Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getLong("version")));
    }
  }

  /**
   * A plan of this owner, archived or not, without its structure (nothing parsed): for a session
   * that brings its own snapshot and needs only the plan's name and state.
   */
  public Optional<PlanSummary> findSummary(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    PreparedStatement statement = tx.statement(
        "SELECT " + SUMMARY_COLUMNS + " FROM plans WHERE id = ? AND user_id = ?");
    Rows.setUuid(statement, 1, planId);
    Rows.setUuid(statement, 2, ownerId);
    try (ResultSet rs = statement.executeQuery()) {
      if (!rs.next()) {
        return Optional.empty();
      }
      return Optional.of(new PlanSummary(Rows.uuid(rs, "id"), rs.getString("name"), rs.getInt("exercise_count"),
          rs.getInt("has_sessions") == 1, rs.getInt("archived") == 1,
          Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getLong("version")));
    }
  }

  /** The owner's plans by name, without their structures. */
  public List<PlanSummary> list(Tx tx, UUID ownerId, boolean includeArchived) throws SQLException {
    String sql = "SELECT " + SUMMARY_COLUMNS + " FROM plans WHERE user_id = ?"
        + (includeArchived ? "" : " AND archived = 0") + " ORDER BY " + tx.dialect().ignoringCase("name")
        + ", created_at, id";
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      Rows.setUuid(statement, 1, ownerId);
      List<PlanSummary> plans = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          plans.add(new PlanSummary(Rows.uuid(rs, "id"), rs.getString("name"), rs.getInt("exercise_count"),
              rs.getInt("has_sessions") == 1, rs.getInt("archived") == 1,
              Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at"), rs.getLong("version")));
        }
      }
      return plans;
    }
  }

  /**
   * Notes that a session refers to the plan. Not a change of the plan: its version stays (a
   * session started on one device must not make an edit of the plan on another a conflict).
   */
  public void markHasSessions(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    PreparedStatement statement = tx.statement(
        "UPDATE plans SET has_sessions = 1 WHERE id = ? AND user_id = ? AND has_sessions = 0");
    Rows.setUuid(statement, 1, planId);
    Rows.setUuid(statement, 2, ownerId);
    statement.executeUpdate();
  }

  /** True when any session (of any state) still refers to the plan. */
  public boolean isReferenced(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE user_id = ? AND plan_id = ?)")) {
      Rows.setUuid(statement, 1, ownerId);
      Rows.setUuid(statement, 2, planId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Archives the plan as version {@code fromVersion + 1}, only over {@code fromVersion}.
   *
   * @return false when the stored plan is not at {@code fromVersion}
   */
  public boolean archive(Tx tx, UUID ownerId, UUID planId, long fromVersion, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE plans SET archived = 1, updated_at = ?, version = version + 1 "
            + "WHERE id = ? AND user_id = ? AND version = ?")) {
      Rows.setInstant(statement, 1, at);
      Rows.setUuid(statement, 2, planId);
      Rows.setUuid(statement, 3, ownerId);
      statement.setLong(4, fromVersion);
      return statement.executeUpdate() == 1;
    }
  }

  /**
   * True when a plan with this id exists in any profile, or existed: the id of a deleted plan
   * stays taken by its tombstone in the change feed.
   */
  public boolean idTaken(Tx tx, UUID planId) throws SQLException {
    if (tx.dialect() == Dialect.POSTGRESQL) {
      // every profile's feed, past row-level security: the schema's function answers only yes or no
      try (PreparedStatement statement = tx.connection().prepareStatement("SELECT setwise_id_taken('plan', ?)")) {
        Rows.setUuid(statement, 1, planId);
        try (ResultSet rs = statement.executeQuery()) {
          return rs.next() && rs.getBoolean(1);
        }
      }
    }
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM plans WHERE id = ?) "
            + "OR EXISTS (SELECT 1 FROM changes WHERE entity_type = 'plan' AND entity_id = ?)")) {
      Rows.setUuid(statement, 1, planId);
      Rows.setUuid(statement, 2, planId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /**
   * Removes the plan, only when it is at {@code fromVersion}.
   *
   * @return false when the stored plan is not at {@code fromVersion}
   */
  public boolean delete(Tx tx, UUID ownerId, UUID planId, long fromVersion) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM plans WHERE id = ? AND user_id = ? AND version = ?")) {
      Rows.setUuid(statement, 1, planId);
      Rows.setUuid(statement, 2, ownerId);
      statement.setLong(3, fromVersion);
      return statement.executeUpdate() == 1;
    }
  }
}
