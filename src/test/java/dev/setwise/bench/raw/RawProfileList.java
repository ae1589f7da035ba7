package dev.setwise.bench.raw;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Baseline of {@code setwise profile list}: open the database with plain sqlite-jdbc, select the
 * profiles, print them as the command does (name, tab, unit). {@code java -jar raw-profile-list.jar DB}.
 */
public final class RawProfileList {

  private RawProfileList() {}

  public static void main(String[] args) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + args[0]);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT name, unit FROM profiles ORDER BY name COLLATE NOCASE")) {
      StringBuilder out = new StringBuilder();
      while (rs.next()) {
        out.append(rs.getString(1)).append('\t').append(rs.getString(2)).append('\n');
      }
      System.out.print(out);
    }
  }
}
