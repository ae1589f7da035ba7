package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanDeletion;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanServiceTest {

  @TempDir
  Path dir;

  TestContext t;
  PlanService plans;
  Profile alex;
  Profile sam;

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    plans = t.app.plans();
    alex = t.profile("Alex");
    sam = t.profile("Sam");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void createStoresNameAndStructure() {
    Plan plan = plans.create(alex.id(), "  Strength A ", Structures.plan());

    assertThat(plan.name()).isEqualTo("Strength A");
    assertThat(plan.hasSessions()).isFalse();
    assertThat(plan.archived()).isFalse();
    assertThat(plans.get(alex.id(), plan.id())).isEqualTo(plan);
    assertThat(plans.list(alex.id())).extracting(PlanSummary::name, PlanSummary::exerciseCount)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Strength A", 2));
  }

  @Test
  void createReportsNameAndStructureProblemsTogether() {
    SessionStructure bad = SessionStructure.empty(Unit.KG).withExercises(List.of(
        new Exercise("Squat", null, null, null, List.of(SetEntry.target(SetType.NORMAL, 1001, null, null)))));

    assertThatThrownBy(() -> plans.create(alex.id(), "", bad))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(Messages.INVALID_PLAN_DATA);
          assertThat(e.problems()).extracting(Problem::path)
              .containsExactlyInAnyOrder("name", "structure.exercises[0].sets[0].target_reps");
        });
    assertThat(plans.list(alex.id())).isEmpty();
  }

  @Test
  void aPlanHoldsTargetsOnly() {
    SessionStructure withActuals = Structures.done(Structures.plan(), 0, 0, 5, 60, TestContext.START);

    assertThatThrownBy(() -> plans.create(alex.id(), "A", withActuals))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.INVALID_PLAN_DATA);
  }

  @Test
  void problemsOfNamesFieldAndLimitWithoutSaving() {
    SessionStructure bad = SessionStructure.empty(Unit.KG).withExercises(List.of(
        new Exercise("Squat", null, 4000, null, List.of())));

    assertThat(PlanService.problemsOf("x".repeat(121), bad)).containsExactlyInAnyOrder(
        new Problem("name", "must be 1 to 120 characters"),
        new Problem("structure.exercises[0].rest_seconds", "must be an integer from 0 to 3600"));
    assertThat(PlanService.problemsOf("Fine", Structures.plan())).isEmpty();
  }

  @Test
  void editingAPlanNeverChangesASessionAlreadyStarted() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());
    Session session = t.app.sessions().start(alex.id(), plan.id(), null);

    plans.update(alex.id(), plan.id(), "Renamed", SessionStructure.empty(Unit.LB));

    Session reread = t.app.sessions().get(alex.id(), session.id());
    assertThat(reread.structure()).isEqualTo(session.structure());
    assertThat(reread.structure().name()).isEqualTo("A");
    assertThat(reread.structure().exercises()).hasSize(2);
    assertThat(plans.get(alex.id(), plan.id()).structure().exercises()).isEmpty();
  }

  @Test
  void updateChangesOnlyWhatIsGiven() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());
    t.clock.advance(Duration.ofMinutes(1));

    Plan renamed = plans.update(alex.id(), plan.id(), "B", null);

    assertThat(renamed.name()).isEqualTo("B");
    assertThat(renamed.structure()).isEqualTo(plan.structure());
    assertThat(renamed.updatedAt()).isEqualTo(t.clock.instant());
    assertThat(plans.update(alex.id(), plan.id(), null, null)).isEqualTo(renamed);
  }

  @Test
  void hasSessionsBecomesTrueOnTheFirstStart() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());
    assertThat(plans.get(alex.id(), plan.id()).hasSessions()).isFalse();

    t.app.sessions().start(alex.id(), plan.id(), null);

    assertThat(plans.get(alex.id(), plan.id()).hasSessions()).isTrue();
    assertThat(plans.list(alex.id()).get(0).hasSessions()).isTrue();
  }

  @Test
  void deletingAPlanWithoutSessionsRemovesIt() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());

    assertThat(plans.delete(alex.id(), plan.id())).isEqualTo(PlanDeletion.REMOVED);

    assertThatThrownBy(() -> plans.get(alex.id(), plan.id())).isInstanceOf(NotFoundException.class);
    assertThat(t.app.audit().list(alex.id(), 1, 0).items().get(0).action()).isEqualTo("plan_deleted");
  }

  @Test
  void deletingAPlanWithSessionsArchivesItAndItsSessionsStayReadable() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());
    Session session = t.app.sessions().start(alex.id(), plan.id(), null);
    t.app.sessions().complete(alex.id(), session.id(), null);

    assertThat(plans.delete(alex.id(), plan.id())).isEqualTo(PlanDeletion.ARCHIVED);

    assertThat(plans.list(alex.id())).isEmpty();
    assertThat(plans.list(alex.id(), true)).extracting(PlanSummary::archived).containsExactly(true);
    assertThat(plans.get(alex.id(), plan.id()).archived()).isTrue();
    assertThat(t.app.sessions().get(alex.id(), session.id()).structure()).isEqualTo(session.structure());
    assertThat(t.app.audit().list(alex.id(), 1, 0).items().get(0).action()).isEqualTo("plan_archived");
    assertThatThrownBy(() -> t.app.sessions().start(alex.id(), plan.id(), null))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.PLAN_NOT_FOUND_OR_DENIED);
    assertThatThrownBy(() -> plans.delete(alex.id(), plan.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> plans.update(alex.id(), plan.id(), "B", null)).isInstanceOf(NotFoundException.class);
  }

  @Test
  void aPlanWhoseOnlySessionWasDiscardedIsStillArchived() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());
    Session session = t.app.sessions().start(alex.id(), plan.id(), null);
    t.app.sessions().delete(alex.id(), session.id());

    assertThat(plans.delete(alex.id(), plan.id())).isEqualTo(PlanDeletion.ARCHIVED);
  }

  @Test
  void duplicateCopiesTheStructureUnderANewName() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());

    Plan copy = plans.duplicate(alex.id(), plan.id(), null);

    assertThat(copy.id()).isNotEqualTo(plan.id());
    assertThat(copy.name()).isEqualTo("A (copy)");
    assertThat(copy.structure()).isEqualTo(plan.structure());
    assertThat(plans.list(alex.id())).hasSize(2);
  }

  @Test
  void anotherProfilesPlanBehavesExactlyLikeAMissingOne() {
    Plan plan = plans.create(alex.id(), "A", Structures.plan());
    UUID missing = UUID.randomUUID();

    for (UUID id : List.of(plan.id(), missing)) {
      assertThatThrownBy(() -> plans.get(sam.id(), id))
          .isInstanceOf(NotFoundException.class).hasMessage(Messages.PLAN_NOT_FOUND);
      assertThatThrownBy(() -> plans.update(sam.id(), id, "Mine now", null))
          .isInstanceOf(NotFoundException.class).hasMessage(Messages.PLAN_NOT_FOUND);
      assertThatThrownBy(() -> plans.delete(sam.id(), id))
          .isInstanceOf(NotFoundException.class).hasMessage(Messages.PLAN_NOT_FOUND);
      assertThatThrownBy(() -> plans.duplicate(sam.id(), id, null))
          .isInstanceOf(NotFoundException.class).hasMessage(Messages.PLAN_NOT_FOUND);
    }
    assertThat(plans.list(sam.id())).isEmpty();
    assertThat(plans.get(alex.id(), plan.id()).name()).isEqualTo("A");
  }
}
