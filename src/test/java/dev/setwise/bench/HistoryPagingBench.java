package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.UiServices;
import dev.setwise.ui.history.HistoryViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Does the history screen stay instant with 100,000 sessions? Seeds one profile with 100,000
 * sessions (rows written in one raw transaction: seeding through the service would fsync 100,000
 * times), then times the history view model's page loads (view model → SessionService.list →
 * SQLite) against a raw JDBC baseline running the same query on the same file, in the same run.
 *
 * <pre>bench/run.sh HistoryPagingBench [SESSIONS]</pre>
 *
 * Not a test: it prints medians and ratios and leaves judging to the reader (the machine is shared).
 */
public final class HistoryPagingBench {

  private HistoryPagingBench() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Path dir = Files.createTempDirectory("setwise-bench");
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-24T07:00:00Z"), ZoneOffset.UTC);
    try (AppContext app = AppContext.open(dir, clock)) {
      Profile owner = app.profiles().create("Bench", Unit.KG);
      Plan a = app.plans().create(owner.id(), "Push A", Structures.plan());
      Plan b = app.plans().create(owner.id(), "Pull A", Structures.plan());
      long seedStart = System.nanoTime();
      seed(dir.resolve(AppContext.DATABASE_FILE), owner.id(), a.id(), b.id(), count);
      System.out.printf(Locale.ROOT, "seeded %,d sessions in %.1f s%n", count, (System.nanoTime() - seedStart) / 1e9);

      UiServices services = UiServices.of(app);
      HistoryViewModel vm = new HistoryViewModel(services, BackgroundTasks.sameThread(),
          new SimpleObjectProperty<>(owner), new dev.setwise.ui.common.Navigator() {
            public void show(Screen screen) { }
            public void startFrom(UUID planId) { }
            public void resumeWorkout() { }
            public void openSession(UUID sessionId, boolean inProgress) { }
          });
      vm.refresh();
      try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(AppContext.DATABASE_FILE))) {
        System.out.println("case                         app (ms)  raw (ms)  ratio");
        vm.sortBy(SessionQuery.Sort.STARTED_AT, SessionQuery.Order.DESC);
        compare("first page, newest first", () -> load(vm),
            () -> rawPage(raw, owner.id(), "", "started_at DESC, id DESC", 0));
        jump(vm, 50_000);
        compare("page at offset 50,000", () -> load(vm),
            () -> rawPage(raw, owner.id(), "", "started_at DESC, id DESC", 50_000));
        vm.sortBy(SessionQuery.Sort.DATE, SessionQuery.Order.ASC);
        compare("sorted by date, ascending", () -> load(vm),
            () -> rawPage(raw, owner.id(), "", "date ASC, started_at ASC, id ASC", 0));
        vm.sortBy(SessionQuery.Sort.STARTED_AT, SessionQuery.Order.DESC);
        vm.statusProperty().set(HistoryViewModel.StatusFilter.COMPLETED);
        vm.planProperty().set(vm.planChoices().stream().filter(c -> b.id().equals(c.id())).findFirst().orElseThrow());
        compare("plan + completed filter", () -> load(vm), () -> rawPage(raw, owner.id(),
            " AND plan_id = '" + b.id() + "' AND ended_at IS NOT NULL", "started_at DESC, id DESC", 0));
        vm.resetFilters();
        vm.searchProperty().set("push");
        compare("name search", () -> load(vm),
            () -> rawPage(raw, owner.id(), " AND name LIKE '%push%'", "started_at DESC, id DESC", 0));
      }
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static int load(HistoryViewModel vm) {
    vm.load();
    return vm.rows().size();
  }

  private static void jump(HistoryViewModel vm, int offset) {
    // Paging is one step at a time in the UI; jumping straight there measures the deep page alone.
    try {
      var field = HistoryViewModel.class.getDeclaredField("offset");
      field.setAccessible(true);
      ((javafx.beans.property.LongProperty) field.get(vm)).set(offset);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    vm.load();
  }

  private static void compare(String name, Supplier<Integer> app, Supplier<Integer> raw) {
    for (int i = 0; i < 5; i++) {
      app.get();
      raw.get();
    }
    double appMs = median(app);
    double rawMs = median(raw);
    System.out.printf(Locale.ROOT, "%-28s %8.2f  %8.2f  %5.2f%n", name, appMs, rawMs, appMs / rawMs);
  }

  private static double median(Supplier<Integer> work) {
    double[] times = new double[21];
    for (int i = 0; i < times.length; i++) {
      long start = System.nanoTime();
      if (work.get() <= 0) {
        throw new IllegalStateException("no rows");
      }
      times[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(times);
    return times[times.length / 2];
  }

  /** The baseline: the same count and page query, straight through JDBC, rows read into nothing. */
  private static int rawPage(Connection raw, UUID owner, String filter, String order, int offset) {
    String where = " WHERE user_id = '" + owner + "'" + filter;
    try (Statement statement = raw.createStatement()) {
      int rows = 0;
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM sessions" + where)) {
        count.next();
      }
      try (ResultSet rs = statement.executeQuery("SELECT id, plan_id, date, started_at, ended_at, name, unit, "
          + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at FROM sessions" + where
          + " ORDER BY " + order + " LIMIT 50 OFFSET " + offset)) {
        while (rs.next()) {
          rs.getString(1);
          rows++;
        }
      }
      return rows;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void seed(Path file, UUID owner, UUID planA, UUID planB, int count) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
      connection.setAutoCommit(false);
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO sessions (id, user_id, plan_id, date, started_at, ended_at, session, name, unit, "
              + "exercise_count, set_count, completed_set_count, volume, created_at, updated_at) "
              + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'kg', 2, 7, ?, ?, ?, ?)")) {
        long day = 86_400_000L;
        long first = java.time.Instant.parse("2026-11-23T18:00:00Z").toEpochMilli() - (long) count * day / 3;
        LocalDate firstDate = LocalDate.of(2026, 11, 23).minusDays(count / 3);
        for (int i = 0; i < count; i++) {
          boolean push = i % 2 == 0;
          long started = first + (long) i * day / 3;
          insert.setString(1, new UUID(started, i).toString());
          insert.setString(2, owner.toString());
          insert.setString(3, (push ? planA : planB).toString());
          insert.setString(4, firstDate.plusDays(i / 3).toString());
          insert.setLong(5, started);
          if (i == count - 1) {
            insert.setNull(6, java.sql.Types.INTEGER);
          } else {
            insert.setLong(6, started + 3_600_000L);
          }
          insert.setString(7, "{\"name\":\"" + (push ? "Push A" : "Pull A") + "\",\"unit\":\"kg\",\"exercises\":[]}");
          insert.setString(8, push ? "Push A" : "Pull A");
          insert.setInt(9, 7);
          insert.setDouble(10, 4000 + i % 700);
          insert.setLong(11, started);
          insert.setLong(12, started);
          insert.addBatch();
          if (i % 5000 == 4999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      connection.commit();
    }
  }
}
