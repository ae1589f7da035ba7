package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.Unit;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * What the REST list budget (a page of 50 at 100k sessions against the same request on an empty
 * database) asks of the page itself: thread CPU per page, one thread, warm, of (a) {@code
 * SessionService.list} on the history, (b) the same on an empty profile, and (c) raw JDBC running
 * the page's SELECT on the history and reading every column (sqlite-jdbc's default connection, no
 * read transaction of its own). Rounds alternate; medians of the last half. When (a) against (b)
 * is already the REST ratio, the server adds nothing to it: the rows cost it. Arguments: a folder holding a generated history (the bench cache's
 * {@code history-100000-…}; it is only read), a scratch folder, rounds (default 10).
 *
 * <p>{@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath)
 * dev.setwise.bench.ListFloorBench target/bench/cache/history-100000-* /tmp/floor 10}
 */
public final class ListFloorBench {

  private static final String RAW_PAGE = "SELECT s.id, s.plan_id, s.date, s.started_at, s.ended_at, s.name, s.unit, "
      + "s.exercise_count, s.set_count, s.completed_set_count, s.volume, s.created_at, s.updated_at, s.version, "
      + "EXISTS (SELECT 1 FROM session_amendments a WHERE a.session_id = s.id) AS amended FROM sessions s "
      + "WHERE s.user_id = ? ORDER BY s.started_at DESC, s.id DESC LIMIT 50 OFFSET 0";
  private static final int PAGES = 2000;

  private ListFloorBench() {}

  public static void main(String[] args) throws Exception {
    Path history = Path.of(args[0]);
    Path scratch = Files.createDirectories(Path.of(args[1]));
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path copy = Files.createTempDirectory(scratch, "floor");
    Files.copy(history.resolve(AppContext.DATABASE_FILE), copy.resolve(AppContext.DATABASE_FILE));
    Path empty = Files.createTempDirectory(scratch, "empty");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    try (AppContext full = AppContext.open(copy); AppContext none = AppContext.open(empty);
        Connection raw = DriverManager.getConnection("jdbc:sqlite:" + copy.resolve(AppContext.DATABASE_FILE))) {
      UUID owner = full.profiles().list().get(0).id();
      Profile nobody = none.profiles().create("Empty", Unit.KG);
      PreparedStatement page = raw.prepareStatement(RAW_PAGE);
      List<List<Double>> times = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      long sink = 0;
      for (int round = 0; round < rounds; round++) {
        for (int side = 0; side < 3; side++) {
          long t0 = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < PAGES; i++) {
            switch (side) {
              case 0 -> sink += full.sessions().list(owner, SessionQuery.defaults()).items().size();
              case 1 -> sink += none.sessions().list(nobody.id(), SessionQuery.defaults()).total();
              default -> sink += readAll(page, owner);
            }
          }
          if (round >= rounds / 2) {
            times.get(side).add((mx.getCurrentThreadCpuTime() - t0) / 1e3 / PAGES);
          }
        }
      }
      double setwise = median(times.get(0));
      double emptyPage = median(times.get(1));
      double rawRows = median(times.get(2));
      System.out.printf("thread CPU per page: Setwise at %s %.0f us, Setwise empty %.0f us, raw JDBC rows %.0f us%n",
          history.getFileName(), setwise, emptyPage, rawRows);
      System.out.printf("one thread, empty against history: %.2fx; a page of 50 may cost %.1f us per row over an "
          + "empty one for 0.5x (%d)%n", emptyPage / setwise, emptyPage / 50, sink % 10);
    }
  }

  private static long readAll(PreparedStatement page, UUID owner) throws Exception {
    page.setString(1, owner.toString());
    long sink = 0;
    try (ResultSet rs = page.executeQuery()) {
      while (rs.next()) {
        sink += rs.getString(1).length() + String.valueOf(rs.getString(2)).length() + rs.getString(3).length() + rs.getLong(4)
            + rs.getLong(5) + rs.getString(6).length() + rs.getString(7).length() + rs.getInt(8) + rs.getInt(9)
            + rs.getInt(10) + (long) rs.getDouble(11) + rs.getLong(12) + rs.getLong(13) + rs.getLong(14)
            + rs.getInt(15);
      }
    }
    return sink;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
