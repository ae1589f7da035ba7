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
 * the background (at start, after a completed workout, every few minutes) and on request, with
 * progress and Cancel. A sync runs on the sync lane of {@link BackgroundTasks}, never two at once:
 * one asked for while another runs is run once more after it. The status is read on a reader after
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
  private String note;
  private boolean disposed;

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
   * Syncs the current profile in the background when sync is set up for it (at start, after a
   * completed workout, on the timer); does nothing when it is off. Never shows an error.
   */
  public void syncInBackground() {
    start();
  }

  /** Sync now, as asked for in the settings: the same sync, with its progress shown there. */
  public void syncNow() {
    start();
  }

  /** Asks the sync under way to stop between two requests; what it did stays done. */
  public void cancel() {
    if (syncingProfile != null) {
      cancellation.cancel();
      syncAgain = false;
      progressText.set("Cancelling…");
    }
  }

  /** True while a sync runs (of any profile). */
  public boolean running() {
    return syncingProfile != null;
  }

  private void start() {
    Profile owner = profile.get();
    if (owner == null || disposed) {
      return;
    }
    if (syncingProfile != null) {
      // Never two at once: this one runs once more when the one under way ends.
      syncAgain = true;
      return;
    }
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
      if (!sync.status(id).enabled()) {
        return null;
      }
      return sync.syncNow(id, relay, cancel);
    }, report -> finished(id, report, null), failure -> finished(id, null, failure));
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
    if (syncAgain) {
      syncAgain = false;
      start();
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
