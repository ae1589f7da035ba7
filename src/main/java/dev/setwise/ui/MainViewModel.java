package dev.setwise.ui;

import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.Unit;
import dev.setwise.service.ProfileContents;
import dev.setwise.service.ProfileDeleted;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.ui.activity.ActivityViewModel;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.ErrorText;
import dev.setwise.ui.common.Lazy;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import dev.setwise.ui.data.BackupsViewModel;
import dev.setwise.ui.data.DataFolder;
import dev.setwise.ui.data.ExportViewModel;
import dev.setwise.ui.data.ImportViewModel;
import dev.setwise.ui.history.HistoryViewModel;
import dev.setwise.ui.history.SessionDetailViewModel;
import dev.setwise.ui.plan.PlansViewModel;
import dev.setwise.ui.progress.ProgressModels;
import dev.setwise.ui.sync.SyncCalls;
import dev.setwise.ui.sync.SyncViewModel;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
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
 * The main window's state: profiles and the current one, which screen shows, the theme, and the
 * remembered preferences. It owns the screens' view models and moves between them, and those of
 * File → Export…, Import… and Backups…. Each of those is built the first time it is needed (a
 * screen's when it is first shown), so the first window builds only the workout's. It is built on
 * one open database: after a restore the app builds a new one on the new context.
 */
public final class MainViewModel implements Navigator {

  private final UiServices services;
  private final DataFolder data;
  private final BackgroundTasks tasks;
  private final Path dataDir;
  private UiPreferences preferences;

  private final ObservableList<Profile> profiles = FXCollections.observableArrayList();
  private final ObjectProperty<Profile> profile = new SimpleObjectProperty<>(this, "profile");
  private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(this, "screen", Screen.WORKOUT);
  private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
  private final BooleanProperty ready = new SimpleBooleanProperty(this, "ready");
  private final BooleanProperty showingDetail = new SimpleBooleanProperty(this, "showingDetail");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final StringProperty warning = new SimpleStringProperty(this, "warning");
  /** Set on the FX thread once {@link #checkDatabase} found damage: that warning then stays. */
  private boolean damaged;
  private final StringProperty notice = new SimpleStringProperty(this, "notice");
  private final BooleanProperty closing = new SimpleBooleanProperty(this, "closing");
  private final BooleanProperty workoutInProgress = new SimpleBooleanProperty(this, "workoutInProgress");

  private final WorkoutViewModel workout;
  private final Lazy<PlansViewModel> plans;
  private final Lazy<HistoryViewModel> history;
  private final Lazy<SessionDetailViewModel> detail;
  private final Lazy<ActivityViewModel> activity;
  private final Lazy<ExportViewModel> export;
  private final Lazy<ImportViewModel> importer;
  private final Lazy<BackupsViewModel> backups;
  private final ProgressModels progress;
  private final SyncViewModel sync;

  /**
   * @param services the screens' services, of {@code data}'s open context
   * @param data the data folder: its context's export, import and backup services, and restoring
   */
  public MainViewModel(UiServices services, DataFolder data, BackgroundTasks tasks, Chime chime,
      UiPreferences preferences) {
    this.services = services;
    this.data = data;
    this.tasks = tasks;
    this.preferences = preferences;
    this.dataDir = data.dir();
    this.dark.set(preferences.dark());
    this.workout = new WorkoutViewModel(services, tasks, chime, profile, this);
    this.plans = Lazy.of(() -> new PlansViewModel(services, tasks, profile, this));
    this.history = Lazy.of(() -> new HistoryViewModel(services, tasks, profile, this));
    this.detail = Lazy.of(() -> new SessionDetailViewModel(services, tasks, profile, this, this::draftPlan));
    this.activity = Lazy.of(() -> new ActivityViewModel(services, tasks, profile));
    this.export = Lazy.of(() -> new ExportViewModel(data.context().exports(), tasks, profile, services.clock()));
    this.importer = Lazy.of(() -> new ImportViewModel(data.context().imports(), tasks, profile,
        services.clock().getZone(), this::dataImported));
    this.backups = Lazy.of(() -> new BackupsViewModel(data, tasks, services.clock().getZone(),
        new BackupsViewModel.SyncHold() {
          @Override
          public void hold() {
            sync.holdForRestore();
          }

          @Override
          public void release() {
            sync.release();
          }
        }));
    this.progress = new ProgressModels(() -> data.context().progress(), tasks, profile, services.clock(), workout);
    this.sync = new SyncViewModel(new SyncCalls(services.sync()), tasks, profile, services.clock(),
        this::changedBySync);
    // A workout completed (or discarded) is worth sending at once.
    workout.modeProperty().addListener((obs, old, now) -> {
      if (old == WorkoutViewModel.Mode.ACTIVE && now != WorkoutViewModel.Mode.ACTIVE) {
        sync.syncInBackground();
      }
    });
    screen.addListener((obs, old, now) -> screenShown(now));
    dark.addListener((obs, old, now) -> remember(preferences().withDark(now)));
  }

  /**
   * Opens the app: makes sure a profile exists (the first run creates one), picks the last one
   * used, and shows the workout if one is in progress, else the plans.
   */
  public void start() {
    UUID remembered = preferences.profileId();
    tasks.write("open your profile", () -> {
      Profile fallback = services.profiles().ensureDefault();
      List<Profile> all = services.profiles().list();
      Profile chosen = all.stream().filter(p -> p.id().equals(remembered)).findFirst().orElse(fallback);
      Optional<Session> inProgress = services.sessions().findInProgress(chosen.id());
      return new Opening(all, chosen, inProgress.isPresent());
    }, opening -> {
      profiles.setAll(opening.profiles());
      switchTo(opening.chosen(), opening.inProgress() ? Screen.WORKOUT : Screen.PLANS);
      ready.set(true);
      sync.syncInBackground();
    }, failure -> error.set(failure.message()));
  }

  private record Opening(List<Profile> profiles, Profile chosen, boolean inProgress) {}

  /**
   * The daily backup, made once when the app starts (after the window shows) unless one was made
   * today. Quiet when it works; a failure is logged and shown in a warning banner with its reason.
   */
  public void backUpDailyIfDue() {
    tasks.wholeFile("make today's backup", () -> data.context().backups().createDailyIfDue(), made -> { },
        failure -> {
          if (!damaged) {
            warning.set("Today's automatic backup failed: " + ErrorText.sentence(failure.message())
                + " Your data is safe; to try again, use File → Backups… → Back up now.");
          }
        });
  }

  /**
   * Checks the database ({@code PRAGMA quick_check}, every page) in the background once the window
   * is up. Quiet when it passes; damage is shown in the warning banner (over any other warning),
   * with the way back: a restore from File → Backups…, which sets the damaged file aside.
   */
  public void checkDatabase() {
    // On the whole-file lane: it reads every page, and closing the app stops it at once.
    tasks.wholeFile("check the database", () -> data.context().backups().checkDatabase(), problem -> problem.ifPresent(
        found -> {
          damaged = true;
          warning.set(ErrorText.sentence(found) + " Restore a backup with File → Backups… (the damaged file is set "
              + "aside in replaced/, never deleted); what you change now may be lost.");
        }), failure -> { });
  }

  /**
   * After an import changed something: the profile list (an import may create one) and every
   * screen show the new data.
   */
  void dataImported(ImportResult result) {
    tasks.read("load the profiles", () -> services.profiles().list(), all -> {
      profiles.setAll(all);
      Profile current = profile.get();
      if (current == null) {
        return;
      }
      if (current.name().equalsIgnoreCase(result.summary().profileName())) {
        // The plan editor keeps what is open in it (with any unsaved changes); the list reloads.
        if (workout.modeProperty().get() != WorkoutViewModel.Mode.ACTIVE) {
          workout.refresh();
        }
        progress.insights().reload();
        screenShown(screen.get());
      }
    }, failure -> error.set(failure.message()));
  }

  /**
   * After a sync applied the server's changes here, or a conflict was settled: every screen shows
   * the new data (a workout being logged and a plan being edited keep what they show).
   */
  void changedBySync() {
    if (profile.get() == null) {
      return;
    }
    if (workout.modeProperty().get() != WorkoutViewModel.Mode.ACTIVE) {
      workout.refresh();
    }
    progress.insights().reload();
    screenShown(screen.get());
  }

  /** Switches to the profile named {@code name} (after importing into it), once the list knows it. */
  public void switchToProfileNamed(String name) {
    tasks.read("load the profiles", () -> services.profiles().list(), all -> {
      profiles.setAll(all);
      all.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst().ifPresent(this::switchTo);
    }, failure -> error.set(failure.message()));
  }

  /** Remembers the folder of a file just exported, imported or restored, for the next file dialog. */
  public void rememberFolder(Path folder) {
    if (folder != null && !folder.equals(preferences.fileFolder())) {
      remember(preferences.withFileFolder(folder));
    }
  }

  /** Makes {@code chosen} the current profile and reloads every screen for it. */
  public void switchTo(Profile chosen) {
    switchTo(chosen, Screen.WORKOUT);
  }

  private void switchTo(Profile chosen, Screen first) {
    if (chosen == null) {
      return;
    }
    profile.set(chosen);
    remember(preferences().withProfile(chosen.id()));
    // A screen not built yet starts afresh for the new profile when it is first shown.
    history.ifBuilt(HistoryViewModel::resetFilters);
    detail.ifBuilt(SessionDetailViewModel::clear);
    showingDetail.set(false);
    plans.ifBuilt(p -> p.editor().close());
    workout.refresh();
    if (screen.get() == first) {
      screenShown(first);
    } else {
      screen.set(first);
    }
  }

  /** Creates a profile and switches to it; {@code onFailure} gets a short message. */
  public void addProfile(String name, Unit unit, Runnable onSuccess, Consumer<String> onFailure) {
    tasks.write("create the profile", () -> {
      Profile created = services.profiles().create(name, unit);
      return new Created(created, services.profiles().list());
    }, created -> {
      profiles.setAll(created.all());
      switchTo(created.profile());
      onSuccess.run();
    }, failure -> onFailure.accept(failure.message()));
  }

  private record Created(Profile profile, List<Profile> all) {}

  /** Renames the current profile and sets its unit (for new plans). */
  public void updateProfile(String name, Unit unit, Runnable onSuccess, Consumer<String> onFailure) {
    Profile current = profile.get();
    tasks.write("change the profile", () -> {
      Profile updated = services.profiles().update(current.id(), name, unit);
      return new Created(updated, services.profiles().list());
    }, updated -> {
      profiles.setAll(updated.all());
      profile.set(updated.profile());
      onSuccess.run();
    }, failure -> onFailure.accept(failure.message()));
  }

  /** What deleting the current profile would remove, read for the confirmation; {@code then} runs on the FX thread. */
  public void profileContents(Consumer<ProfileContents> then, Consumer<String> onFailure) {
    Profile current = profile.get();
    if (current == null) {
      return;
    }
    tasks.read("read the profile", () -> services.profiles().contents(current.id()), then,
        failure -> onFailure.accept(failure.message()));
  }

  /**
   * Deletes the current profile after a backup (after every save asked for before), then opens
   * another one. {@code workoutConfirmed}: the person agreed that its workout in progress goes too.
   * {@code onSuccess} gets a sentence saying what went and where the backup is.
   */
  public void deleteProfile(boolean workoutConfirmed, Consumer<String> onSuccess, Consumer<String> onFailure) {
    Profile current = profile.get();
    if (current == null) {
      return;
    }
    tasks.write("delete the profile", () -> {
      ProfileDeleted deleted = services.profiles().delete(current.id(), workoutConfirmed);
      return new Deleted(deleted, services.profiles().list());
    }, done -> {
      profiles.setAll(done.all());
      if (current.equals(profile.get()) && !done.all().isEmpty()) {
        switchTo(done.all().get(0), Screen.PLANS);
      }
      String sentence = "Deleted profile " + current.name() + ". The backup made before is "
          + done.deleted().backup().getFileName() + " (File → Backups… restores it).";
      notice.set(sentence);
      onSuccess.accept(sentence);
    }, failure -> onFailure.accept(failure.message()));
  }

  private record Deleted(ProfileDeleted deleted, List<Profile> all) {}


  /** Reads the current profile's rest after a warm-up set, in seconds, for the dialog. */
  public void loadWarmupRest(Consumer<Integer> shown, Consumer<String> failed) {
    Profile current = profile.get();
    tasks.read("read the rest after warm-ups", () -> services.rests().warmupRest(current.id()), shown,
        failure -> failed.accept(failure.message()));
  }

  /** Sets the current profile's rest after a warm-up set; the workout uses it from the next set on. */
  public void changeWarmupRest(int seconds, Runnable onSuccess, Consumer<String> onFailure) {
    Profile current = profile.get();
    tasks.write("change the rest after warm-ups", () -> services.rests().setWarmupRest(current.id(), seconds), saved -> {
      if (current.equals(profile.get())) {
        workout.warmupRestChanged(saved);
      }
      onSuccess.run();
    }, failure -> onFailure.accept(failure.message()));
  }

  private void screenShown(Screen now) {
    if (profile.get() == null) {
      return;
    }
    switch (now) {
      case WORKOUT -> {
        if (workout.modeProperty().get() == WorkoutViewModel.Mode.START) {
          workout.refresh();
        }
      }
      case PLANS -> plans().refresh();
      case HISTORY -> {
        if (!showingDetail.get()) {
          history().refresh();
        }
      }
      case PROGRESS -> progress.screen().refresh();
      case ACTIVITY -> activity().refresh();
    }
    progress.refreshShared();
  }

  // ---- Navigator ----

  @Override
  public void show(Screen target) {
    // Ctrl+3 on a session goes back to the list, but never drops a correction being written.
    if (target == Screen.HISTORY && screen.get() == Screen.HISTORY && showingDetail.get()
        && !detail.get().amend().openProperty().get()) {
      closeDetail();
    }
    screen.set(target);
  }

  @Override
  public void startFrom(UUID planId) {
    if (workout.modeProperty().get() == WorkoutViewModel.Mode.ACTIVE) {
      // One workout at a time: the window says one is in progress and offers to open it.
      workoutInProgress.set(true);
      return;
    }
    workout.prepareStart(planId);
    screen.set(Screen.WORKOUT);
  }

  @Override
  public boolean offerWorkoutInProgress() {
    if (workout.modeProperty().get() != WorkoutViewModel.Mode.ACTIVE) {
      return false;
    }
    workoutInProgress.set(true);
    return true;
  }

  @Override
  public void resumeWorkout() {
    workout.resume();
    screen.set(Screen.WORKOUT);
  }

  @Override
  public void openSession(UUID sessionId, boolean inProgress) {
    if (inProgress) {
      resumeWorkout();
      return;
    }
    detail().load(sessionId);
    showingDetail.set(true);
    screen.set(Screen.HISTORY);
  }

  /**
   * "Save as plan" from a session: a new, unsaved plan in the plan editor, on the Plans screen.
   * False (nothing happens) while the editor holds unsaved changes of another plan.
   */
  private boolean draftPlan(String name, dev.setwise.domain.SessionStructure structure) {
    if (plans.get().editor().openProperty().get() && plans.get().editor().dirtyProperty().get()) {
      return false;
    }
    plans.get().newPlanFrom(name, structure, detail.get().draftNote());
    screen.set(Screen.PLANS);
    return true;
  }

  /** Back from a session to the history list. */
  public void closeDetail() {
    showingDetail.set(false);
    detail().clear();
    history().refresh();
  }

  // ---- closing ----

  /**
   * The window was asked to close. Every save asked for so far is finished first (a workout save
   * that failed is tried once more); then {@code close} runs, or, when something would be lost (a
   * workout change that could not be saved, a plan with unsaved edits), {@code ask} gets a
   * sentence saying what, and the window decides. {@link #closingProperty()} is true meanwhile.
   * Both callbacks run on the FX thread.
   */
  public void finishBeforeClosing(Runnable close, Consumer<String> ask) {
    if (closing.get()) {
      return;
    }
    closing.set(true);
    // A sync under way stops between two requests; what it did is recorded, the rest waits.
    sync.cancel();
    workout.retryFailedSave();
    tasks.afterWrites(() -> {
      closing.set(false);
      String lost = wouldBeLost();
      if (lost == null) {
        close.run();
      } else {
        ask.accept(lost);
      }
    });
  }

  /** What closing now would lose, in a sentence; null when everything is on disk. */
  String wouldBeLost() {
    String workoutChange = workout.unsavedChange();
    if (workoutChange != null) {
      return "Your last change to the workout is not saved: " + ErrorText.sentence(workoutChange);
    }
    if (plans.isBuilt() && plans.get().editor().openProperty().get() && plans.get().editor().dirtyProperty().get()) {
      return "The plan you are editing has changes that are not saved.";
    }
    if (detail.isBuilt() && detail.get().amend().openProperty().get() && detail.get().amend().dirtyProperty().get()) {
      return "The correction of a session you are writing is not saved.";
    }
    return null;
  }

  /**
   * Set when a start was asked for while a workout is in progress: the window says so, offers to
   * open it, and sets this back to false.
   */
  public BooleanProperty workoutInProgressProperty() {
    return workoutInProgress;
  }

  /** True while the window waits for its last saves before it closes. */
  public BooleanProperty closingProperty() {
    return closing;
  }

  // ---- preferences ----

  public UiPreferences preferences() {
    return preferences;
  }

  /** Keeps {@code updated} and writes it to the data folder on the writer lane. */
  public void remember(UiPreferences updated) {
    preferences = updated;
    UiPreferences snapshot = updated;
    tasks.write("remember the window settings", () -> {
      snapshot.save(dataDir);
      return snapshot;
    }, saved -> { }, failure -> { });
  }

  // ---- properties ----

  public ObservableList<Profile> profiles() {
    return profiles;
  }

  public ReadOnlyObjectProperty<Profile> profileProperty() {
    return profile;
  }

  public ObjectProperty<Screen> screenProperty() {
    return screen;
  }

  public BooleanProperty darkProperty() {
    return dark;
  }

  public BooleanProperty readyProperty() {
    return ready;
  }

  public BooleanProperty showingDetailProperty() {
    return showingDetail;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** Something the person should know that is not a failed action (a failed daily backup). */
  public StringProperty warningProperty() {
    return warning;
  }

  /** A passing note (an export or import cancelled). */
  public StringProperty noticeProperty() {
    return notice;
  }

  public ExportViewModel export() {
    return export.get();
  }

  public ImportViewModel importer() {
    return importer.get();
  }

  public BackupsViewModel backups() {
    return backups.get();
  }

  public DataFolder data() {
    return data;
  }

  public WorkoutViewModel workout() {
    return workout;
  }

  public PlansViewModel plans() {
    return plans.get();
  }

  public HistoryViewModel history() {
    return history.get();
  }

  public SessionDetailViewModel detail() {
    return detail.get();
  }

  public ActivityViewModel activity() {
    return activity.get();
  }

  /** The progress side: the Progress screen, the workout's last time and badges, exercise histories. */
  public ProgressModels progress() {
    return progress;
  }

  public BackgroundTasks tasks() {
    return tasks;
  }

  /** Sync for the current profile: the indicator, background syncs, Sync now. */
  public SyncViewModel sync() {
    return sync;
  }


  public UiServices services() {
    return services;
  }
}
