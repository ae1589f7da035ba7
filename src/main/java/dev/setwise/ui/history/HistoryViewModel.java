package dev.setwise.ui.history;

import dev.setwise.domain.Page;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SessionSummary;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.UiServices;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The history screen: one page of session summaries at a time through {@code SessionService.list},
 * so it stays instant however many sessions there are (the list reads summary columns only and
 * the database sorts and pages on its indexes). Filters and sort start again at the first page.
 * The number that match is counted once per change of filters; the next and previous pages and
 * a new sort order read their rows alone ({@code SessionService.listPage}). Until a page has
 * arrived, the empty table says it is loading, never that nothing matches.
 */
public final class HistoryViewModel {

  /** Rows per page. */
  public static final int PAGE_SIZE = 50;

  /** The status filter. */
  public enum StatusFilter {
    ALL("All sessions", null),
    COMPLETED("Completed", true),
    IN_PROGRESS("In progress", false);

    private final String label;
    private final Boolean completed;

    StatusFilter(String label, Boolean completed) {
      this.label = label;
      this.completed = completed;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** A choice of the plan filter; {@code id} null means every plan. */
  public record PlanChoice(UUID id, String label) {

    public static final PlanChoice ALL = new PlanChoice(null, "All plans");

    @Override
    public String toString() {
      return label;
    }
  }

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Navigator navigator;

  private final ObservableList<PlanChoice> planChoices = FXCollections.observableArrayList(PlanChoice.ALL);
  private final ObjectProperty<PlanChoice> plan = new SimpleObjectProperty<>(this, "plan", PlanChoice.ALL);
  private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>(this, "from");
  private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>(this, "to");
  private final ObjectProperty<StatusFilter> status = new SimpleObjectProperty<>(this, "status", StatusFilter.ALL);
  private final StringProperty search = new SimpleStringProperty(this, "search", "");
  private final ObjectProperty<SessionQuery.Sort> sort =
      new SimpleObjectProperty<>(this, "sort", SessionQuery.Sort.STARTED_AT);
  private final ObjectProperty<SessionQuery.Order> order =
      new SimpleObjectProperty<>(this, "order", SessionQuery.Order.DESC);
  private final ObservableList<SessionSummary> rows = FXCollections.observableArrayList();
  private final LongProperty total = new SimpleLongProperty(this, "total");
  private final LongProperty offset = new SimpleLongProperty(this, "offset");
  private final StringProperty pageText = new SimpleStringProperty(this, "pageText", "");
  private final BooleanProperty canPrevious = new SimpleBooleanProperty(this, "canPrevious");
  private final BooleanProperty canNext = new SimpleBooleanProperty(this, "canNext");
  private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final StringProperty placeholder = new SimpleStringProperty(this, "placeholder", LOADING);
  private long generation;
  private boolean quiet;
  /** False from a change of filters until its count has arrived: pages read until then count too. */
  private boolean totalKnown;

  /** What the empty table says while its rows are on their way. */
  public static final String LOADING = "Loading…";
  /** What the empty table says once the page has arrived and holds nothing. */
  public static final String NO_MATCH = "No sessions match. Start a workout, or clear the filters.";

  public HistoryViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile,
      Navigator navigator) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    this.navigator = navigator;
    plan.addListener((obs, old, now) -> filtersChanged());
    from.addListener((obs, old, now) -> filtersChanged());
    to.addListener((obs, old, now) -> filtersChanged());
    status.addListener((obs, old, now) -> filtersChanged());
    search.addListener((obs, old, now) -> filtersChanged());
  }

  /** Reloads the plan choices and the current page (after a profile switch or a new session). */
  public void refresh() {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    tasks.read("load the plans", () -> services.plans().list(owner.id(), true), list -> {
      if (!owner.equals(profile.get())) {
        return;
      }
      List<PlanChoice> choices = new ArrayList<>();
      choices.add(PlanChoice.ALL);
      for (PlanSummary summary : list) {
        choices.add(new PlanChoice(summary.id(), summary.archived() ? summary.name() + " (archived)" : summary.name()));
      }
      PlanChoice current = plan.get();
      quiet = true;
      try {
        planChoices.setAll(choices);
        plan.set(choices.stream().filter(c -> c.equals(current)).findFirst().orElse(PlanChoice.ALL));
      } finally {
        quiet = false;
      }
      load();
    }, failure -> error.set(failure.message()));
  }

  /** Forgets every filter (a profile switch). */
  public void resetFilters() {
    quiet = true;
    try {
      plan.set(PlanChoice.ALL);
      from.set(null);
      to.set(null);
      status.set(StatusFilter.ALL);
      search.set("");
      offset.set(0);
    } finally {
      quiet = false;
    }
  }

  private void filtersChanged() {
    if (quiet) {
      return;
    }
    offset.set(0);
    load();
  }

  /** Sorts by {@code key} in {@code direction} (a column header), from the first page; the total stays. */
  public void sortBy(SessionQuery.Sort key, SessionQuery.Order direction) {
    sort.set(key);
    order.set(direction);
    offset.set(0);
    load(false);
  }

  public void nextPage() {
    if (canNext.get()) {
      offset.set(offset.get() + PAGE_SIZE);
      load(false);
    }
  }

  public void previousPage() {
    if (canPrevious.get()) {
      offset.set(Math.max(0, offset.get() - PAGE_SIZE));
      load(false);
    }
  }

  /** Loads the current page and counts what matches; results of an older request that arrive late are dropped. */
  public void load() {
    load(true);
  }

  /** Loads the current page, counting what matches when {@code count} (or when the last count has not arrived). */
  private void load(boolean count) {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    if (from.get() != null && to.get() != null && from.get().isAfter(to.get())) {
      error.set("The “from” date is after the “to” date.");
      rows.clear();
      total.set(0);
      updatePaging();
      return;
    }
    error.set(null);
    long ticket = ++generation;
    int pageOffset = (int) Math.min(Integer.MAX_VALUE, offset.get());
    SessionQuery query = new SessionQuery(plan.get() == null ? null : plan.get().id(), from.get(), to.get(),
        status.get() == null ? null : status.get().completed, search.get(), PAGE_SIZE, pageOffset, sort.get(),
        order.get());
    boolean counting = count || !totalKnown;
    if (counting) {
      totalKnown = false;
      placeholder.set(LOADING);
    }
    loading.set(true);
    tasks.read("load the history", () -> counting ? services.sessions().list(owner.id(), query)
        : services.sessions().listPage(owner.id(), query), page -> {
      if (ticket != generation) {
        return;
      }
      loading.set(false);
      if (counting) {
        totalKnown = true;
      }
      placeholder.set(NO_MATCH);
      show(page, counting);
    }, failure -> {
      if (ticket == generation) {
        loading.set(false);
        error.set(failure.message());
      }
    });
  }

  private void show(Page<SessionSummary> page, boolean counted) {
    rows.setAll(page.items());
    if (counted) {
      total.set(page.total());
    }
    if (page.items().isEmpty() && page.offset() > 0 && total.get() > 0) {
      // The page emptied (sessions deleted elsewhere): count again and step back to the new last page.
      if (counted) {
        offset.set(Math.max(0, (page.total() - 1) / PAGE_SIZE * PAGE_SIZE));
      }
      load(true);
      return;
    }
    updatePaging();
  }

  private void updatePaging() {
    long count = total.get();
    long first = count == 0 ? 0 : offset.get() + 1;
    long last = Math.min(count, offset.get() + rows.size());
    pageText.set(count == 0 ? "No sessions"
        : String.format(Locale.ROOT, "%,d–%,d of %,d", first, last, count));
    canPrevious.set(offset.get() > 0);
    canNext.set(offset.get() + PAGE_SIZE < count);
  }

  /** Opens a row: read-only when completed, the workout when in progress. */
  public void open(SessionSummary row) {
    if (row != null) {
      navigator.openSession(row.id(), row.status() == SessionStatus.IN_PROGRESS);
    }
  }

  public ObservableList<PlanChoice> planChoices() {
    return planChoices;
  }

  public ObjectProperty<PlanChoice> planProperty() {
    return plan;
  }

  public ObjectProperty<LocalDate> fromProperty() {
    return from;
  }

  public ObjectProperty<LocalDate> toProperty() {
    return to;
  }

  public ObjectProperty<StatusFilter> statusProperty() {
    return status;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ObjectProperty<SessionQuery.Sort> sortProperty() {
    return sort;
  }

  public ObjectProperty<SessionQuery.Order> orderProperty() {
    return order;
  }

  public ObservableList<SessionSummary> rows() {
    return rows;
  }

  public LongProperty totalProperty() {
    return total;
  }

  public StringProperty pageTextProperty() {
    return pageText;
  }

  public BooleanProperty canPreviousProperty() {
    return canPrevious;
  }

  public BooleanProperty canNextProperty() {
    return canNext;
  }

  public BooleanProperty loadingProperty() {
    return loading;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** What the table says when it has no rows: {@link #LOADING} until a page arrives, then {@link #NO_MATCH}. */
  public StringProperty placeholderProperty() {
    return placeholder;
  }
}
