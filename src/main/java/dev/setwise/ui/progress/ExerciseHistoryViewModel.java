package dev.setwise.ui.progress;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.ExerciseSession;
import dev.setwise.domain.progress.LoggedSet;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.ui.common.BackgroundTasks;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One exercise's history: its newest sessions with their sets, records, rep maxes, and a chart of
 * e1RM and volume by week, month or all time. The e1RM formula shown is the profile's choice
 * (Epley unless changed). All state changes on the FX thread.
 */
public final class ExerciseHistoryViewModel {

  /** How many sessions (newest first) the list shows with their sets. */
  public static final int SESSIONS_SHOWN = 50;

  /** A session of the list, newest first, with its sets. */
  public record SessionLine(ExerciseSession session, List<LoggedSet> sets) {}

  private final Supplier<AppContext.Progress> progress;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Clock clock;

  private final StringProperty exercise = new SimpleStringProperty(this, "exercise", "");
  private final ObjectProperty<ExerciseHistory> history = new SimpleObjectProperty<>(this, "history");
  private final ObservableList<ProgressCharts.ExercisePoint> trend = FXCollections.observableArrayList();
  private final ObservableList<SessionLine> sessions = FXCollections.observableArrayList();
  private final ObjectProperty<ProgressCharts.Span> span = new SimpleObjectProperty<>(this, "span",
      ProgressCharts.Span.ALL);
  private final ObjectProperty<OneRepMax.Formula> formula = new SimpleObjectProperty<>(this, "formula",
      OneRepMax.Formula.EPLEY);
  private final StringProperty error = new SimpleStringProperty(this, "error");

  public ExerciseHistoryViewModel(Supplier<AppContext.Progress> progress, BackgroundTasks tasks,
      ReadOnlyObjectProperty<Profile> profile, Clock clock) {
    this.progress = progress;
    this.tasks = tasks;
    this.profile = profile;
    this.clock = clock;
    span.addListener((obs, old, now) -> loadTrend());
  }

  /** Loads the history of {@code name} (any spelling; aliases count). */
  public void open(String name) {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    exercise.set(name);
    error.set(null);
    AppContext.Progress services = progress.get();
    ProgressCharts.Span chosen = span.get();
    LocalDate today = LocalDate.now(clock);
    tasks.read("load the exercise history", () -> {
      ExerciseHistory found = services.stats().history(owner.id(), name, SESSIONS_SHOWN);
      List<UUID> ids = found.sessions().stream().map(ExerciseSession::sessionId).toList();
      Map<UUID, List<LoggedSet>> sets = services.stats().sets(owner.id(), name, ids);
      return new Loaded(found, sets, services.stats().trend(owner.id(), name, chosen, today),
          services.settings().get(owner.id()).formula());
    }, loaded -> {
      if (!owner.equals(profile.get())) {
        return;
      }
      exercise.set(loaded.history().exercise());
      formula.set(loaded.formula());
      history.set(loaded.history());
      List<SessionLine> lines = new ArrayList<>();
      List<ExerciseSession> list = loaded.history().sessions();
      for (int i = list.size() - 1; i >= 0; i--) {
        lines.add(new SessionLine(list.get(i), loaded.sets().getOrDefault(list.get(i).sessionId(), List.of())));
      }
      sessions.setAll(lines);
      if (chosen == span.get()) {
        trend.setAll(loaded.trend());
      }
    }, failure -> error.set(failure.message()));
  }

  private record Loaded(ExerciseHistory history, Map<UUID, List<LoggedSet>> sets,
      List<ProgressCharts.ExercisePoint> trend, OneRepMax.Formula formula) {}

  private void loadTrend() {
    Profile owner = profile.get();
    String name = exercise.get();
    if (owner == null || history.get() == null) {
      return;
    }
    ProgressCharts.Span chosen = span.get();
    AppContext.Progress services = progress.get();
    LocalDate today = LocalDate.now(clock);
    tasks.read("load the exercise chart", () -> services.stats().trend(owner.id(), name, chosen, today), points -> {
      if (chosen == span.get()) {
        trend.setAll(points);
      }
    }, failure -> error.set(failure.message()));
  }

  /**
   * Renames the exercise (or merges it into an existing one of that name); history is kept, the
   * snapshots are not rewritten. {@code failed} gets a short message.
   */
  public void rename(String to, Runnable done, Consumer<String> failed) {
    Profile owner = profile.get();
    String from = exercise.get();
    AppContext.Progress services = progress.get();
    tasks.write("rename the exercise", () -> services.exercises().rename(owner.id(), from, to), renamed -> {
      done.run();
      open(renamed.name());
    }, failure -> failed.accept(failure.message()));
  }

  public StringProperty exerciseProperty() {
    return exercise;
  }

  public ObjectProperty<ExerciseHistory> historyProperty() {
    return history;
  }

  public ObservableList<ProgressCharts.ExercisePoint> trend() {
    return trend;
  }

  public ObservableList<SessionLine> sessions() {
    return sessions;
  }

  public ObjectProperty<ProgressCharts.Span> spanProperty() {
    return span;
  }

  public ObjectProperty<OneRepMax.Formula> formulaProperty() {
    return formula;
  }

  public StringProperty errorProperty() {
    return error;
  }
}
