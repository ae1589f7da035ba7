package dev.setwise.service.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.ExerciseKey;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.domain.progress.Weights;
import dev.setwise.support.ProgressFixture;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records read from the derived tables equal records worked out by brute force from the snapshots
 * themselves, over a few hundred random sessions (names in mixed case and spacing, both units,
 * warm-ups, sets not done, sets without weight, more than 12 reps, ties, deletions).
 */
class DerivedTablesPropertyTest {

  private static final String[] NAMES = {"Bench press", "bench  PRESS", " Squat", "SQUAT ", "Deadlift", "Row",
      "Overhead press", "overhead   press"};
  private static final SetType[] TYPES = {SetType.WARMUP, SetType.NORMAL, SetType.NORMAL, SetType.NORMAL,
      SetType.DROP, SetType.FAILURE, SetType.AMRAP};

  @TempDir
  Path dir;

  @Test
  void recordsFromTheDerivedTablesEqualBruteForceFromSnapshots() {
    for (long seed : new long[] {1, 2}) {
      try (TestContext t = new TestContext(dir.resolve("data-" + seed))) {
        Random random = new Random(seed);
        Profile owner = t.app.profiles().create("P" + seed, seed % 2 == 0 ? Unit.LB : Unit.KG);
        ProgressFixture fixture = new ProgressFixture(t);
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < 160; i++) {
          LocalDate date = LocalDate.parse("2026-01-01").plusDays(random.nextInt(200));
          Unit unit = random.nextInt(4) == 0 ? Unit.LB : Unit.KG;
          sessions.add(fixture.complete(owner, date.toString(), unit, randomExercises(random)));
          if (random.nextInt(25) == 0) {
            Session gone = sessions.remove(random.nextInt(sessions.size()));
            t.app.sessions().delete(owner.id(), gone.id());
          }
        }

        Map<String, Brute> expected = bruteForce(t, owner);
        // Sessions and volume per week, from the week totals, against the sessions themselves.
        StatsService statsService = t.app.progress().stats();
        Map<LocalDate, double[]> weeks = new TreeMap<>();
        for (int offset = 0; ; offset += 100) {
          List<SessionSummary> page = t.app.sessions().list(owner.id(), new SessionQuery(null, null, null, true, null,
              100, offset, SessionQuery.Sort.DATE, SessionQuery.Order.ASC)).items();
          if (page.isEmpty()) {
            break;
          }
          for (SessionSummary summary : page) {
            double[] week = weeks.computeIfAbsent(summary.date().with(java.time.DayOfWeek.MONDAY), d -> new double[2]);
            week[0]++;
            week[1] += Weights.convert(summary.volume(), summary.unit(), owner.unit());
          }
        }
        for (var period : statsService.periods(owner.id(), dev.setwise.domain.progress.ProgressCharts.Span.ALL,
            LocalDate.parse("2026-07-31"))) {
          double[] week = weeks.getOrDefault(period.start(), new double[2]);
          assertThat(period.sessions()).as("sessions in the week of " + period.start()).isEqualTo((int) week[0]);
          assertThat(period.volume()).isCloseTo(week[1], within(1e-6));
        }
        StatsService stats = t.app.progress().stats();
        List<ExerciseRecords> actual = stats.records(owner.id());

        assertThat(actual).extracting(r -> ExerciseKey.of(r.exercise()))
            .containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (ExerciseRecords records : actual) {
          Brute brute = expected.get(ExerciseKey.of(records.exercise()));
          for (RecordKind kind : RecordKind.values()) {
            same(records.get(kind), brute.records.get(kind), records.exercise() + " " + kind);
          }
          ExerciseHistory history = stats.history(owner.id(), records.exercise(), 0);
          for (int reps = 1; reps <= 12; reps++) {
            same(history.repMaxes().get(reps), brute.repMaxes.get(reps), records.exercise() + " " + reps + " reps");
          }
          assertThat(history.sessions()).hasSize(brute.sessions.size());
          // The chart's months (kept by triggers, also through deletions) agree with the sessions listed.
          Map<LocalDate, double[]> months = new TreeMap<>();
          for (var session : history.sessions()) {
            double[] month = months.computeIfAbsent(session.date().withDayOfMonth(1), d -> new double[] {0, 0});
            month[0] += session.volume();
            month[1] = Math.max(month[1], session.bestE1rm() == null ? 0 : session.bestE1rm());
          }
          var trend = stats.trend(owner.id(), records.exercise(), dev.setwise.domain.progress.ProgressCharts.Span.MONTHS,
              LocalDate.parse("2026-12-31"));
          assertThat(trend).extracting(p -> p.start()).containsExactlyElementsOf(months.keySet());
          for (var point : trend) {
            assertThat(point.volume()).isCloseTo(months.get(point.start())[0], within(1e-6));
            assertThat(point.bestE1rm() == null ? 0 : point.bestE1rm()).isCloseTo(months.get(point.start())[1],
                within(1e-6));
          }
          for (int s = 0; s < brute.sessions.size(); s++) {
            double[] sums = brute.sessions.get(s);
            assertThat(history.sessions().get(s).volume()).isCloseTo(sums[0], within(1e-6));
            assertThat(history.sessions().get(s).sets()).isEqualTo((int) sums[1]);
          }
        }
      }
    }
  }

  private static Exercise[] randomExercises(Random random) {
    int count = 1 + random.nextInt(3);
    Exercise[] exercises = new Exercise[count];
    for (int e = 0; e < count; e++) {
      List<SetEntry> sets = new ArrayList<>();
      int setCount = 1 + random.nextInt(5);
      for (int s = 0; s < setCount; s++) {
        Integer reps = random.nextInt(10) == 0 ? null : random.nextInt(16);
        Double weight = random.nextInt(10) == 0 ? null : random.nextInt(6) == 0 ? 0.0 : 20 + 2.5 * random.nextInt(40);
        boolean completed = random.nextInt(6) != 0;
        sets.add(new SetEntry(TYPES[random.nextInt(TYPES.length)], null, null, null, reps, weight, null, null, null,
            completed, completed ? TestContext.START : null));
      }
      exercises[e] = new Exercise(NAMES[random.nextInt(NAMES.length)], null, null, null, sets);
    }
    return exercises;
  }

  /** What a person with a spreadsheet would work out from every completed snapshot. */
  private static final class Brute {
    final Map<RecordKind, Candidate> records = new EnumMap<>(RecordKind.class);
    final Map<Integer, Candidate> repMaxes = new TreeMap<>();
    final List<double[]> sessions = new ArrayList<>();
  }

  /** A value in the profile's unit, its value in kg (how the app compares), and when it was set. */
  private record Candidate(double value, double kg, LocalDate date, long startedAt, java.util.UUID sessionId) {
    boolean beats(Candidate other) {
      if (other == null || kg > other.kg) {
        return true;
      }
      return kg == other.kg && (date.isBefore(other.date) || (date.equals(other.date) && startedAt < other.startedAt));
    }
  }

  private static Map<String, Brute> bruteForce(TestContext t, Profile owner) {
    List<Session> completed = new ArrayList<>();
    for (int offset = 0; ; offset += 100) {
      List<SessionSummary> page = t.app.sessions().list(owner.id(), new SessionQuery(null, null, null, true, null,
          100, offset, SessionQuery.Sort.DATE, SessionQuery.Order.ASC)).items();
      if (page.isEmpty()) {
        break;
      }
      page.forEach(summary -> completed.add(t.app.sessions().get(owner.id(), summary.id())));
    }
    completed.sort(Comparator.comparing(Session::date).thenComparing(Session::startedAt));
    Map<String, Brute> all = new LinkedHashMap<>();
    for (Session session : completed) {
      Unit unit = session.structure().unit();
      Map<String, double[]> perSession = new LinkedHashMap<>();
      for (Exercise exercise : session.structure().exercises()) {
        String key = ExerciseKey.of(exercise.name());
        for (SetEntry set : exercise.sets()) {
          boolean working = set.completed() && set.type() != SetType.WARMUP && set.reps() != null && set.reps() >= 1
              && set.weight() != null && set.weight() > 0;
          if (!working) {
            continue;
          }
          Brute brute = all.computeIfAbsent(key, k -> new Brute());
          double[] sums = perSession.computeIfAbsent(key, k -> new double[2]);
          sums[0] += set.reps() * set.weight();
          sums[1]++;
          offer(brute.records, RecordKind.HEAVIEST_WEIGHT, set.weight(), unit, owner.unit(), session);
          offer(brute.records, RecordKind.BEST_SET_VOLUME, set.reps() * set.weight(), unit, owner.unit(), session);
          if (set.reps() <= 12) {
            double e1rm = set.reps() == 1 ? set.weight() : set.weight() * (1 + set.reps() / 30.0);
            offer(brute.records, RecordKind.BEST_E1RM, e1rm, unit, owner.unit(), session);
            Candidate candidate = candidate(set.weight(), unit, owner.unit(), session);
            if (candidate.beats(brute.repMaxes.get(set.reps()))) {
              brute.repMaxes.put(set.reps(), candidate);
            }
          }
        }
      }
      perSession.forEach((key, sums) -> {
        Brute brute = all.get(key);
        offer(brute.records, RecordKind.BEST_SESSION_VOLUME, sums[0], unit, owner.unit(), session);
        brute.sessions.add(new double[] {Weights.convert(sums[0], unit, owner.unit()), sums[1]});
      });
    }
    return all;
  }

  private static void offer(Map<RecordKind, Candidate> records, RecordKind kind, double value, Unit unit, Unit to,
      Session session) {
    Candidate candidate = candidate(value, unit, to, session);
    if (candidate.beats(records.get(kind))) {
      records.put(kind, candidate);
    }
  }

  private static Candidate candidate(double value, Unit unit, Unit to, Session session) {
    return new Candidate(Weights.convert(value, unit, to), Weights.convert(value, unit, Unit.KG), session.date(),
        session.startedAt().toEpochMilli(), session.id());
  }

  private static void same(RecordValue actual, Candidate expected, String what) {
    if (expected == null) {
      assertThat(actual).as(what).isNull();
      return;
    }
    assertThat(actual).as(what).isNotNull();
    assertThat(actual.value()).as(what).isCloseTo(expected.value(), within(1e-6));
    assertThat(actual.date()).as(what).isEqualTo(expected.date());
    assertThat(actual.sessionId()).as(what).isEqualTo(expected.sessionId());
  }
}
