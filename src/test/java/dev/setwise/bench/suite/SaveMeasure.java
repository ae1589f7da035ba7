package dev.setwise.bench.suite;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.Unit;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One set edit saved: {@code SessionService.update} of a session in progress (the desktop's
 * autosave and {@code PATCH}; the whole snapshot is written, {@code synchronous=FULL}) against a
 * plain JDBC {@code UPDATE} of the very text and summary Setwise stored, on another file of the
 * same migrated schema with the same pragmas. In process; the two alternate edit by edit. Two
 * rows: the steady state (the save path compiled by C2, as any benchmark harness measures it),
 * and the first saves of the suite's JVM (still interpreted or compiled by C1).
 */
public final class SaveMeasure implements Measure {

  @Override
  public String name() {
    return "save";
  }

  @Override
  public String description() {
    return "one set edit saved (SessionService.update, FULL) vs a raw JDBC UPDATE of the same text";
  }

  @Override
  public List<Row> run(Bench bench) throws Exception {
    Path setwiseDir = bench.freshDir("save-setwise");
    Path rawDir = bench.freshDir("save-raw");
    Seeded raw;
    try (AppContext rawApp = AppContext.open(rawDir)) {
      raw = seed(rawApp);
    }
    try (AppContext app = AppContext.open(setwiseDir)) {
      Seeded setwise = seed(app);
      // Two states one set edit apart: the 10th set done as planned, or one rep short.
      SessionStructure[] edits = {Workouts.logged(setwise.session.structure(), 10, 0),
          Workouts.logged(setwise.session.structure(), 10, 1)};
      Stored[] stored = new Stored[2];
      for (int i = 0; i < 2; i++) {
        app.sessions().update(setwise.profile, setwise.session.id(), edits[i]);
        stored[i] = Stored.read(setwiseDir.resolve(AppContext.DATABASE_FILE), setwise.session.id());
      }
      try (Connection connection = DriverManager.getConnection(
          "jdbc:sqlite:" + rawDir.resolve(AppContext.DATABASE_FILE).toAbsolutePath())) {
        try (Statement pragmas = connection.createStatement()) {
          pragmas.execute("PRAGMA journal_mode=WAL");
          pragmas.execute("PRAGMA synchronous=FULL");
          pragmas.execute("PRAGMA foreign_keys=ON");
          pragmas.execute("PRAGMA busy_timeout=10000");
        }
        // The schema lets a session in progress change only with its version raised by one (V4).
        PreparedStatement update = connection.prepareStatement("UPDATE sessions SET session = ?, name = ?, "
            + "unit = ?, exercise_count = ?, set_count = ?, completed_set_count = ?, volume = ?, updated_at = ?, "
            + "version = version + 1 WHERE id = ? AND user_id = ? AND ended_at IS NULL");
        Sides sides = new Sides(app, setwise, edits, stored, raw, update);
        // pages written per save on each side, counted outside the timed part
        WalFrames setwiseWal = new WalFrames(setwiseDir.resolve(AppContext.DATABASE_FILE));
        WalFrames rawWal = new WalFrames(rawDir.resolve(AppContext.DATABASE_FILE));
        // The first saves of this JVM: the save path is still interpreted or compiled by C1 (a
        // method runs interpreted for its first 200 calls), as in the first minutes of a desktop.
        int firstWarmups = bench.pick(50, 20);
        int firstRuns = bench.pick(300, 100);
        double[] first = sides.alternate(firstWarmups, firstRuns, setwiseWal, rawWal);
        bench.log("save, first %d saves: setwise %s, raw %s (%,d bytes of JSON); WAL frames per save: "
            + "setwise %.2f, raw %.2f", firstWarmups + firstRuns, Stats.millis(first[0]), Stats.millis(first[1]),
            stored[0].text.length(), setwiseWal.perWrite(firstWarmups + firstRuns),
            rawWal.perWrite(firstWarmups + firstRuns));
        // Steady state: once C2 has compiled the save path (a server's PATCH, a long session),
        // the measure a benchmark harness reports (docs/decisions/0064).
        int warmups = bench.pick(5000, 2000);
        int runs = bench.pick(1000, 300);
        double[] steady = sides.alternate(warmups, runs, null, null);
        bench.log("save, steady state (after %,d more): setwise %s, raw %s over %d edits each", warmups,
            Stats.millis(steady[0]), Stats.millis(steady[1]), runs);
        setwiseWal.close();
        rawWal.close();
        return List.of(
            new Row("One set edit saved (`SessionService.update`, FULL), steady state", Stats.millis(steady[0]),
                Stats.millis(steady[1]) + " (raw UPDATE, same text)", Stats.ratio(steady[0] / steady[1]), "≤ 1.30×",
                steady[0] / steady[1] <= 1.3),
            new Row("… the first " + (firstWarmups + firstRuns) + " saves of a fresh JVM", Stats.millis(first[0]),
                Stats.millis(first[1]) + " (raw UPDATE, same text)", Stats.ratio(first[0] / first[1]), "≤ 1.30×",
                first[0] / first[1] <= 1.3));
      }
    }
  }

  /** The two sides of the measure, run edit by edit in alternation. */
  private record Sides(AppContext app, Seeded setwise, SessionStructure[] edits, Stored[] stored, Seeded raw,
      PreparedStatement update) {

    /**
     * {@code warmups + runs} edits on each side, alternating (AB, AB, BA, BA, ...); the medians of
     * the last {@code runs}, Setwise's then raw's, in milliseconds. The WAL counters, when given,
     * count pages written outside the timed part.
     */
    double[] alternate(int warmups, int runs, WalFrames setwiseWal, WalFrames rawWal) throws Exception {
      List<Double> a = new ArrayList<>();
      List<Double> b = new ArrayList<>();
      for (int i = 0; i < warmups + runs; i++) {
        int edit = i % 2;
        for (int side : i % 4 < 2 ? new int[] {0, 1} : new int[] {1, 0}) {
          WalFrames wal = side == 0 ? setwiseWal : rawWal;
          if (wal != null) {
            wal.before();
          }
          long t0 = System.nanoTime();
          if (side == 0) {
            app.sessions().update(setwise.profile, setwise.session.id(), edits[edit]);
          } else {
            stored[edit].bind(update, raw);
            if (update.executeUpdate() != 1) {
              throw new IllegalStateException("raw UPDATE changed no row");
            }
          }
          double ms = (System.nanoTime() - t0) / 1e6;
          if (wal != null) {
            wal.after();
          }
          if (i >= warmups) {
            (side == 0 ? a : b).add(ms);
          }
        }
      }
      return new double[] {Stats.median(a), Stats.median(b)};
    }
  }

  private record Seeded(UUID profile, Session session) {}

  private static Seeded seed(AppContext app) {
    Profile profile = app.profiles().create("Bench", Unit.KG);
    Plan plan = app.plans().create(profile.id(), "Full body", Workouts.plan());
    Session session = app.sessions().start(profile.id(), plan.id(), LocalDate.of(2026, 11, 24));
    return new Seeded(profile.id(), session);
  }

  /** A row as Setwise stored it: the snapshot text and its summary columns. */
  private record Stored(String text, String name, String unit, int exercises, int sets, int done, double volume) {

    static Stored read(Path database, UUID id) throws Exception {
      try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database.toAbsolutePath());
          PreparedStatement select = connection.prepareStatement("SELECT session, name, unit, exercise_count, "
              + "set_count, completed_set_count, volume FROM sessions WHERE id = ?")) {
        select.setString(1, id.toString());
        try (ResultSet rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("session " + id + " not stored");
          }
          return new Stored(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
              rs.getInt(6), rs.getDouble(7));
        }
      }
    }

    void bind(PreparedStatement update, Seeded target) throws Exception {
      update.setString(1, text);
      update.setString(2, name);
      update.setString(3, unit);
      update.setInt(4, exercises);
      update.setInt(5, sets);
      update.setInt(6, done);
      update.setDouble(7, volume);
      update.setLong(8, System.currentTimeMillis());
      update.setString(9, target.session.id().toString());
      update.setString(10, target.profile.toString());
    }
  }
}
