package dev.setwise.store;

import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
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
      "id, name, exercise_count, has_sessions, archived, created_at, updated_at";

  private final StructureJson json;

  public PlanRepository(StructureJson json) {
    this.json = json;
  }

  public void insert(Tx tx, UUID ownerId, Plan plan) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO plans (id, user_id, name, structure, exercise_count, has_sessions, archived, created_at, "
            + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, plan.id());
      Rows.setUuid(statement, 2, ownerId);
      statement.setString(3, plan.name());
      statement.setString(4, json.write(plan.structure()));
      statement.setInt(5, plan.structure().exercises().size());
      statement.setInt(6, plan.hasSessions() ? 1 : 0);
      statement.setInt(7, plan.archived() ? 1 : 0);
      Rows.setInstant(statement, 8, plan.createdAt());
      Rows.setInstant(statement, 9, plan.updatedAt());
      statement.executeUpdate();
    }
  }

  /** Writes name and structure (and the counts beside it). */
  public void update(Tx tx, UUID ownerId, Plan plan) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE plans SET name = ?, structure = ?, exercise_count = ?, updated_at = ? WHERE id = ? AND user_id = ?")) {
      statement.setString(1, plan.name());
      statement.setString(2, json.write(plan.structure()));
      statement.setInt(3, plan.structure().exercises().size());
      Rows.setInstant(statement, 4, plan.updatedAt());
      Rows.setUuid(statement, 5, plan.id());
      Rows.setUuid(statement, 6, ownerId);
      statement.executeUpdate();
    }
  }

  /** Finds a plan of this owner, archived or not. */
  public Optional<Plan> find(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + SUMMARY_COLUMNS + ", structure FROM plans WHERE id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, planId);
      Rows.setUuid(statement, 2, ownerId);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new Plan(Rows.uuid(rs, "id"), rs.getString("name"), json.read(Rows.strictText(rs, "structure")),
            rs.getInt("has_sessions") == 1, rs.getInt("archived") == 1,
            Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at")));
      }
    }
  }

  /** The owner's plans by name, without their structures. */
  public List<PlanSummary> list(Tx tx, UUID ownerId, boolean includeArchived) throws SQLException {
    String sql = "SELECT " + SUMMARY_COLUMNS + " FROM plans WHERE user_id = ?"
        + (includeArchived ? "" : " AND archived = 0") + " ORDER BY name COLLATE NOCASE, created_at, id";
    try (PreparedStatement statement = tx.connection().prepareStatement(sql)) {
      Rows.setUuid(statement, 1, ownerId);
      List<PlanSummary> plans = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          plans.add(new PlanSummary(Rows.uuid(rs, "id"), rs.getString("name"), rs.getInt("exercise_count"),
              rs.getInt("has_sessions") == 1, rs.getInt("archived") == 1,
              Rows.instant(rs, "created_at"), Rows.instant(rs, "updated_at")));
        }
      }
      return plans;
    }
  }

  public void markHasSessions(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE plans SET has_sessions = 1 WHERE id = ? AND user_id = ? AND has_sessions = 0")) {
      Rows.setUuid(statement, 1, planId);
      Rows.setUuid(statement, 2, ownerId);
      statement.executeUpdate();
    }
  }

  /** True when any session (of any state) still refers to the plan. */
  public boolean isReferenced(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT EXISTS (SELECT 1 FROM sessions WHERE user_id = ? AND plan_id = ?)")) {
      Rows.setUuid(statement, 1, ownerId);
      Rows.setUuid(statement, 2, planId);
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() && rs.getInt(1) == 1;
      }
    }
  }

  public void archive(Tx tx, UUID ownerId, UUID planId, Instant at) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE plans SET archived = 1, updated_at = ? WHERE id = ? AND user_id = ?")) {
      Rows.setInstant(statement, 1, at);
      Rows.setUuid(statement, 2, planId);
      Rows.setUuid(statement, 3, ownerId);
      statement.executeUpdate();
    }
  }

  public void delete(Tx tx, UUID ownerId, UUID planId) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "DELETE FROM plans WHERE id = ? AND user_id = ?")) {
      Rows.setUuid(statement, 1, planId);
      Rows.setUuid(statement, 2, ownerId);
      statement.executeUpdate();
    }
  }
}
