package dev.setwise.service.progress;

import static dev.setwise.support.ProgressFixture.done;
import static dev.setwise.support.ProgressFixture.exercise;
import static dev.setwise.support.ProgressFixture.notDone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.ExerciseName;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.domain.progress.Weights;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.support.ProgressFixture;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress numbers against values worked out by hand (contract §4a). */
class StatsServiceTest {

  private static final double EPS = 1e-9;

  @TempDir
  Path dir;

  private TestContext t;
  private ProgressFixture fixture;
  private StatsService stats;
  private Profile alex;

  @BeforeEach
  void open() {
    t = new TestContext(dir.resolve("data"));
    fixture = new ProgressFixture(t);
    stats = t.app.progress().stats();
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  /**
   * Session 1: warm-up 10×40, 5×100, 5×100, 3×105 and a 5×110 not done. Session 2 ("bench  PRESS"):
   * 1×120 and 15×60.
   */
  private Session[] twoBenchSessions() {
    Session first = fixture.complete(alex, "2026-11-01", Unit.KG, exercise("Bench press",
        done(SetType.WARMUP, 10, 40), done(5, 100), done(5, 100), done(3, 105), notDone(5, 110)));
    Session second = fixture.complete(alex, "2026-11-08", Unit.KG, exercise(" bench  PRESS ",
        done(1, 120), done(15, 60)));
    return new Session[] {first, second};
  }

  @Test
  void epleyAndBrzyckiByHand() {
    assertThat(OneRepMax.Formula.EPLEY.estimate(5, 100)).isCloseTo(116.6666666667, within(1e-9));
    assertThat(OneRepMax.Formula.EPLEY.estimate(1, 100)).isEqualTo(100);
    assertThat(OneRepMax.Formula.EPLEY.estimate(12, 100)).isCloseTo(140, within(EPS));
    assertThat(OneRepMax.Formula.EPLEY.estimate(13, 100)).isNull();
    assertThat(OneRepMax.Formula.BRZYCKI.estimate(5, 100)).isCloseTo(112.5, within(EPS));
    assertThat(OneRepMax.Formula.BRZYCKI.estimate(10, 100)).isCloseTo(133.3333333333, within(1e-9));
    assertThat(OneRepMax.Formula.BRZYCKI.estimate(1, 80)).isEqualTo(80);
    assertThat(OneRepMax.Formula.BRZYCKI.estimate(0, 80)).isNull();
  }

  @Test
  void eachRecordKindByHand() {
    Session[] sessions = twoBenchSessions();

    ExerciseHistory history = stats.history(alex.id(), "BENCH press", 0);

    assertThat(history.exercise()).isEqualTo("bench PRESS");
    assertThat(history.unit()).isEqualTo(Unit.KG);
    ExerciseRecords records = history.records();
    assertThat(records.get(RecordKind.HEAVIEST_WEIGHT)).isEqualTo(new RecordValue(120, LocalDate.parse("2026-11-08"),
        sessions[1].id()));
    assertThat(records.get(RecordKind.BEST_E1RM)).isEqualTo(new RecordValue(120, LocalDate.parse("2026-11-08"),
        sessions[1].id()));
    assertThat(records.get(RecordKind.BEST_SET_VOLUME).value()).isEqualTo(900);
    assertThat(records.get(RecordKind.BEST_SESSION_VOLUME)).isEqualTo(new RecordValue(1315,
        LocalDate.parse("2026-11-01"), sessions[0].id()));
    assertThat(records.mostReps().reps()).isEqualTo(15);
    assertThat(records.mostReps().weight()).isEqualTo(60);
  }

  @Test
  void sessionsOldestFirstWithWorkingSetsOnly() {
    Session[] sessions = twoBenchSessions();

    ExerciseHistory history = stats.history(alex.id(), "bench press", 0);

    assertThat(history.sessions()).hasSize(2);
    assertThat(history.sessions().get(0).sessionId()).isEqualTo(sessions[0].id());
    assertThat(history.sessions().get(0).sets()).isEqualTo(3);
    assertThat(history.sessions().get(0).volume()).isEqualTo(1315);
    assertThat(history.sessions().get(0).bestE1rm()).isCloseTo(100 * (1 + 5 / 30.0), within(EPS));
    assertThat(history.sessions().get(0).bestBrzycki()).isCloseTo(112.5, within(EPS));
    assertThat(history.sessions().get(1).sets()).isEqualTo(2);
    assertThat(history.sessions().get(1).bestE1rm()).isEqualTo(120);
    assertThat(history.sessions().get(1).volume()).isEqualTo(1020);
  }

  @Test
  void repMaxesAreTheHeaviestForEachRepCountAndEarliestOnATie() {
    Session[] sessions = twoBenchSessions();
    fixture.complete(alex, "2026-11-15", Unit.KG, exercise("Bench press", done(5, 100)));

    Map<Integer, RecordValue> maxes = stats.history(alex.id(), "bench press", 0).repMaxes();

    assertThat(maxes.keySet()).containsExactly(1, 3, 5);
    assertThat(maxes.get(1).value()).isEqualTo(120);
    assertThat(maxes.get(3).value()).isEqualTo(105);
    assertThat(maxes.get(5)).isEqualTo(new RecordValue(100, LocalDate.parse("2026-11-01"), sessions[0].id()));
  }

  @Test
  void warmUpsNeverCount() {
    fixture.complete(alex, "2026-11-01", Unit.KG, exercise("Squat", done(SetType.WARMUP, 5, 200), done(5, 100)));

    ExerciseHistory history = stats.history(alex.id(), "squat", 0);

    assertThat(history.records().get(RecordKind.HEAVIEST_WEIGHT).value()).isEqualTo(100);
    assertThat(history.records().get(RecordKind.BEST_SESSION_VOLUME).value()).isEqualTo(500);
    assertThat(history.repMaxes().get(5).value()).isEqualTo(100);
    assertThat(history.sessions().get(0).sets()).isEqualTo(1);
  }

  @Test
  void setsWithoutRepsOrWeightOrNotDoneAreNoWorkingSets() {
    fixture.complete(alex, "2026-11-01", Unit.KG, exercise("Pull-up", done(10, 0), notDone(5, 20)));

    ExerciseHistory history = stats.history(alex.id(), "pull-up", 0);

    assertThat(history.sessions()).isEmpty();
    assertThat(history.records().isEmpty()).isTrue();
    assertThat(stats.records(alex.id())).isEmpty();
  }

  @Test
  void aPoundProfileSeesKilogramSessionsInPounds() {
    Profile sam = t.app.profiles().create("Sam", Unit.LB);
    fixture.complete(sam, "2026-11-01", Unit.KG, exercise("Deadlift", done(5, 100)));
    fixture.complete(sam, "2026-11-02", Unit.LB, exercise("Deadlift", done(3, 225)));

    ExerciseHistory history = stats.history(sam.id(), "deadlift", 0);

    assertThat(history.unit()).isEqualTo(Unit.LB);
    double kgInLb = 100 / 0.45359237;
    assertThat(history.records().get(RecordKind.HEAVIEST_WEIGHT).value()).isEqualTo(225);
    assertThat(history.sessions().get(0).volume()).isCloseTo(5 * kgInLb, within(1e-9));
    assertThat(history.records().get(RecordKind.BEST_E1RM).value()).isCloseTo(kgInLb * (1 + 5 / 30.0), within(1e-9));
    assertThat(Weights.printed(history.records().get(RecordKind.BEST_E1RM).value()).toString()).isEqualTo("257.21");
    assertThat(history.records().get(RecordKind.BEST_SESSION_VOLUME).value()).isCloseTo(5 * kgInLb, within(1e-9));
  }

  @Test
  void aKilogramProfileSeesPoundSessionsInKilograms() {
    fixture.complete(alex, "2026-11-01", Unit.LB, exercise("Deadlift", done(1, 405)));

    ExerciseHistory history = stats.history(alex.id(), "deadlift", 0);

    assertThat(history.records().get(RecordKind.HEAVIEST_WEIGHT).value()).isCloseTo(405 * 0.45359237, within(1e-9));
    assertThat(Weights.printed(history.records().get(RecordKind.HEAVIEST_WEIGHT).value()).toString())
        .isEqualTo("183.7");
  }

  @Test
  void mergingTwoNamesCountsBothAsOne() {
    twoBenchSessions();
    Session imported = fixture.complete(alex, "2026-11-10", Unit.KG,
        exercise("Bench Press (Barbell)", done(2, 110), done(2, 110)));
    assertThat(stats.catalogue(alex.id())).extracting(ExerciseName::name)
        .contains("bench PRESS", "Bench Press (Barbell)");

    t.app.progress().exercises().merge(alex.id(), "bench press (barbell)", "Bench press");

    ExerciseHistory history = stats.history(alex.id(), "bench press", 0);
    assertThat(stats.catalogue(alex.id())).extracting(ExerciseName::name).containsExactly("bench PRESS", "Squat");
    assertThat(history.sessions()).hasSize(3);
    assertThat(history.sessions().get(2).sessionId()).isEqualTo(imported.id());
    assertThat(history.records().get(RecordKind.BEST_SESSION_VOLUME).value()).isEqualTo(1315);
    assertThat(history.repMaxes().get(2).value()).isEqualTo(110);
    assertThat(stats.history(alex.id(), "Bench Press (Barbell)", 0).sessions()).hasSize(3);
    // the snapshot is untouched
    assertThat(t.app.sessions().get(alex.id(), imported.id()).structure().exercises().get(0).name())
        .isEqualTo("Bench Press (Barbell)");

    assertThat(t.app.progress().exercises().unalias(alex.id(), "Bench Press (Barbell)")).isTrue();
    assertThat(stats.history(alex.id(), "bench press", 0).sessions()).hasSize(2);
  }

  @Test
  void renamingShowsTheNewNameAndKeepsTheHistory() {
    twoBenchSessions();

    t.app.progress().exercises().rename(alex.id(), "bench press", "Barbell bench press");

    assertThat(stats.history(alex.id(), "barbell bench press", 0).sessions()).hasSize(2);
    assertThat(stats.history(alex.id(), "bench press", 0).exercise()).isEqualTo("Barbell bench press");
    assertThat(stats.records(alex.id())).extracting(ExerciseRecords::exercise).containsExactly("Barbell bench press");

    t.app.progress().exercises().rename(alex.id(), "barbell bench press", "Bench Press");
    assertThat(stats.records(alex.id())).extracting(ExerciseRecords::exercise).containsExactly("Bench Press");
    assertThat(stats.history(alex.id(), "barbell bench press", 0).sessions()).hasSize(2);
  }

  @Test
  void anUnknownExerciseIsNotFound() {
    twoBenchSessions();

    assertThatThrownBy(() -> stats.history(alex.id(), "Snatch", 0)).isInstanceOf(NotFoundException.class)
        .hasMessage("No exercise is named \"Snatch\"");
  }

  @Test
  void recordsListOneRowPerExerciseByName() {
    twoBenchSessions();
    fixture.complete(alex, "2026-11-02", Unit.KG, exercise("Squat", done(5, 140)), exercise("arnold press", done(8, 20)));

    List<ExerciseRecords> records = stats.records(alex.id());

    assertThat(records).extracting(ExerciseRecords::exercise).containsExactly("arnold press", "bench PRESS", "Squat");
    assertThat(records.get(2).get(RecordKind.BEST_E1RM).value()).isCloseTo(140 * (1 + 5 / 30.0), within(EPS));
  }

  @Test
  void inProgressAndDeletedSessionsDoNotCount() {
    Session[] sessions = twoBenchSessions();
    Session started = t.app.sessions().start(alex.id(), t.app.plans().list(alex.id()).get(0).id(),
        LocalDate.parse("2026-11-20"), dev.setwise.domain.SessionStructure.empty(Unit.KG)
            .withExercises(List.of(exercise("Bench press", done(1, 200)))));

    assertThat(stats.history(alex.id(), "bench press", 0).records().get(RecordKind.HEAVIEST_WEIGHT).value())
        .isEqualTo(120);

    t.app.sessions().delete(alex.id(), sessions[1].id());
    t.app.sessions().delete(alex.id(), started.id());
    assertThat(stats.history(alex.id(), "bench press", 0).records().get(RecordKind.HEAVIEST_WEIGHT).value())
        .isEqualTo(105);
  }

  @Test
  void recordsAfterAnImportMatchTheExportingProfile() throws Exception {
    twoBenchSessions();
    Path file = dir.resolve("alex.json");
    t.app.exports().exportToFile(alex.id(), file, Progress.NONE, Cancellation.none());

    try (TestContext other = new TestContext(dir.resolve("other"))) {
      other.app.imports().importData(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none());
      Profile imported = other.app.profiles().findByName("Alex").orElseThrow();

      assertThat(other.app.progress().stats().records(imported.id())).isEqualTo(stats.records(alex.id()));
      assertThat(other.app.progress().stats().history(imported.id(), "bench press", 0))
          .isEqualTo(stats.history(alex.id(), "bench press", 0));
    }
  }

  @Test
  void lastTimeIsTheNewestCompletedSessionsSetsInTheUnitAsked() {
    twoBenchSessions();

    Map<String, ExerciseOutlook> outlook = t.app.progress().stats().outlook(alex.id(),
        List.of("Bench Press", "Snatch"), Unit.LB);

    assertThat(outlook).containsOnlyKeys("bench press");
    ExerciseOutlook bench = outlook.get("bench press");
    assertThat(bench.last().date()).isEqualTo(LocalDate.parse("2026-11-08"));
    assertThat(bench.last().sets()).hasSize(2);
    assertThat(bench.last().set(0).reps()).isEqualTo(1);
    assertThat(bench.last().set(0).weight()).isCloseTo(120 / 0.45359237, within(1e-9));
    assertThat(bench.records().get(RecordKind.BEST_E1RM).value()).isCloseTo(120 / 0.45359237, within(1e-9));
  }

  @Test
  void aSessionShowsTheRecordsItSet() {
    Session[] sessions = twoBenchSessions();

    assertThat(stats.sessionRecords(alex.id(), sessions[0].id())).isEmpty();
    assertThat(stats.sessionRecords(alex.id(), sessions[1].id())).extracting(SessionRecord::kind)
        .containsExactly(RecordKind.HEAVIEST_WEIGHT, RecordKind.BEST_E1RM, RecordKind.BEST_SET_VOLUME);
  }
}
