package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.StructureStats;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Filters, sorting, paging and totals of the session list, checked against a brute-force
 * computation over a few hundred random sessions of two profiles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionListTest {

  private static final int SESSIONS = 240;

  TestContext t;
  Profile alex;
  Profile sam;
  final List<Plan> plans = new ArrayList<>();
  final List<Session> alexSessions = new ArrayList<>();
  final Random random = new Random(20261124);

  @BeforeAll
  void createHistory(@TempDir Path dir) {
    t = new TestContext(dir);
    alex = t.profile("Alex");
    sam = t.profile("Sam");
    for (int i = 0; i < 3; i++) {
      plans.add(t.plan(alex, "Plan " + i));
    }
    Plan samsPlan = t.plan(sam, "Sam's");
    LocalDate base = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < SESSIONS; i++) {
      // Zero advance now and then: equal started_at values must still page without overlap.
      t.clock.advance(Duration.ofMillis(random.nextInt(4) == 0 ? 0 : random.nextInt(90_000_000)));
      Plan plan = plans.get(random.nextInt(plans.size()));
      Session session = t.app.sessions().start(alex.id(), plan.id(), base.plusDays(random.nextInt(120)));
      SessionStructure logged = session.structure();
      for (int s = 0; s < random.nextInt(4); s++) {
        logged = Structures.done(logged, 0, s, 1 + random.nextInt(8), 20 + random.nextInt(100), t.clock.instant());
      }
      boolean leaveOpen = i == SESSIONS - 1;
      if (!leaveOpen) {
        t.clock.advance(Duration.ofMillis(random.nextInt(5_000_000)));
        session = t.app.sessions().complete(alex.id(), session.id(), logged);
      } else {
        session = t.app.sessions().update(alex.id(), session.id(), logged);
      }
      alexSessions.add(session);
      if (i % 40 == 0) {
        Session other = t.app.sessions().start(sam.id(), samsPlan.id(), base.plusDays(i % 120));
        t.app.sessions().complete(sam.id(), other.id(), null);
      }
    }
  }

  @AfterAll
  void close() {
    t.close();
  }

  @Test
  void summariesCarryCountsAndVolumeOfTheSnapshot() {
    Page<SessionSummary> page = t.app.sessions().list(alex.id(), SessionQuery.defaults().withPage(1000, 0));

    assertThat(page.total()).isEqualTo(SESSIONS);
    for (SessionSummary summary : page.items()) {
      Session session = alexSessions.stream().filter(s -> s.id().equals(summary.id())).findFirst().orElseThrow();
      StructureStats stats = session.structure().stats();
      assertThat(summary.name()).isEqualTo(session.structure().name());
      assertThat(summary.exerciseCount()).isEqualTo(stats.exerciseCount());
      assertThat(summary.setCount()).isEqualTo(stats.setCount());
      assertThat(summary.completedSetCount()).isEqualTo(stats.completedSetCount());
      assertThat(summary.volume()).isEqualTo(stats.volume());
      assertThat(summary.endedAt()).isEqualTo(session.endedAt());
      assertThat(summary.date()).isEqualTo(session.date());
      assertThat(summary.planId()).isEqualTo(session.planId());
    }
  }

  @Test
  void randomQueriesMatchABruteForceComputation() {
    for (int i = 0; i < 300; i++) {
      SessionQuery query = randomQuery();

      Page<SessionSummary> page = t.app.sessions().list(alex.id(), query);

      List<Session> expected = bruteForce(query);
      assertThat(page.total()).as("total of %s", query).isEqualTo(expected.size());
      List<UUID> expectedIds = expected.stream().skip(query.offset()).limit(query.limit()).map(Session::id).toList();
      assertThat(page.items()).as("page of %s", query).extracting(SessionSummary::id).containsExactlyElementsOf(expectedIds);
      assertThat(page.limit()).isEqualTo(query.limit());
      assertThat(page.offset()).isEqualTo(query.offset());
    }
  }

  @Test
  void walkingEveryPageVisitsEverySessionExactlyOnce() {
    for (SessionQuery.Sort sort : SessionQuery.Sort.values()) {
      for (SessionQuery.Order order : SessionQuery.Order.values()) {
        List<UUID> seen = new ArrayList<>();
        for (int offset = 0; offset < SESSIONS; offset += 7) {
          SessionQuery query = new SessionQuery(null, null, null, null, null, 7, offset, sort, order);
          t.app.sessions().list(alex.id(), query).items().forEach(s -> seen.add(s.id()));
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(SESSIONS);
      }
    }
  }

  @Test
  void anotherProfileSeesNoneOfThem() {
    Page<SessionSummary> samsPage = t.app.sessions().list(sam.id(), SessionQuery.defaults().withPage(100, 0));

    assertThat(samsPage.total()).isEqualTo((SESSIONS + 39) / 40);
    assertThat(samsPage.items()).extracting(SessionSummary::id)
        .doesNotContainAnyElementsOf(alexSessions.stream().map(Session::id).toList());
    assertThat(t.app.sessions().list(sam.id(), new SessionQuery(plans.get(0).id(), null, null, null, null, 10, 0,
        null, null)).total()).isZero();
  }

  @Test
  void nameSearchMatchesPartsIgnoringCase() {
    SessionQuery query = new SessionQuery(null, null, null, null, "plan 1", 1000, 0, null, null);

    Page<SessionSummary> page = t.app.sessions().list(alex.id(), query);

    assertThat(page.total()).isEqualTo(alexSessions.stream().filter(s -> s.planId().equals(plans.get(1).id())).count());
    assertThat(t.app.sessions().list(alex.id(), new SessionQuery(null, null, null, null, "%", 10, 0, null, null))
        .total()).isZero();
  }

  private SessionQuery randomQuery() {
    UUID planId = switch (random.nextInt(5)) {
      case 0 -> plans.get(random.nextInt(plans.size())).id();
      case 1 -> UUID.randomUUID();
      default -> null;
    };
    LocalDate from = random.nextInt(3) == 0 ? LocalDate.of(2026, 1, 1).plusDays(random.nextInt(120)) : null;
    LocalDate to = random.nextInt(3) == 0 ? LocalDate.of(2026, 1, 1).plusDays(random.nextInt(120)) : null;
    if (from != null && to != null && from.isAfter(to)) {
      LocalDate swap = from;
      from = to;
      to = swap;
    }
    Boolean completed = switch (random.nextInt(3)) {
      case 0 -> true;
      case 1 -> false;
      default -> null;
    };
    SessionQuery.Sort sort = SessionQuery.Sort.values()[random.nextInt(3)];
    SessionQuery.Order order = SessionQuery.Order.values()[random.nextInt(2)];
    return new SessionQuery(planId, from, to, completed, null, 1 + random.nextInt(100), random.nextInt(260), sort,
        order);
  }

  private List<Session> bruteForce(SessionQuery query) {
    Stream<Session> matching = alexSessions.stream()
        .filter(s -> query.planId() == null || query.planId().equals(s.planId()))
        .filter(s -> query.dateFrom() == null || !s.date().isBefore(query.dateFrom()))
        .filter(s -> query.dateTo() == null || !s.date().isAfter(query.dateTo()))
        .filter(s -> query.completed() == null || query.completed() == (s.endedAt() != null));
    Comparator<Session> byStart = Comparator.comparing(Session::startedAt);
    Comparator<Session> byId = Comparator.comparing(s -> s.id().toString());
    Comparator<Session> comparator = switch (query.sort()) {
      case STARTED_AT -> byStart.thenComparing(byId);
      case DATE -> Comparator.comparing(Session::date).thenComparing(byStart).thenComparing(byId);
      case ENDED_AT -> Comparator.comparing((Session s) -> s.endedAt() == null ? Instant.MAX : s.endedAt())
          .thenComparing(byStart).thenComparing(byId);
    };
    if (query.order() == SessionQuery.Order.DESC) {
      comparator = comparator.reversed();
    }
    return matching.sorted(comparator).toList();
  }
}
