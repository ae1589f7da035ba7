package dev.setwise.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Per-profile settings as text by key ({@code profile_settings}); the service gives them types. */
public final class ProfileSettingsRepository {

  public Map<String, String> all(Tx tx, UUID ownerId) throws SQLException {
    Map<String, String> values = new LinkedHashMap<>();
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "SELECT key, value FROM profile_settings WHERE user_id = ? ORDER BY key")) {
      statement.setString(1, ownerId.toString());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          values.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return values;
  }

  public void put(Tx tx, UUID ownerId, String key, String value) throws SQLException {
    try (PreparedStatement statement = tx.connection().prepareStatement(
        "INSERT INTO profile_settings (user_id, key, value) VALUES (?, ?, ?) "
            + "ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value")) {
      statement.setString(1, ownerId.toString());
      statement.setString(2, key);
      statement.setString(3, value);
      statement.executeUpdate();
    }
  }
}
