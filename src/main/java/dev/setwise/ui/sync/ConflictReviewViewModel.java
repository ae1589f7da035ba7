package dev.setwise.ui.sync;

import dev.setwise.domain.Profile;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.SyncConflict;
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
 * The conflict review: the current profile's open conflicts, and for the one chosen both versions
 * side by side ({@link ConflictSides}) with Keep mine / Keep theirs. Settling goes through the sync
 * client (a backup first, then this device holds the version kept; the next sync tells the
 * server), on the sync lane after stopping a sync under way; what the client refuses (a completed
 * workout never changes) is shown as it says it. A sync starts in the background afterwards.
 */
public final class ConflictReviewViewModel {

  private final SyncViewModel main;
  private final Runnable changedHere;
  private final ObservableList<SyncConflict> conflicts = FXCollections.observableArrayList();
  private final ObjectProperty<SyncConflict> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObservableList<ConflictSides.Row> rows = FXCollections.observableArrayList();
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final BooleanProperty failed = new SimpleBooleanProperty(this, "failed");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");

  /** @param changedHere runs on the FX thread after a conflict was settled here, so the screens reload */
  public ConflictReviewViewModel(SyncViewModel main, Runnable changedHere) {
    this.main = main;
    this.changedHere = changedHere;
    selected.addListener((obs, old, now) -> rows.setAll(now == null ? List.of()
        : ConflictSides.of(now.local(), now.remote(), main.clock().getZone())));
  }

  /** Reads the open conflicts; keeps the one chosen when it is still open, else picks the first. */
  public void load() {
    Profile owner = main.profile().get();
    if (owner == null) {
      return;
    }
    main.tasks().read("read the sync conflicts", () -> main.calls().conflicts(owner.id()), open -> {
      SyncConflict before = selected.get();
      conflicts.setAll(open);
      SyncConflict again = before == null ? null
          : open.stream().filter(c -> c.id() == before.id()).findFirst().orElse(null);
      selected.set(again != null ? again : open.isEmpty() ? null : open.get(0));
      loaded.set(true);
    }, failure -> say(true, failure.message()));
  }

  /** Keep mine: this device's version wins. */
  public void keepMine() {
    keep(Keep.LOCAL);
  }

  /** Keep theirs: the server's version wins. */
  public void keepTheirs() {
    keep(Keep.REMOTE);
  }

  private void keep(Keep keep) {
    SyncConflict conflict = selected.get();
    if (conflict == null || busy.get()) {
      return;
    }
    busy.set(true);
    say(false, "Keeping " + (keep == Keep.LOCAL ? "this device's" : "the server's") + " version…");
    main.cancel();
    main.tasks().sync("settle the conflict", () -> main.calls().resolve(conflict.id(), keep), settled -> {
      busy.set(false);
      say(false, "Kept " + (keep == Keep.LOCAL ? "this device's" : "the server's") + " version of "
          + title(conflict) + (keep == Keep.LOCAL ? "; the next sync sends it to the server." : "."));
      changedHere.run();
      load();
      main.refresh();
      main.syncInBackground();
    }, failure -> {
      busy.set(false);
      say(true, failure.message());
    });
  }

  private static String title(SyncConflict conflict) {
    if (conflict.local() != null) {
      return conflict.local().title();
    }
    return conflict.remote() != null ? conflict.remote().title() : conflict.entityType().code();
  }

  private void say(boolean bad, String text) {
    failed.set(bad);
    message.set(text);
  }

  // ---- properties ----

  public ObservableList<SyncConflict> conflicts() {
    return conflicts;
  }

  public ObjectProperty<SyncConflict> selectedProperty() {
    return selected;
  }

  /** Both versions of the conflict chosen, line by line. */
  public ObservableList<ConflictSides.Row> rows() {
    return rows;
  }

  /** What the last choice did, or why it was refused. */
  public StringProperty messageProperty() {
    return message;
  }

  /** True when {@link #messageProperty()} says why something was refused. */
  public BooleanProperty failedProperty() {
    return failed;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public BooleanProperty loadedProperty() {
    return loaded;
  }
}
