package dev.setwise.ui.progress;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.progress.ExerciseName;
import dev.setwise.domain.progress.ProgressSettings;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Lazy;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The progress side of the desktop app in one place: the Progress screen's view model, the workout's
 * insights, exercise histories on demand, the exercise names that text fields complete, and the
 * profile's bar, plates and prefill settings. The main view model owns one; views get what they need.
 */
public final class ProgressModels {

  private final Supplier<AppContext.Progress> services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Clock clock;
  private final Lazy<ProgressViewModel> screen;
  private final WorkoutInsights insights;
  private final ObservableList<String> exerciseNames = FXCollections.observableArrayList();
  private final ObjectProperty<ProgressSettings> settings = new SimpleObjectProperty<>(this, "settings");

  public ProgressModels(Supplier<AppContext.Progress> services, BackgroundTasks tasks,
      ReadOnlyObjectProperty<Profile> profile, Clock clock, WorkoutViewModel workout) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    this.clock = clock;
    // The Progress screen's model is built when that screen is first shown.
    this.screen = Lazy.of(() -> new ProgressViewModel(services, tasks, profile, clock));
    this.insights = new WorkoutInsights(workout.active(), services, tasks, profile);
    profile.addListener((obs, old, now) -> refreshShared());
  }

  /** The names and settings of the current profile, read again (after a switch, a completion or an import). */
  public void refreshShared() {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    AppContext.Progress progress = services.get();
    tasks.read("load the exercise names", () -> new Shared(progress.stats().catalogue(owner.id()),
        progress.settings().get(owner.id())), shared -> {
          if (owner.equals(profile.get())) {
            exerciseNames.setAll(shared.names().stream().map(ExerciseName::name).toList());
            settings.set(shared.settings());
          }
        }, failure -> { });
  }

  private record Shared(List<ExerciseName> names, ProgressSettings settings) {}

  /** Saves the profile's progress settings; the workout then prefills by them. */
  public void saveSettings(ProgressSettings changed, Runnable done, Consumer<String> failed) {
    Profile owner = profile.get();
    AppContext.Progress progress = services.get();
    tasks.write("save the bar and plates", () -> progress.settings().save(owner.id(), changed), saved -> {
      settings.set(saved);
      insights.reload();
      done.run();
    }, failure -> failed.accept(failure.message()));
  }

  /** A new view model for one exercise's history (each window has its own). */
  public ExerciseHistoryViewModel exerciseHistory() {
    return new ExerciseHistoryViewModel(services, tasks, profile, clock);
  }

  public ProgressViewModel screen() {
    return screen.get();
  }

  public WorkoutInsights insights() {
    return insights;
  }

  /** Exercise names of the current profile's catalogue, by name (what name fields complete). */
  public ObservableList<String> exerciseNames() {
    return exerciseNames;
  }

  /** Bar, plates, prefill and formula of the current profile (null until read). */
  public ReadOnlyObjectProperty<ProgressSettings> settingsProperty() {
    return settings;
  }

  public ReadOnlyObjectProperty<Profile> profileProperty() {
    return profile;
  }
}
