package dev.setwise.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.support.Structures;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.UiFixture;
import dev.setwise.ui.common.Formats;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** One seeded database for the class (writes with synchronous=FULL are slow); each test gets a fresh view model. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryViewModelTest {

  @TempDir
  static Path dir;

  UiFixture f;
  HistoryViewModel vm;
  Plan legs;
  Plan push;
  List<Session> sessions = new ArrayList<>();

  @BeforeAll
  void seed() {
    f = new UiFixture(dir);
    legs = f.services.plans().create(f.owner(), "Legs", Structures.plan());
    push = f.services.plans().create(f.owner(), "Push", Structures.plan());
    // 60 completed sessions, one a day, alternating plans; then one in progress.
    for (int day = 0; day < 60; day++) {
      Plan plan = day % 2 == 0 ? legs : push;
      Session s = f.services.sessions().start(f.owner(), plan.id(), LocalDate.of(2026, 9, 1).plusDays(day));
      f.t.clock.advance(Duration.ofMinutes(45));
      sessions.add(f.services.sessions().complete(f.owner(), s.id(),
          Structures.done(s.structure(), 0, 1, 5, 100, f.t.clock.instant())));
      f.t.clock.advance(Duration.ofHours(23));
    }
    sessions.add(f.services.sessions().start(f.owner(), legs.id(), LocalDate.of(2026, 10, 31)));
  }

  @BeforeEach
  void open() {
    f.navigator.calls.clear();
    vm = new HistoryViewModel(f.services, f.tasks, f.profile, f.navigator);
    vm.refresh();
  }

  @AfterAll
  void close() {
    f.close();
  }

  private void archivePush() {
    if (!f.services.plans().get(f.owner(), push.id()).archived()) {
      f.services.plans().delete(f.owner(), push.id());
    }
  }

  @Test
  void showsTheNewestPageWithTheTotal() {
    assertThat(vm.rows()).hasSize(HistoryViewModel.PAGE_SIZE);
    assertThat(vm.rows().get(0).id()).isEqualTo(sessions.get(60).id());
    assertThat(vm.pageTextProperty().get()).isEqualTo("1–50 of 61");
    assertThat(vm.canPreviousProperty().get()).isFalse();
    assertThat(vm.canNextProperty().get()).isTrue();
    SessionSummary completed = vm.rows().get(1);
    assertThat(completed.completedSetCount()).isEqualTo(1);
    assertThat(completed.setCount()).isEqualTo(7);
    assertThat(completed.volume()).isEqualTo(500.0);
  }

  @Test
  void pagesForwardAndBack() {
    vm.nextPage();
    assertThat(vm.rows()).hasSize(11);
    assertThat(vm.pageTextProperty().get()).isEqualTo("51–61 of 61");
    assertThat(vm.canNextProperty().get()).isFalse();
    vm.previousPage();
    assertThat(vm.pageTextProperty().get()).isEqualTo("1–50 of 61");
  }

  @Test
  void filtersStartAgainAtTheFirstPage() {
    vm.nextPage();
    vm.planProperty().set(vm.planChoices().stream().filter(c -> push.id().equals(c.id())).findFirst().orElseThrow());
    assertThat(vm.pageTextProperty().get()).isEqualTo("1–30 of 30");

    vm.statusProperty().set(HistoryViewModel.StatusFilter.IN_PROGRESS);
    assertThat(vm.rows()).isEmpty();
    vm.planProperty().set(HistoryViewModel.PlanChoice.ALL);
    assertThat(vm.rows()).extracting(SessionSummary::id).containsExactly(sessions.get(60).id());

    vm.statusProperty().set(HistoryViewModel.StatusFilter.COMPLETED);
    vm.fromProperty().set(LocalDate.of(2026, 9, 10));
    vm.toProperty().set(LocalDate.of(2026, 9, 12));
    assertThat(vm.rows()).extracting(SessionSummary::date)
        .containsExactly(LocalDate.of(2026, 9, 12), LocalDate.of(2026, 9, 11), LocalDate.of(2026, 9, 10));
  }

  @Test
  void fromAfterToIsExplainedInsteadOfQueried() {
    vm.fromProperty().set(LocalDate.of(2026, 10, 1));
    vm.toProperty().set(LocalDate.of(2026, 9, 1));
    assertThat(vm.errorProperty().get()).isEqualTo("The “from” date is after the “to” date.");
    assertThat(vm.rows()).isEmpty();
  }

  @Test
  void searchMatchesTheName() {
    vm.searchProperty().set("pus");
    assertThat(vm.totalProperty().get()).isEqualTo(30);
  }

  @Test
  void sortsThroughTheService() {
    vm.sortBy(SessionQuery.Sort.DATE, SessionQuery.Order.ASC);
    assertThat(vm.rows().get(0).date()).isEqualTo(LocalDate.of(2026, 9, 1));
    vm.sortBy(SessionQuery.Sort.ENDED_AT, SessionQuery.Order.DESC);
    assertThat(vm.rows().get(0).endedAt()).isNull();
  }

  @Test
  void archivedPlansStayInTheFilterAndOpeningARowAsksTheNavigator() {
    archivePush();
    vm.refresh();
    assertThat(vm.planChoices()).extracting(HistoryViewModel.PlanChoice::label)
        .containsExactly("All plans", "Legs", "Push (archived)");

    vm.open(vm.rows().get(0));
    vm.open(vm.rows().get(1));
    assertThat(f.navigator.calls).containsExactly("open " + sessions.get(60).id() + " in progress",
        "open " + sessions.get(59).id());
  }

  @Test
  void theDetailOfAnArchivedPlansSessionOpens() {
    archivePush();
    SessionDetailViewModel detail = new SessionDetailViewModel(f.services, f.tasks, f.profile, f.navigator,
        (name, structure) -> true);
    detail.load(sessions.get(1).id());
    assertThat(detail.sessionProperty().get().planId()).isEqualTo(push.id());
    assertThat(detail.summaryProperty().get()).isEqualTo(Formats.date(LocalDate.of(2026, 9, 2)) + " · 45 min · 1 of 7 sets done · volume 500 kg");
  }
  @Test
  void theEmptyTableSaysLoadingUntilItsPageArrivesNeverNoMatch() {
    ArrayDeque<Runnable> callbacks = new ArrayDeque<>();
    BackgroundTasks held = BackgroundTasks.lanes(Runnable::run, Runnable::run, callbacks::add);
    HistoryViewModel slow = new HistoryViewModel(f.services, held, f.profile, f.navigator);
    assertThat(slow.placeholderProperty().get()).isEqualTo(HistoryViewModel.LOADING);
    slow.refresh();
    runAll(callbacks);
    assertThat(slow.rows()).isNotEmpty();

    slow.searchProperty().set("nothing is called this");
    // the page was read, but has not arrived yet: the old rows' placeholder must not say "no match"
    assertThat(slow.placeholderProperty().get()).isEqualTo(HistoryViewModel.LOADING);
    runAll(callbacks);
    assertThat(slow.rows()).isEmpty();
    assertThat(slow.placeholderProperty().get()).isEqualTo(HistoryViewModel.NO_MATCH);

    slow.searchProperty().set("still nothing");
    assertThat(slow.placeholderProperty().get()).isEqualTo(HistoryViewModel.LOADING);
    runAll(callbacks);
    assertThat(slow.placeholderProperty().get()).isEqualTo(HistoryViewModel.NO_MATCH);
  }

  @Test
  void theTotalIsCountedOncePerChangeOfFiltersNotOnEveryPage() {
    assertThat(vm.totalProperty().get()).isEqualTo(61);
    // a session logged elsewhere (the API): the next page and a new sort read rows, not the count
    Session elsewhere = f.services.sessions().create(f.owner(), new dev.setwise.domain.SessionRequests.Create(null,
        legs.id(), LocalDate.of(2026, 8, 1), Structures.plan(), f.t.clock.instant().minus(Duration.ofHours(30)),
        f.t.clock.instant().minus(Duration.ofHours(29))));
    try {
      vm.nextPage();
      assertThat(vm.totalProperty().get()).isEqualTo(61);
      vm.sortBy(SessionQuery.Sort.DATE, SessionQuery.Order.ASC);
      assertThat(vm.totalProperty().get()).isEqualTo(61);
      assertThat(vm.rows().get(0).id()).isEqualTo(elsewhere.id());
      // a change of filters counts again
      vm.statusProperty().set(HistoryViewModel.StatusFilter.COMPLETED);
      assertThat(vm.totalProperty().get()).isEqualTo(61);
      vm.statusProperty().set(HistoryViewModel.StatusFilter.ALL);
      assertThat(vm.totalProperty().get()).isEqualTo(62);
    } finally {
      f.services.sessions().delete(f.owner(), elsewhere.id());
    }
  }

  private static void runAll(ArrayDeque<Runnable> callbacks) {
    while (!callbacks.isEmpty()) {
      callbacks.poll().run();
    }
  }
}
