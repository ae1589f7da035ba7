package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.bench.suite.Workouts;
import dev.setwise.domain.*;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.*;
import java.sql.*;
import java.time.LocalDate;
import java.util.*;

/**
 * Thread CPU per save, a measure that load moves less than wall time: {@code SessionService.update}
 * of the save benchmark's workout (FULL) against a raw JDBC UPDATE of the same text on another file
 * of the same schema, in blocks of 200 that alternate, the first fifth discarded, medians (the user
 * part is sampled by the kernel's tick: a mean, and rough). Arguments: a scratch folder, the number
 * of blocks, optionally 0 or 1 for one side only. Used for docs/decisions/0057.
 */
public final class SaveCpuBench {
  public static void main(String[] args) throws Exception {
    int blocks = Integer.parseInt(args[1]);
    int perBlock = 200;
    Path base = Files.createTempDirectory(Path.of(args[0]), "cpu");
    Path sw = Files.createDirectories(base.resolve("s")), rw = Files.createDirectories(base.resolve("r"));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    UUID rawProfile, rawSession;
    try (AppContext raw = AppContext.open(rw)) {
      Profile p = raw.profiles().create("Bench", Unit.KG);
      Plan plan = raw.plans().create(p.id(), "Full body", Workouts.plan());
      Session s = raw.sessions().start(p.id(), plan.id(), LocalDate.of(2026, 11, 24));
      rawProfile = p.id(); rawSession = s.id();
    }
    try (AppContext app = AppContext.open(sw)) {
      Profile p = app.profiles().create("Bench", Unit.KG);
      Plan plan = app.plans().create(p.id(), "Full body", Workouts.plan());
      Session s = app.sessions().start(p.id(), plan.id(), LocalDate.of(2026, 11, 24));
      SessionStructure[] edits = {Workouts.logged(s.structure(), 10, 0), Workouts.logged(s.structure(), 10, 1)};
      String[] texts = new String[2];
      for (int i = 0; i < 2; i++) {
        app.sessions().update(p.id(), s.id(), edits[i]);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + sw.resolve(AppContext.DATABASE_FILE));
             PreparedStatement q = c.prepareStatement("SELECT session FROM sessions WHERE id = ?")) {
          q.setString(1, s.id().toString());
          try (ResultSet rs = q.executeQuery()) { rs.next(); texts[i] = rs.getString(1); }
        }
      }
      try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + rw.resolve(AppContext.DATABASE_FILE))) {
        try (Statement st = c.createStatement()) {
          st.execute("PRAGMA journal_mode=WAL"); st.execute("PRAGMA synchronous=FULL");
          st.execute("PRAGMA foreign_keys=ON"); st.execute("PRAGMA busy_timeout=10000");
        }
        PreparedStatement u = c.prepareStatement("UPDATE sessions SET session = ?, name = ?, unit = ?, exercise_count = ?, "
            + "set_count = ?, completed_set_count = ?, volume = ?, updated_at = ?, version = version + 1 "
            + "WHERE id = ? AND user_id = ? AND ended_at IS NULL");
        List<Double> a = new ArrayList<>(), b = new ArrayList<>(), ua = new ArrayList<>(), ub = new ArrayList<>();
        StructureStats[] st = {edits[0].stats(), edits[1].stats()};
        for (int blk = 0; blk < blocks; blk++) {
          for (int side : args.length > 2 ? new int[] {Integer.parseInt(args[2])} : blk % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
            long t0 = mx.getCurrentThreadCpuTime(); long u0 = mx.getCurrentThreadUserTime();
            for (int i = 0; i < perBlock; i++) {
              int e = i % 2;
              if (side == 0) {
                app.sessions().update(p.id(), s.id(), edits[e]);
              } else {
                u.setString(1, texts[e]); u.setString(2, edits[e].name()); u.setString(3, "kg");
                u.setInt(4, st[e].exerciseCount()); u.setInt(5, st[e].setCount()); u.setInt(6, st[e].completedSetCount());
                u.setDouble(7, st[e].volume()); u.setLong(8, System.currentTimeMillis());
                u.setString(9, rawSession.toString()); u.setString(10, rawProfile.toString());
                if (u.executeUpdate() != 1) throw new IllegalStateException("raw");
              }
            }
            double us = (mx.getCurrentThreadCpuTime() - t0) / 1e3 / perBlock;
            double uu = (mx.getCurrentThreadUserTime() - u0) / 1e3 / perBlock;
            if (blk >= blocks / 5) { (side == 0 ? a : b).add(us); (side == 0 ? ua : ub).add(uu); }
          }
        }
        if (a.isEmpty()) a.add(1.0); if (b.isEmpty()) b.add(1.0); if (ua.isEmpty()) ua.add(1.0); if (ub.isEmpty()) ub.add(1.0);
        Collections.sort(a); Collections.sort(b); Collections.sort(ua); Collections.sort(ub);
        double mua = ua.stream().mapToDouble(x -> x).average().orElse(0), mub = ub.stream().mapToDouble(x -> x).average().orElse(0);
        System.out.printf("thread user CPU per save (mean): setwise %.1f us, raw %.1f us, ratio %.2fx%n", mua, mub, mua / mub);
        double ma = a.get(a.size() / 2), mb = b.get(b.size() / 2);
        System.out.printf("thread CPU per save: setwise %.1f us, raw %.1f us, ratio %.2fx (%d blocks of %d, median of last %d)%n",
            ma, mb, ma / mb, blocks, perBlock, a.size());
      }
    }
  }
}
