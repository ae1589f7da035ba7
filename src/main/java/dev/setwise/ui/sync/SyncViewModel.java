package dev.setwise.ui.sync;

import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.sync.SyncStatus;
import dev.setwise.sync.SyncException;
import dev.setwise.sync.SyncReport;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.BackgroundTasks.Failure;
import dev.setwise.ui.common.ErrorText;
import dev.setwise.ui.common.ProgressRelay;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;

/**
 * Sync as the main window sees it, for the current profile: the indicator in the header, syncs in
 * the background (at start, after a completed workout, every few minutes: the current profile, then
 * every other profile that syncs) and on request, with progress and Cancel. A sync runs on the sync
 * lane of {@link BackgroundTasks}, never two at once: one asked for while another runs is run once
 * more after it. The status is read on a reader after
 * every sync and every local write, coalesced (one read in flight, one more if something changed
 * meanwhile). Being offline is a normal outcome: it shows in the indicator, never as an error.
 * Methods are called on the FX thread (at once in tests).
 */
public final class SyncViewModel {

  private final SyncCalls sync;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Clock clock;
  private final Runnable changesReceived;

  private final ObjectProperty<SyncStatus> status = new SimpleObjectProperty<>(this, "status");
  private final ObjectProperty<SyncIndicator> indicator =
      new SimpleObjectProperty<>(this, "indicator", SyncIndicator.UNKNOWN);
  private final SimpleBooleanProperty syncing = new SimpleBooleanProperty(this, "syncing");
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
  private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
  private final StringProperty outcome = new SimpleStringProperty(this, "outcome", "");

  private boolean reading;
  private boolean readAgain;
  /** The profile of the sync under way (null when none runs), its cancellation, and whether one more is due. */
  private UUID syncingProfile;
  private Cancellation cancellation = Cancellation.none();
  private boolean syncAgain;
  /** Whether the sync due after the one under way is a background round of every profile. */
  private boolean againEveryProfile;
  /** The other profiles still to sync in this background round, in order (synced one at a time). */
  private final Deque<UUID> round = new ArrayDeque<>();
  private String note;
  private boolean disposed;
  /** True while a restore waits for the database: no sync starts. */
  private boolean held;

  /**
   * @param changesReceived runs on the FX thread after a sync applied changes from the server here,
   *     so the screens show them
   */
  public SyncViewModel(SyncCalls sync, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile, Clock clock,
      Runnable changesReceived) {
    this.sync = sync;
    this.tasks = tasks;
    this.profile = profile;
    this.clock = clock;
    this.changesReceived = changesReceived;
    profile.addListener((obs, old, now) -> {
      status.set(null);
      note = null;
      outcome.set("");
      show();
      refresh();
    });
    tasks.writesDoneProperty().addListener(afterWrite);
  }

  /** Every local write may have queued a change: read the status again. */
  private final ChangeListener<Number> afterWrite = (obs, old, now) -> refresh();

  /**
   * When the window closes, or before it is rebuilt on another database (after a restore): stops
   * the sync under way, and reads and syncs from now on. The tasks outlive this model.
   */
  public void dispose() {
    disposed = true;
    tasks.writesDoneProperty().removeListener(afterWrite);
    cancel();
  }

  SyncCalls calls() {
    return sync;
  }

  /** The caller check of every sync call (the app refuses the FX thread; tests record it). */
  public void setCallerCheck(Runnable check) {
    sync.setCallerCheck(check);
  }

  BackgroundTasks tasks() {
    return tasks;
  }

  ReadOnlyObjectProperty<Profile> profile() {
    return profile;
  }

  Clock clock() {
    return clock;
  }

  /** Reads the current profile's sync status on a reader; at most one read at a time, one more when asked meanwhile. */
  public void refresh() {
    Profile owner = profile.get();
    if (owner == null || disposed) {
      return;
    }
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    readAgain = false;
    tasks.read("read the sync status", () -> sync.status(owner.id()), read -> {
      reading = false;
      if (owner.equals(profile.get())) {
        status.set(read);
        show();
      }
      if (readAgain) {
        refresh();
      }
    }, failure -> {
      reading = false;
      if (readAgain) {
        refresh();
      }
    });
  }

  /**
   * Syncs in the background (at start, after a completed workout, on the timer): the current profile
   * first, then every other profile that has sync set up, each with its own server, token and
   * cursor, one after the other on the sync lane; a profile with sync off is skipped. Never shows an
   * error; the indicator and the outcome speak of the current profile only.
   */
  public void syncInBackground() {
    start(true);
  }

  /** Sync now, as asked for in the settings: the current profile, with its progress shown there. */
  public void syncNow() {
    start(false);
  }

  /** Asks the sync under way to stop between two requests; what it did stays done. The round ends too. */
  public void cancel() {
    round.clear();
    if (syncingProfile != null) {
      cancellation.cancel();
      syncAgain = false;
      progressText.set("Cancelling…");
    }
  }

  /**
   * Before a restore replaces the database: cancels the sync under way (nothing is lost, sync
   * resumes where it stopped) and starts none until {@link #release()}, so the restore never waits
   * behind the network.
   */
  public void holdForRestore() {
    held = true;
    cancel();
  }

  /** After a restore (done or not): syncs may start again. */
  public void release() {
    held = false;
  }

  /** True while a sync runs (of any profile). */
  public boolean running() {
    return syncingProfile != null;
  }

  private void start(boolean everyProfile) {
    Profile owner = profile.get();
    if (owner == null || disposed || held) {
      return;
    }
    if (syncingProfile != null) {
      // Never two at once: this one runs once more when the one under way ends.
      syncAgain = true;
      againEveryProfile |= everyProfile;
      return;
    }
    round.clear();
    UUID id = owner.id();
    Cancellation cancel = new Cancellation();
    cancellation = cancel;
    syncingProfile = id;
    syncAgain = false;
    progress.set(-1);
    progressText.set("Starting…");
    outcome.set("");
    syncing.set(true);
    show();
    ProgressRelay relay = new ProgressRelay(tasks, step -> {
      if (cancel == cancellation && !cancel.isCancelled()) {
        progress.set(step.fraction());
        progressText.set(step.total() > 0
            ? String.format(Locale.ROOT, "%s: %,d of %,d", step.step(), step.done(), step.total())
            : step.done() > 0 ? String.format(Locale.ROOT, "%s: %,d", step.step(), step.done()) : step.step() + "…");
        show();
      }
    });
    tasks.sync("sync with the server", () -> {
      // Off for this profile: nothing to do (a background sync asks without knowing).
      SyncReport report = null;
      SyncException refused = null;
      try {
        report = sync.status(id).enabled() ? sync.syncNow(id, relay, cancel) : null;
      } catch (SyncException e) {
        // refused, busy, another server's failure: the other profiles (other servers) still sync
        refused = e;
      }
      // A background round goes on to the other profiles that sync, read here on the lane.
      List<UUID> others = everyProfile
          ? sync.profilesThatSync().stream().filter(other -> !other.equals(id)).toList() : List.of();
      return new Synced(report, refused, others);
    }, synced -> {
      round.clear();
      round.addAll(synced.others());
      finished(id, synced.report(), synced.refused() == null ? null
          : Failure.of("sync with the server", synced.refused()));
    }, failure -> finished(id, null, failure));
  }

  /** What the current profile's sync came to, and the other profiles that sync (a background round). */
  private record Synced(SyncReport report, SyncException refused, List<UUID> others) {}

  /** Syncs the next profile of the round, if any and no other sync runs. */
  private void next() {
    if (syncingProfile != null || disposed || held) {
      return;
    }
    UUID id = round.poll();
    if (id == null) {
      return;
    }
    Cancellation cancel = new Cancellation();
    cancellation = cancel;
    syncingProfile = id;
    show();
    tasks.sync("sync another profile with its server", () -> {
      if (!sync.status(id).enabled()) {
        return null;
      }
      return sync.syncNow(id, dev.setwise.service.Progress.NONE, cancel);
    }, report -> otherFinished(id, cancel, null), failure -> otherFinished(id, cancel, failure));
  }

  /** Another profile's sync ended: its outcome is its own (the indicator shows the current profile). */
  private void otherFinished(UUID id, Cancellation cancel, Failure failure) {
    syncingProfile = null;
    if (failure != null) {
      BackgroundTasks.log(failure);
    }
    if (cancel.isCancelled()) {
      round.clear();
      progressText.set("");
    }
    Profile owner = profile.get();
    if (owner != null && owner.id().equals(id)) {
      // the profile was switched to this one meanwhile: what it shows is now this sync's
      refresh();
    }
    show();
    startAgainOrNext();
  }

  private void finished(UUID id, SyncReport report, Failure failure) {
    syncingProfile = null;
    syncing.set(false);
    progress.set(report == null ? 0 : 1);
    note = null;
    if (report != null) {
      outcome.set(describe(report));
      if (report.pulled() > 0) {
        changesReceived.run();
      }
    } else if (failure != null) {
      outcome.set(describe(failure));
      if (failure.cause() instanceof SyncException busy && busy.kind() == SyncException.Kind.BUSY) {
        note = "Another sync of this profile was running (the command line?); this one waits for the next.";
      }
    }
    progressText.set("");
    refresh();
    show();
    startAgainOrNext();
  }

  /** After a sync: the one asked for meanwhile starts now, else the round goes on to the next profile. */
  private void startAgainOrNext() {
    if (syncAgain) {
      syncAgain = false;
      boolean every = againEveryProfile;
      againEveryProfile = false;
      start(every);
    } else {
      next();
    }
  }

  /** The outcome of a sync in a sentence, for the settings dialog. */
  static String describe(SyncReport report) {
    String counts = "Sent " + report.pushed() + (report.pushed() == 1 ? " change" : " changes") + ", received "
        + report.pulled() + (report.pulled() == 1 ? " change" : " changes") + ".";
    if (report.offline()) {
      return "Offline: the server cannot be reached now. " + counts + " The rest waits for the next sync.";
    }
    if (report.failure().isPresent()) {
      return ErrorText.sentence(report.failure().get().getMessage()) + " " + counts + " Nothing was lost.";
    }
    if (!report.conflicts().isEmpty()) {
      int n = report.conflicts().size();
      return counts + " " + (n == 1 ? "1 conflict waits" : n + " conflicts wait") + " for your choice.";
    }
    if (!report.problems().isEmpty()) {
      return counts + " " + ErrorText.sentence(report.problems().get(0));
    }
    return report.inSync() ? "In sync. " + counts : counts + " " + SyncIndicator.changes(report.waiting()) + ".";
  }

  private static String describe(Failure failure) {
    if (failure.cause() instanceof CancellationException) {
      return "Sync cancelled. Nothing was lost: what was sent stays sent, the rest waits for the next sync.";
    }
    return ErrorText.sentence(failure.message());
  }

  private void show() {
    Profile owner = profile.get();
    boolean mine = owner != null && owner.id().equals(syncingProfile);
    indicator.set(SyncIndicator.of(status.get(), mine, progressText.get(), note, clock.instant(), clock.getZone()));
  }

  // ---- properties ----

  /** The last status read of the current profile (null before the first). */
  public ReadOnlyObjectProperty<SyncStatus> statusProperty() {
    return status;
  }

  public ReadOnlyObjectProperty<SyncIndicator> indicatorProperty() {
    return indicator;
  }

  public ReadOnlyBooleanProperty syncingProperty() {
    return syncing;
  }

  /** From 0 to 1, or -1 while the amount is not known. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  /** How the last sync started here ended, in a sentence (empty before the first). */
  public StringProperty outcomeProperty() {
    return outcome;
  }
}
