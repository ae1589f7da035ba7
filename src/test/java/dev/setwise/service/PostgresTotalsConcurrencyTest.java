package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionRequests;
import dev.setwise.domain.SetwiseException;
import dev.setwise.support.PostgresServer;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The totals of V21 on PostgreSQL while two {@code serve} instances (their own pools, as two
 * processes) and the administrative context write at once, for the same profiles: sessions
 * created, started, renamed in progress, completed, renamed by amendments and deleted, from
 * the servers in turn, logged sessions from the administration. No change to a total is lost: at
 * the end every total equals a count of
 * the rows, and each instance's list answers that count.
 */
class PostgresTotalsConcurrencyTest {

  private static final List<String> NAMES = List.of("Squat", "Bench", "Pull", "Legs", "Überkopf");
  private static final int WORKERS_PER_PROFILE = 3;
  private static final int ROUNDS = 40;

  @TempDir
  Path dir;
  TestContext t;

  @BeforeEach
  void open() {
    t = TestContext.onPostgres(dir);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void writersOnTwoInstancesAndTheAdministrationLoseNoChangeToATotal() throws Exception {
    List<AppContext> instances = List.of(t.newServer(), t.newServer(), t.app);
    List<Profile> profiles = List.of(t.profile("Alex"), t.profile("Sam"));
    List<List<Plan>> plans = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (Profile profile : profiles) {
      plans.add(List.of(t.plan(profile, "A"), t.plan(profile, "B")));
      tokens.add(t.app.tokens().create(profile.id(), "test").text());
    }

    ExecutorService pool = Executors.newFixedThreadPool(profiles.size() * WORKERS_PER_PROFILE);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> done = new ArrayList<>();
      for (int p = 0; p < profiles.size(); p++) {
        for (int w = 0; w < WORKERS_PER_PROFILE; w++) {
          AppContext instance = instances.get(w);
          Profile profile = profiles.get(p);
          List<Plan> ownPlans = plans.get(p);
          String token = tokens.get(p);
          long seed = 31L * p + w;
          done.add(pool.submit(() -> {
            if (instance != t.app) {
              assertThat(instance.tokens().authenticate(token)).contains(profile.id());
            }
            go.await();
            return work(instance.sessions(), profile.id(), ownPlans, new Random(seed), instance == t.app);
          }));
        }
      }
      go.countDown();
      int changes = 0;
      for (Future<Integer> future : done) {
        changes += future.get(180, TimeUnit.SECONDS);
      }
      assertThat(changes).as("changes made").isGreaterThan(profiles.size() * WORKERS_PER_PROFILE * ROUNDS / 2);
    } finally {
      pool.shutdownNow();
    }

    assertThat(totalsThatDifferFromACountOfTheRows()).as("totals that differ from a count of the rows").isZero();
    for (int p = 0; p < profiles.size(); p++) {
      UUID owner = profiles.get(p).id();
      for (AppContext instance : instances.subList(0, 2)) {
        instance.tokens().authenticate(tokens.get(p));
        try {
          assertThat(instance.sessions().list(owner, query(null, null)).total()).isEqualTo(count(owner, null, null));
          assertThat(instance.sessions().list(owner, query(plans.get(p).get(0).id(), true)).total())
              .isEqualTo(count(owner, plans.get(p).get(0).id(), true));
        } finally {
          instance.tokens().endRequest();
        }
      }
    }
  }

  /**
   * A run of random changes; a change another writer made impossible meanwhile is simply skipped.
   * The administration only records logged sessions: its transactions do not take the feed head's
   * lock first (decision 0038), so on a row another writer holds too (the one session in progress,
   * a session being deleted or amended) it could deadlock with a server's write, as before totals.
   */
  private static int work(SessionService sessions, UUID owner, List<Plan> plans, Random random,
      boolean administration) {
    List<UUID> mine = new ArrayList<>();
    int changes = 0;
    LocalDate day = LocalDate.of(2026, 3, 1);
    for (int round = 0; round < ROUNDS; round++) {
      String name = NAMES.get(random.nextInt(NAMES.size()));
      UUID planId = random.nextInt(3) == 0 ? null : plans.get(random.nextInt(plans.size())).id();
      try {
        switch (administration ? random.nextInt(2) : random.nextInt(6)) {
          case 0, 1 -> {
            Instant started = Instant.parse("2026-03-01T08:00:00Z").plusSeconds(random.nextInt(10_000_000));
            Session logged = sessions.create(owner, new SessionRequests.Create(null, planId,
                day.plusDays(random.nextInt(60)), Structures.plan().withName(name), started, started.plusSeconds(3600)));
            mine.add(logged.id());
          }
          case 2 -> {
            if (planId == null) {
              continue;
            }
            Session started = sessions.start(owner, planId, day.plusDays(random.nextInt(60)),
                Structures.plan().targetsOnly().withName(name));
            mine.add(started.id());
            started = sessions.update(owner, started.id(), started.structure().withName(NAMES.get(random.nextInt(
                NAMES.size()))));
            if (random.nextBoolean()) {
              sessions.complete(owner, started.id(), null);
            } else {
              sessions.delete(owner, started.id());
            }
          }
          case 3 -> {
            if (mine.isEmpty()) {
              continue;
            }
            UUID id = mine.get(random.nextInt(mine.size()));
            Session session = sessions.get(owner, id);
            if (session.endedAt() == null) {
              continue;
            }
            sessions.amend(owner, id, session.structure().withName(name), "renamed");
          }
          default -> {
            if (mine.isEmpty()) {
              continue;
            }
            sessions.delete(owner, mine.remove(random.nextInt(mine.size())));
          }
        }
        changes++;
      } catch (SetwiseException skipped) {
        // another writer's session is in progress, or the session was deleted meanwhile
      }
    }
    return changes;
  }

  private static SessionQuery query(UUID planId, Boolean completed) {
    return new SessionQuery(planId, null, null, completed, null, 50, 0, null, null);
  }

  private int totalsThatDifferFromACountOfTheRows() throws SQLException {
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

  private long count(UUID owner, UUID planId, Boolean completed) throws SQLException {
    try (Connection raw = PostgresServer.get().connectAsSuperuser(t.database);
        PreparedStatement statement = raw.prepareStatement("SELECT count(*) FROM sessions WHERE user_id = ?::uuid"
            + (planId == null ? "" : " AND plan_id = '" + planId + "'")
            + (completed == null ? "" : " AND ended_at IS NOT NULL"))) {
      statement.setString(1, owner.toString());
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
