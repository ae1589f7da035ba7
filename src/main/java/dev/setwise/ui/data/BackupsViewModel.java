package dev.setwise.ui.data;

import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.backup.RestoreResult;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.ErrorText;
import dev.setwise.ui.common.Formats;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Backups…: the backups in the data folder (newest first), "Back up now", and restoring a
 * backup or a file from disk. A restore runs with nothing else touching the database: the app's
 * context is closed, the backup restored (the current database backed up and set aside, never
 * deleted) and the folder opened again; the window is then rebuilt on the new context. When the
 * restore fails, the old database is open again and the message says so.
 */
public final class BackupsViewModel {

  /** The question to ask before a restore. */
  public record Question(String title, String text) {}

  private final DataFolder folder;
  private final BackgroundTasks tasks;
  private final ZoneId zone;

  private final ObservableList<BackupInfo> backups = FXCollections.observableArrayList();
  private final ObjectProperty<BackupInfo> selected = new SimpleObjectProperty<>(this, "selected");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty restoring = new SimpleBooleanProperty(this, "restoring");
  private final StringProperty status = new SimpleStringProperty(this, "status");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");

  public BackupsViewModel(DataFolder folder, BackgroundTasks tasks, ZoneId zone) {
    this(folder, tasks, zone, SyncHold.NONE);
  }

  /**
   * @param sync stops the background sync before a restore (which would otherwise wait behind it
   *     until its requests end) and lets it start again after
   */
  public BackupsViewModel(DataFolder folder, BackgroundTasks tasks, ZoneId zone, SyncHold sync) {
    this.folder = folder;
    this.tasks = tasks;
    this.zone = zone;
    this.sync = sync;
  }

  /** What a restore asks of the background sync: to stop and stay stopped, then to go on. */
  public interface SyncHold {
    SyncHold NONE = new SyncHold() {
      @Override
      public void hold() {}

      @Override
      public void release() {}
    };

    /** Cancels the sync under way (it loses nothing and resumes later) and starts none meanwhile. */
    void hold();

    void release();
  }

  private final SyncHold sync;

  /** Lists the backups again, keeping the selection when it is still there. */
  public void refresh() {
    tasks.read("list the backups", () -> folder.backups().list(), this::show,
        failure -> error.set(failure.message()));
  }

  private void show(List<BackupInfo> list) {
    Path keep = selected.get() == null ? null : selected.get().file();
    backups.setAll(list);
    selected.set(list.stream().filter(b -> b.file().equals(keep)).findFirst()
        .orElse(list.isEmpty() ? null : list.get(0)));
    loaded.set(true);
  }

  /** Makes a manual backup (kept until you delete it) and selects it. */
  public void backUpNow() {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    status.set("Making a backup…");
    error.set(null);
    tasks.wholeFile("make a backup", () -> {
      BackupService service = folder.backups();
      BackupInfo made = service.create(BackupReason.MANUAL);
      return new Made(made, service.list());
    }, made -> {
      busy.set(false);
      backups.setAll(made.all());
      selected.set(made.all().stream().filter(b -> b.file().equals(made.backup().file())).findFirst().orElse(null));
      status.set("Backup made: " + made.backup().name() + " (" + Formats.size(made.backup().sizeBytes()) + ").");
    }, failure -> {
      busy.set(false);
      status.set(null);
      error.set(failure.message());
    });
  }

  private record Made(BackupInfo backup, List<BackupInfo> all) {}

  /** The confirmation for restoring {@code backup}. */
  public Question question(BackupInfo backup) {
    return new Question("Restore the backup of " + Formats.dateTime(backup.createdAt(), zone) + "?",
        "Setwise replaces all its data (every profile, plan and session) with this backup ("
            + describe(backup.reason()).toLowerCase(java.util.Locale.ROOT) + ", " + Formats.size(backup.sizeBytes())
            + ").\n\n" + setAsideNote());
  }

  /** The confirmation for restoring a file chosen from disk. */
  public Question question(Path file) {
    return new Question("Restore " + file.getFileName() + "?",
        "Setwise checks the file, then replaces all its data (every profile, plan and session) with it.\n\n"
            + setAsideNote());
  }

  private String setAsideNote() {
    return "Your current data is not deleted: it is backed up first, then set aside in\n"
        + folder.dir().resolve(BackupService.SET_ASIDE_FOLDER) + "\n"
        + "Anything logged since the backup is kept there, not in the restored data.";
  }

  /** Restores {@code file} (a backup in the list or any file); the window is rebuilt when done. */
  public void restore(Path file) {
    if (busy.get()) {
      return;
    }
    busy.set(true);
    restoring.set(true);
    error.set(null);
    status.set("Restoring " + file.getFileName() + "…");
    // A sync holds the database shared for as long as it runs (minutes on a slow network): stopped
    // first, so the restore waits for no request. Sync is resumable; it goes on after.
    sync.hold();
    tasks.exclusive("restore the backup", () -> folder.restore(file), swap -> {
      sync.release();
      folder.adopt(swap);
      busy.set(false);
      restoring.set(false);
      if (swap.failure() != null) {
        status.set(null);
        error.set(ErrorText.sentence(ErrorText.of("restore the backup", swap.failure()))
            + " You are still working on your data as it was before.");
      } else {
        status.set(restoredMessage(swap.result()));
      }
      refresh();
    }, failure -> {
      sync.release();
      busy.set(false);
      restoring.set(false);
      status.set(null);
      error.set(folder.lost()
          ? "Setwise could not open its data again (" + failure.message() + "). Close Setwise and start it again; "
              + "nothing was deleted, and the data that was replaced is in "
              + folder.dir().resolve(BackupService.SET_ASIDE_FOLDER) + "."
          : failure.message());
    });
  }

  private String restoredMessage(RestoreResult result) {
    String restored = "Restored " + result.restoredFrom().getFileName() + " (" + Counts.of(result.profiles(), "profile")
        + ", " + Counts.of(result.sessions(), "session") + ").";
    return result.setAside() == null ? restored
        : restored + " Your previous data was set aside as " + result.setAside() + ".";
  }

  /** "Daily", "Made by you", "Before an import" …: why a backup was made. */
  public static String describe(BackupReason reason) {
    return switch (reason) {
      case DAILY -> "Daily";
      case MANUAL -> "Made by you";
      case BEFORE_MIGRATION -> "Before a Setwise update";
      case BEFORE_IMPORT -> "Before an import";
      case BEFORE_RESTORE -> "Before a restore";
      case BEFORE_SYNC_RESOLVE -> "Before settling a sync conflict";
      case BEFORE_SYNC -> "Before a sync removed something";
      case BEFORE_PROFILE_DELETE -> "Before a profile was deleted";
    };
  }

  /** Where the backups are and what is kept, in a line. */
  public String folderNote() {
    return "Kept in " + folder.backups().folder() + ". Setwise makes one each day it starts and before every "
        + "import and restore; yours are kept until you delete them.";
  }

  public ObservableList<BackupInfo> backups() {
    return backups;
  }

  public ObjectProperty<BackupInfo> selectedProperty() {
    return selected;
  }

  /** True while a backup or a restore runs. */
  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty restoringProperty() {
    return restoring;
  }

  /** What just happened (a backup made, a restore done); null when there is nothing to say. */
  public StringProperty statusProperty() {
    return status;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** True once the list has been read. */
  public BooleanProperty loadedProperty() {
    return loaded;
  }

  public ZoneId zone() {
    return zone;
  }
}
