package dev.setwise.service.progress;

import static dev.setwise.support.ProgressFixture.done;
import static dev.setwise.support.ProgressFixture.exercise;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.support.ProgressFixture;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress numbers follow amendments (contract §4a), and carrying a session into its plan is a versioned change. */
class ProgressAfterChangesTest {

  @TempDir
  Path dir;

  private TestContext t;
  private Profile alex;

  @BeforeEach
  void open() {
    t = new TestContext(dir.resolve("data"));
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void recordsCountAnAmendedSessionWithItsNewestAmendment() {
    Session session = new ProgressFixture(t).complete(alex, "2026-11-01", Unit.KG,
        exercise("Bench press", done(5, 100)));
    assertThat(heaviest("Bench press")).isEqualTo(100);

    // The 100 was a typo: it was 110; then a second correction to 112.5.
    t.app.sessions().amend(alex.id(), session.id(), withWeight(session.structure(), 110), "typo");
    assertThat(heaviest("Bench press")).isEqualTo(110);
    Session once = t.app.sessions().get(alex.id(), session.id());
    t.app.sessions().amend(alex.id(), session.id(), withWeight(once.structure(), 112.5), "again");

    assertThat(heaviest("Bench press")).isEqualTo(112.5);
    // the original stays as it was
    assertThat(t.app.sessions().amendments(alex.id(), session.id()).get(0).session().exercises().get(0)
        .sets().get(0).weight()).isEqualTo(100);
  }

  @Test
  void carryingASessionIntoItsPlanRaisesThePlanVersionAndKeepsItsTargets() {
    Plan plan = t.app.plans().create(alex.id(), "Strength", SessionStructure.empty(Unit.KG).withExercises(List.of(
        exercise("Squat", SetEntry.target(SetType.NORMAL, 5, 100.0, null)))));
    Session started = t.app.sessions().start(alex.id(), plan.id(), null);
    SessionStructure logged = started.structure().withExercise(0, started.structure().exercises().get(0)
        .withSet(0, started.structure().exercises().get(0).sets().get(0).withActuals(5, 105.0, null)
            .withCompleted(TestContext.START)));
    t.clock.advance(Duration.ofMinutes(40));
    Session completed = t.app.sessions().complete(alex.id(), started.id(), logged);

    Plan carried = t.app.progress().progression().carryIntoPlan(alex.id(), completed.id());

    Plan stored = t.app.plans().get(alex.id(), plan.id());
    assertThat(stored.version()).isEqualTo(plan.version() + 1).isEqualTo(carried.version());
    assertThat(stored.structure().exercises().get(0).sets().get(0).targetWeight()).isEqualTo(105.0);
    // the session keeps its snapshot
    assertThat(t.app.sessions().get(alex.id(), completed.id()).structure()).isEqualTo(completed.structure());
  }

  private double heaviest(String exercise) {
    ExerciseRecords records = t.app.progress().stats().records(alex.id()).stream()
        .filter(r -> r.exercise().equalsIgnoreCase(exercise)).findFirst().orElseThrow();
    return records.best().get(RecordKind.HEAVIEST_WEIGHT).value();
  }

  private static SessionStructure withWeight(SessionStructure structure, double weight) {
    return structure.withExercise(0, structure.exercises().get(0).withSet(0,
        structure.exercises().get(0).sets().get(0).withActuals(5, weight, null)));
  }
}
