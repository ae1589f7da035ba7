package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Totals kept by triggers (V14) and the name search on the trigram index, against a brute-force
 * computation: a history where sessions are renamed while in progress, renamed by amendments,
 * deleted, logged without a plan and named with case and letters beyond ASCII, then random queries
 * with every filter, a name search among them, and the pages of listPage.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionTotalsTest {

  private static final List<String> NAMES = List.of("Squat focus", "Front SQUAT day", "Bench", "Überkopf Drücken",
      "überkopf light", "Pull A", "Pull B", "Deadlift % day", "Legs_1", "Legs 1", "Squat \"heavy\"");
  private static final List<String> SEARCHES = List.of("squat", "SQUAT", "quat", "sq", "s", "über", "ÜBER", "Über",
      "pull", "pull a", "%", "_", "legs_", "drücken", "\"heavy\"", "dead", "nothing like it", "a", "at d");

  TestContext t;
  Profile alex;
  Profile sam;
  final List<Plan> plans = new ArrayList<>();
  /** Alex's sessions as they are now, by id, in the order they were made. */
  final Map<UUID, Session> alexSessions = new LinkedHashMap<>();
  final Random random = new Random(12);

  /** The context the history is made in: SQLite here, PostgreSQL in {@link PostgresSessionTotalsTest}. */
  TestContext open(Path dir) {
    return new TestContext(dir);
  }

  @BeforeAll
  void createHistory(@TempDir Path dir) {
    t = open(dir);
    alex = t.profile("Alex");
    sam = t.profile("Sam");
    for (int i = 0; i < 3; i++) {
      plans.add(t.plan(alex, "Plan " + i));
    }
    Plan samsPlan = t.plan(sam, "Squat focus");
    LocalDate base = LocalDate.of(2026, 1, 1);
    for (int i = 0; i < 260; i++) {
      t.clock.advance(Duration.ofMillis(random.nextInt(4) == 0 ? 0 : random.nextInt(90_000_000)));
      LocalDate date = base.plusDays(random.nextInt(120));
      Session session;
      if (random.nextInt(10) == 0) {
        // logged elsewhere, without a plan
        Instant started = t.clock.instant().minus(Duration.ofHours(2));
        session = t.app.sessions().create(alex.id(), new dev.setwise.domain.SessionRequests.Create(null, null, date,
            named(Structures.plan(), pick()), started, started.plusSeconds(3600)));
      } else {
        Plan plan = plans.get(random.nextInt(plans.size()));
        session = t.app.sessions().start(alex.id(), plan.id(), date, named(Structures.plan().targetsOnly(), pick()));
        if (random.nextInt(4) == 0) {
          session = t.app.sessions().update(alex.id(), session.id(), named(session.structure(), pick()));
        }
        SessionStructure logged = Structures.done(session.structure(), 0, 0, 5, 100, t.clock.instant());
        if (i != 259) {
          session = t.app.sessions().complete(alex.id(), session.id(), logged);
          if (random.nextInt(6) == 0) {
            session = t.app.sessions().amend(alex.id(), session.id(), named(logged, pick()), "renamed");
          }
        }
      }
      alexSessions.put(session.id(), session);
      if (random.nextInt(12) == 0) {
        UUID gone = new ArrayList<>(alexSessions.keySet()).get(random.nextInt(alexSessions.size()));
        t.app.sessions().delete(alex.id(), gone);
        alexSessions.remove(gone);
      }
      if (i % 30 == 0) {
        Session other = t.app.sessions().start(sam.id(), samsPlan.id(), date);
        t.app.sessions().complete(sam.id(), other.id(), null);
      }
    }
  }

  @AfterAll
  void close() {
    t.close();
  }

  private String pick() {
    return NAMES.get(random.nextInt(NAMES.size()));
  }

  private static SessionStructure named(SessionStructure structure, String name) {
    return structure.withName(name);
  }

  @Test
  void theTotalsTheTriggersKeepEqualACountOfTheRows() throws SQLException {
    assertThat(totalsThatDifferFromACountOfTheRows()).as("totals that differ from a count of the rows").isZero();
  }

  /** Rows of session_totals that differ from a count of the sessions they stand for (or are missing). */
  int totalsThatDifferFromACountOfTheRows() throws SQLException {
    try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + t.dataDir.resolve("setwise.db"));
        Statement statement = raw.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM (SELECT user_id, ifnull(plan_id, '') AS p, name, "
            + "count(*) AS n FROM sessions GROUP BY 1, 2, 3) c FULL JOIN session_totals t "
            + "ON t.user_id = c.user_id AND t.plan_key = c.p AND t.name = c.name "
            + "WHERE t.sessions IS NOT c.n")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void randomQueriesWithNameSearchesMatchABruteForceComputation() {
    for (int i = 0; i < 400; i++) {
      SessionQuery query = randomQuery();

      Page<SessionSummary> page = t.app.sessions().list(alex.id(), query);
      Page<SessionSummary> pageAlone = t.app.sessions().listPage(alex.id(), query);

      List<Session> expected = bruteForce(query);
      List<UUID> expectedIds = expected.stream().skip(query.offset()).limit(query.limit()).map(Session::id).toList();
      assertThat(page.total()).as("total of %s", query).isEqualTo(expected.size());
      assertThat(page.items()).as("page of %s", query).extracting(SessionSummary::id)
          .containsExactlyElementsOf(expectedIds);
      assertThat(pageAlone.items()).as("page alone of %s", query).isEqualTo(page.items());
      assertThat(pageAlone.total()).as("a page read alone is not counted").isEqualTo(-1);
    }
  }

  @Test
  void aSearchSeesOnlyTheCallersSessions() {
    SessionQuery query = new SessionQuery(null, null, null, null, "squat focus", 100, 0, null, null);

    assertThat(t.app.sessions().list(alex.id(), query).items())
        .allSatisfy(summary -> assertThat(alexSessions).containsKey(summary.id()));
    assertThat(t.app.sessions().list(sam.id(), query).total()).isEqualTo((260 + 29) / 30);
  }

  private SessionQuery randomQuery() {
    UUID planId = switch (random.nextInt(6)) {
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
    String search = random.nextInt(4) == 0 ? null : SEARCHES.get(random.nextInt(SEARCHES.size()));
    SessionQuery.Sort sort = SessionQuery.Sort.values()[random.nextInt(3)];
    SessionQuery.Order order = SessionQuery.Order.values()[random.nextInt(2)];
    int offset = random.nextInt(3) == 0 ? 0 : random.nextInt(120);
    return new SessionQuery(planId, from, to, completed, search, 1 + random.nextInt(60), offset, sort, order);
  }

  /** {@code name LIKE '%text%'} as SQLite reads it: ASCII letters ignore case, every other character is itself. */
  boolean like(String name, String text) {
    return asciiLower(name).contains(asciiLower(text));
  }

  private static String asciiLower(String text) {
    StringBuilder lower = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      lower.append(c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
    }
    return lower.toString();
  }

  private List<Session> bruteForce(SessionQuery query) {
    Stream<Session> matching = alexSessions.values().stream()
        .filter(s -> query.planId() == null || query.planId().equals(s.planId()))
        .filter(s -> query.dateFrom() == null || !s.date().isBefore(query.dateFrom()))
        .filter(s -> query.dateTo() == null || !s.date().isAfter(query.dateTo()))
        .filter(s -> query.completed() == null || query.completed() == (s.endedAt() != null))
        .filter(s -> query.nameContains() == null || like(s.structure().name(), query.nameContains()));
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
