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
 * same migrated schema with the same pragmas. In process; the two alternate edit by edit.
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
        int warmups = bench.pick(50, 20);
        int runs = bench.pick(300, 100);
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        // pages written per save on each side, counted outside the timed part
        WalFrames setwiseWal = new WalFrames(setwiseDir.resolve(AppContext.DATABASE_FILE));
        WalFrames rawWal = new WalFrames(rawDir.resolve(AppContext.DATABASE_FILE));
        for (int i = 0; i < warmups + runs; i++) {
          int edit = i % 2;
          for (int side : i % 4 < 2 ? new int[] {0, 1} : new int[] {1, 0}) {
            WalFrames wal = side == 0 ? setwiseWal : rawWal;
            wal.before();
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
            wal.after();
            if (i >= warmups) {
              (side == 0 ? a : b).add(ms);
            }
          }
        }
        double setwiseMs = Stats.median(a);
        double rawMs = Stats.median(b);
        bench.log("save: setwise %s, raw %s over %d edits each (%,d bytes of JSON); WAL frames per save: "
            + "setwise %.2f, raw %.2f", Stats.millis(setwiseMs), Stats.millis(rawMs), runs, stored[0].text.length(),
            setwiseWal.perWrite(warmups + runs), rawWal.perWrite(warmups + runs));
        setwiseWal.close();
        rawWal.close();
        return List.of(new Row("One set edit saved (`SessionService.update`, FULL)", Stats.millis(setwiseMs),
            Stats.millis(rawMs) + " (raw UPDATE, same text)", Stats.ratio(setwiseMs / rawMs), "≤ 1.30×",
            setwiseMs / rawMs <= 1.3));
      }
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
