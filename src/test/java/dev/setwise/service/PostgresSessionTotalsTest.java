package dev.setwise.service;

import dev.setwise.support.PostgresServer;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link SessionTotalsTest} on PostgreSQL: the totals its V21 triggers keep after renames,
 * amendments, deletions and sessions without a plan equal a count of the rows, and every query
 * (name searches on the trigram index among them) answers what a brute-force computation does.
 * A name search there is {@code ILIKE}, as it was before the totals: the brute force asks the
 * server whether a name matches a text, not the Java code.
 */
class PostgresSessionTotalsTest extends SessionTotalsTest {

  private final Map<List<String>, Boolean> likes = new HashMap<>();

  @Override
  TestContext open(Path dir) {
    return TestContext.onPostgres(dir);
  }

  @Override
  int totalsThatDifferFromACountOfTheRows() throws SQLException {
    try (Connection raw = PostgresServer.get().connectAsSuperuser(t.database);
        Statement statement = raw.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM (SELECT user_id, coalesce(plan_id::text, '') AS p, "
            + "name, count(*) AS n FROM sessions GROUP BY 1, 2, 3) c FULL JOIN session_totals t "
            + "ON t.user_id = c.user_id AND t.plan_key = c.p AND t.name = c.name "
            + "WHERE t.sessions IS DISTINCT FROM c.n")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Override
  boolean like(String name, String text) {
    return likes.computeIfAbsent(List.of(name, text), key -> {
      try (Connection raw = PostgresServer.get().connectAsSetwise(t.database);
          PreparedStatement statement = raw.prepareStatement("SELECT ? ILIKE ? ESCAPE '\\'")) {
        statement.setString(1, name);
        statement.setString(2, "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        try (ResultSet rs = statement.executeQuery()) {
          rs.next();
          return rs.getBoolean(1);
        }
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
