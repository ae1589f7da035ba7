package dev.setwise.store;

import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Profiles: the owners of every other row. */
public final class ProfileRepository {

  private static final String COLUMNS = "id, name, unit, created_at";

  public void insert(Tx tx, Profile profile) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO profiles (id, name, unit, created_at) VALUES (?, ?, ?, ?)")) {
      Rows.setUuid(statement, 1, profile.id());
      statement.setString(2, profile.name());
      statement.setString(3, profile.unit().code());
      Rows.setInstant(statement, 4, profile.createdAt());
      statement.executeUpdate();
    }
  }

  public void update(Tx tx, Profile profile) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "UPDATE profiles SET name = ?, unit = ? WHERE id = ?")) {
      statement.setString(1, profile.name());
      statement.setString(2, profile.unit().code());
      Rows.setUuid(statement, 3, profile.id());
      statement.executeUpdate();
    }
  }

  public List<Profile> list(Tx tx) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM profiles ORDER BY " + tx.dialect().ignoringCase("name") + ", created_at")) {
      List<Profile> profiles = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          profiles.add(map(rs));
        }
      }
      return profiles;
    }
  }

  public Optional<Profile> find(Tx tx, UUID id) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM profiles WHERE id = ?")) {
      Rows.setUuid(statement, 1, id);
      return one(statement);
    }
  }

  /** Finds a profile by name, ignoring case as the unique index does. */
  public Optional<Profile> findByName(Tx tx, String name) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT " + COLUMNS + " FROM profiles WHERE " + tx.dialect().equalIgnoringCase("name"))) {
      statement.setString(1, name);
      return one(statement);
    }
  }

  private static Optional<Profile> one(PreparedStatement statement) throws SQLException {
    try (ResultSet rs = statement.executeQuery()) {
      return rs.next() ? Optional.of(map(rs)) : Optional.empty();
    }
  }

  private static Profile map(ResultSet rs) throws SQLException {
    return new Profile(Rows.uuid(rs, "id"), rs.getString("name"),
        Unit.fromCode(rs.getString("unit")).orElseThrow(), Rows.instant(rs, "created_at"));
  }
}
