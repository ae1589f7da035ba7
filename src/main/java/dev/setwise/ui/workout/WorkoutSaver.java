package dev.setwise.ui.workout;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.BackgroundTasks.Failure;
import dev.setwise.ui.common.FieldNames;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.UiServices;
import java.util.UUID;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * How the workout on screen stands with the disk: it hands each valid state to an
 * {@link AutoSaver}, says "Saving…", "Saved at 18:42:07" or why not, and notices when a save was
 * refused because the session was changed elsewhere. FX thread only.
 */
public final class WorkoutSaver {

  /** How the last edit stands with the disk. */
  public enum SaveState {
    SAVED,
    SAVING,
    INVALID,
    FAILED
  }

  private static final String NOT_SAVED = "Not saved: ";

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ObjectProperty<SaveState> saveState = new SimpleObjectProperty<>(this, "saveState", SaveState.SAVED);
  private final StringProperty saveMessage = new SimpleStringProperty(this, "saveMessage", "");
  private final BooleanProperty changedElsewhere = new SimpleBooleanProperty(this, "changedElsewhere");
  private AutoSaver saver;
  private Predicate<Session> accept = saved -> false;

  WorkoutSaver(UiServices services, BackgroundTasks tasks) {
    this.services = services;
    this.tasks = tasks;
  }

  /**
   * Saves {@code loaded} of {@code owner} from now on. The owner is fixed here: saves still queued
   * after a profile switch belong to this session's owner. {@code accept} takes each saved session
   * and says whether it is still the one on screen.
   */
  void begin(UUID owner, Session loaded, Predicate<Session> accept) {
    this.accept = accept;
    saver = new AutoSaver(tasks, loaded, (basis, next) -> write(owner, basis, next), this::saved, this::saveFailed);
    changedElsewhere.set(false);
    saveState.set(SaveState.SAVED);
    saveMessage.set("All changes saved");
  }

  /** Stops saving (no session on screen). */
  void end() {
    saver = null;
  }

  boolean saving() {
    return saver != null;
  }

  /** The state on screen has a problem: nothing is saved until it is fixed. */
  void invalid(Problem first) {
    saveState.set(SaveState.INVALID);
    saveMessage.set(NOT_SAVED + FieldNames.describe(first));
  }

  /** Saves {@code structure} as soon as the writer is free. */
  void submit(SessionStructure structure) {
    saveState.set(SaveState.SAVING);
    saveMessage.set("Saving…");
    saver.submit(structure);
  }

  /** Forgets what is not saved yet: the session is being completed with it, or discarded. */
  void cancel() {
    saver.cancel();
  }

  /**
   * The saves of the session on screen, for a completion or a discard: read its {@code basis()}
   * on the writer lane, after the saves queued before, to name the version they were made from.
   */
  AutoSaver saves() {
    return saver;
  }

  private void saved(Session saved) {
    if (!accept.test(saved)) {
      return;
    }
    if (saver != null && !saver.hasPending() && saveState.get() == SaveState.SAVING) {
      saveState.set(SaveState.SAVED);
      saveMessage.set("Saved at " + Formats.timeWithSeconds(saved.updatedAt(), services.clock().getZone()));
    }
  }

  /**
   * The one place the workout screen writes an edit: {@code next} over {@code basis}, the session
   * as the screen last loaded or saved it. The save names {@code basis.version()}, so a change
   * made elsewhere meanwhile (the REST API, sync) refuses it and shows as "Changed elsewhere"
   * through {@link ChangedElsewhere} instead of being overwritten.
   */
  private Session write(UUID owner, Session basis, SessionStructure next) {
    return services.sessions().update(owner, basis.id(), next, basis.version());
  }

  private void saveFailed(Failure failure) {
    saveState.set(SaveState.FAILED);
    saveMessage.set(NOT_SAVED + failure.message());
    noticeRefusal(failure);
  }

  /** Shows "Changed elsewhere" when {@code failure} (of a save, Complete or Discard) says so. */
  void noticeRefusal(Failure failure) {
    if (ChangedElsewhere.refused(failure.cause())) {
      changedElsewhere.set(true);
    }
  }

  /** Before showing the workout as it is on disk: forgets the refusal and the unsaved change. */
  void forget() {
    changedElsewhere.set(false);
    saveState.set(SaveState.SAVED);
    saveMessage.set("");
  }

  /** Tries the last unsaved change again. */
  public void retry() {
    if (saver != null && saver.hasPending()) {
      saveState.set(SaveState.SAVING);
      saveMessage.set("Saving…");
      saver.retry();
    }
  }

  /** Tries a failed save once more (the window is closing); does nothing otherwise. */
  void retryFailed() {
    if (saveState.get() == SaveState.FAILED) {
      retry();
    }
  }

  /**
   * Why the screen holds a change that is not on disk (a field with a problem, a save that
   * failed), or null when everything shown is saved. Ask after the writes finished.
   */
  String unsavedChange() {
    if (saver == null) {
      return null;
    }
    if (saveState.get() == SaveState.INVALID || saveState.get() == SaveState.FAILED) {
      String message = saveMessage.get();
      return message.startsWith(NOT_SAVED) ? message.substring(NOT_SAVED.length()) : message;
    }
    return null;
  }

  public ObjectProperty<SaveState> saveStateProperty() {
    return saveState;
  }

  public StringProperty saveMessageProperty() {
    return saveMessage;
  }

  /**
   * True when the last save (or Complete, or Discard) was refused because the session was changed
   * elsewhere: the screen shows "Changed elsewhere: reload" with Reload.
   */
  public BooleanProperty changedElsewhereProperty() {
    return changedElsewhere;
  }
}
