package dev.setwise.ui.progress;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.progress.ExerciseName;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.ui.common.BackgroundTasks;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Progress screen: sessions and volume per week or month, a calendar of training days,
 * bodyweight over time, and the records of every exercise. One background read per refresh; all
 * state changes on the FX thread.
 */
public final class ProgressViewModel {

  /** Weeks the training-day calendar shows, ending with this week. */
  public static final int CALENDAR_WEEKS = 26;

  private final Supplier<AppContext.Progress> progress;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Clock clock;

  private final ObjectProperty<ProgressCharts.Span> span = new SimpleObjectProperty<>(this, "span",
      ProgressCharts.Span.WEEKS);
  private final ObservableList<ProgressCharts.Period> periods = FXCollections.observableArrayList();
  private final ObservableList<ProgressCharts.TrainingDay> days = FXCollections.observableArrayList();
  private final ObservableList<ProgressCharts.Bodyweight> bodyweights = FXCollections.observableArrayList();
  private final ObservableList<ExerciseRecords> records = FXCollections.observableArrayList();
  private final ObservableList<ExerciseName> exercises = FXCollections.observableArrayList();
  private final ObjectProperty<LocalDate> calendarStart = new SimpleObjectProperty<>(this, "calendarStart");
  private final StringProperty unit = new SimpleStringProperty(this, "unit", "");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");
  private final BooleanProperty empty = new SimpleBooleanProperty(this, "empty");

  public ProgressViewModel(Supplier<AppContext.Progress> progress, BackgroundTasks tasks,
      ReadOnlyObjectProperty<Profile> profile, Clock clock) {
    this.progress = progress;
    this.tasks = tasks;
    this.profile = profile;
    this.clock = clock;
    span.addListener((obs, old, now) -> refresh());
  }

  /** Reads everything the screen shows for the current profile. */
  public void refresh() {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate from = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(CALENDAR_WEEKS - 1L);
    ProgressCharts.Span chosen = span.get();
    AppContext.Progress services = progress.get();
    loading.set(true);
    tasks.read("load your progress", () -> {
      List<ProgressCharts.Period> periodList = services.stats().periods(owner.id(), chosen, today);
      LocalDate since = chosen == ProgressCharts.Span.ALL || periodList.isEmpty() ? LocalDate.of(1900, 1, 1)
          : periodList.get(0).start();
      return new Loaded(periodList, services.stats().trainingDays(owner.id(), from, today),
          services.stats().bodyweight(owner.id(), since, today), services.stats().records(owner.id()),
          services.stats().catalogue(owner.id()));
    }, loaded -> {
      loading.set(false);
      if (!owner.equals(profile.get()) || chosen != span.get()) {
        return;
      }
      error.set(null);
      unit.set(owner.unit().code());
      calendarStart.set(from);
      periods.setAll(loaded.periods());
      days.setAll(loaded.days());
      bodyweights.setAll(loaded.bodyweights());
      records.setAll(loaded.records());
      exercises.setAll(loaded.exercises());
      empty.set(loaded.periods().stream().allMatch(p -> p.sessions() == 0) && loaded.records().isEmpty());
    }, failure -> {
      loading.set(false);
      error.set(failure.message());
    });
  }

  private record Loaded(List<ProgressCharts.Period> periods, List<ProgressCharts.TrainingDay> days,
      List<ProgressCharts.Bodyweight> bodyweights, List<ExerciseRecords> records, List<ExerciseName> exercises) {}

  public ObjectProperty<ProgressCharts.Span> spanProperty() {
    return span;
  }

  public ObservableList<ProgressCharts.Period> periods() {
    return periods;
  }

  public ObservableList<ProgressCharts.TrainingDay> days() {
    return days;
  }

  public ObservableList<ProgressCharts.Bodyweight> bodyweights() {
    return bodyweights;
  }

  public ObservableList<ExerciseRecords> records() {
    return records;
  }

  /** The profile's exercise catalogue (for the search field). */
  public ObservableList<ExerciseName> exercises() {
    return exercises;
  }

  /** The Monday the calendar starts on. */
  public ObjectProperty<LocalDate> calendarStartProperty() {
    return calendarStart;
  }

  public StringProperty unitProperty() {
    return unit;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public BooleanProperty loadingProperty() {
    return loading;
  }

  /** True when nothing is completed yet (the screen says how to start). */
  public BooleanProperty emptyProperty() {
    return empty;
  }

  public LocalDate today() {
    return LocalDate.now(clock);
  }
}
