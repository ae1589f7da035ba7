package dev.setwise.ui.history;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.DoneAsTargets;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureStats;
import dev.setwise.ui.amend.AmendViewModel;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.UiServices;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
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
 * One session shown read-only, with its summary line; for a completed one, its versions (the
 * original and each amendment, with reasons and times: any of them a click away) and what can be
 * done with it: Amend… (a correction beside the original), Repeat this workout, Save as plan.
 */
public final class SessionDetailViewModel {

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Navigator navigator;
  private final BiPredicate<String, SessionStructure> draftPlan;
  private final AmendViewModel amend;
  private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session");
  private final ObservableList<SessionAmendment> versions = FXCollections.observableArrayList();
  private final ObjectProperty<SessionAmendment> version = new SimpleObjectProperty<>(this, "version");
  private final ObjectProperty<Session> shown = new SimpleObjectProperty<>(this, "shown");
  private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
  private final StringProperty versionNote = new SimpleStringProperty(this, "versionNote", "");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private final StringProperty notice = new SimpleStringProperty(this, "notice");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private long generation;
  /** The {@link #generation} whose load has been shown (-1 while one is being read). */
  private long loadedGeneration = -1;
  private Runnable afterLoad;

  /**
   * @param navigator opens the workout once a repeat has started
   * @param draftPlan opens an unsaved plan (name, structure) in the plan editor; false when the
   *     editor holds unsaved changes of its own (then nothing happens)
   */
  public SessionDetailViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile,
      Navigator navigator, BiPredicate<String, SessionStructure> draftPlan) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    this.navigator = navigator;
    this.draftPlan = draftPlan;
    this.amend = new AmendViewModel(services, tasks, profile);
    version.addListener((obs, old, now) -> showVersion());
  }

  public void load(UUID sessionId) {
    Profile owner = profile.get();
    error.set(null);
    notice.set(null);
    afterLoad = null;
    long ticket = ++generation;
    tasks.read("open the session", () -> services.sessions().get(owner.id(), sessionId), found -> {
      if (ticket == generation) {
        loadedGeneration = ticket;
        show(found, List.of());
        loadVersions(found);
        Runnable next = afterLoad;
        afterLoad = null;
        if (next != null) {
          next.run();
        }
      }
    }, failure -> {
      afterLoad = null;
      error.set(failure.message());
    });
  }

  /**
   * Runs {@code action} (Amend…, Repeat, Save as plan) once the session asked for by the last
   * {@link #load} is shown; dropped when another one is opened first or it cannot be read.
   */
  public void afterLoad(Runnable action) {
    if (session.get() != null && generation == loadedGeneration) {
      action.run();
    } else {
      afterLoad = action;
    }
  }

  private void loadVersions(Session found) {
    if (!found.amended()) {
      return;
    }
    Profile owner = profile.get();
    long ticket = generation;
    tasks.read("read the session's versions", () -> services.sessions().amendments(owner.id(), found.id()), all -> {
      if (ticket == generation && session.get() != null && session.get().id().equals(found.id())) {
        versions.setAll(all);
        version.set(all.get(all.size() - 1));
      }
    }, failure -> error.set(failure.message()));
  }

  private void show(Session found, List<SessionAmendment> all) {
    session.set(found);
    versions.setAll(all);
    version.set(null);
    showVersion();
  }

  /** The chosen version (the newest when none is chosen) becomes what the view shows. */
  private void showVersion() {
    Session current = session.get();
    if (current == null) {
      shown.set(null);
      summary.set("");
      versionNote.set("");
      return;
    }
    SessionAmendment chosen = version.get();
    boolean newest = chosen == null || versions.isEmpty() || chosen.equals(versions.get(versions.size() - 1));
    SessionStructure structure = chosen == null ? current.structure() : chosen.session();
    shown.set(new Session(current.id(), current.planId(), current.date(), current.startedAt(), current.endedAt(),
        structure, current.createdAt(), current.updatedAt(), current.version(), current.amended()));
    summary.set(describe(current, structure));
    if (newest) {
      versionNote.set("");
    } else {
      versionNote.set((chosen.original() ? "The original, as it was completed " : "An earlier version, recorded ")
          + Formats.dateTime(chosen.at(), zone()) + ". History, volume and records count the newest version.");
    }
  }

  public void clear() {
    generation++;
    amend.close();
    session.set(null);
    versions.clear();
    version.set(null);
    error.set(null);
    notice.set(null);
    showVersion();
  }

  private String describe(Session found, SessionStructure structure) {
    StructureStats stats = structure.stats();
    String length = found.endedAt() == null ? "in progress"
        : Formats.length(Duration.between(found.startedAt(), found.endedAt()));
    return Formats.date(found.date()) + " · " + length + " · " + stats.completedSetCount() + " of "
        + stats.setCount() + " sets done · volume " + NumberText.volume(stats.volume()) + " "
        + structure.unit().code();
  }

  /** How a version reads in the picker: "Original · 24 Nov 2026 08:05" or "Amended 25 Nov 2026 10:02 · It was 105". */
  public String label(SessionAmendment state) {
    if (state == null) {
      return "";
    }
    String when = Formats.dateTime(state.at(), zone());
    boolean newest = !versions.isEmpty() && state.equals(versions.get(versions.size() - 1));
    return (state.original() ? "Original · " + when : "Amended " + when + " · " + state.reason())
        + (newest ? " (newest)" : "");
  }

  // ---- actions ----

  /** True when the session shown can be amended, repeated and saved as a plan: it is completed. */
  public boolean actionable() {
    return session.get() != null && session.get().completed();
  }

  /** Opens the correction editor on the session as it is now. */
  public void startAmending() {
    Session current = session.get();
    if (current != null && current.completed()) {
      error.set(null);
      notice.set(null);
      amend.begin(current);
    }
  }

  /** The correction was recorded: the newest version shows, with the others a click away. */
  public void amended(Session updated) {
    generation++;
    show(updated, List.of());
    loadVersions(updated);
    notice.set("Amended. The original and every earlier version are kept: see Versions.");
  }

  /**
   * "Repeat this workout": starts a session with what was done here as targets and opens it. Refused
   * while another workout is in progress (the message says so).
   */
  public void repeat() {
    Session current = session.get();
    Profile owner = profile.get();
    if (current == null || !current.completed() || owner == null) {
      return;
    }
    error.set(null);
    notice.set(null);
    busy.set(true);
    tasks.write("repeat the workout", () -> services.sessions().startFromSession(owner.id(), current.id(), null),
        started -> {
          busy.set(false);
          navigator.resumeWorkout();
        }, failure -> {
          busy.set(false);
          // As Start does: the window says a workout is in progress and offers to open it.
          if (!(failure.cause() instanceof ConflictException) || !navigator.offerWorkoutInProgress()) {
            error.set(failure.cause() instanceof ConflictException
                ? "A workout is already in progress: complete or discard it (Workout, Ctrl+1) before repeating this one."
                : failure.message());
          }
        });
  }

  /**
   * "Save as plan": opens a new plan named after the session in the plan editor, its targets what
   * was done; nothing is saved until the person saves it there.
   */
  public void saveAsPlan() {
    Session current = session.get();
    if (current == null || !current.completed()) {
      return;
    }
    error.set(null);
    String name = current.structure().name() == null ? "Workout" : current.structure().name();
    if (!draftPlan.test(name, DoneAsTargets.plan(current.structure()))) {
      error.set("The plan editor has changes that are not saved: save or discard them first (Plans, Ctrl+2).");
    }
  }

  /** The note the plan editor shows over a plan made from this session. */
  public String draftNote() {
    Session current = session.get();
    return current == null ? "" : "From the session of " + Formats.date(current.date())
        + ": what was done became the targets. Nothing is saved until you press Save.";
  }

  // ---- properties ----

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  /** The session with the structure of the version chosen (the newest by default): what the view draws. */
  public ObjectProperty<Session> shownProperty() {
    return shown;
  }

  /** Every version of an amended session, oldest (the original) first; empty when never amended. */
  public ObservableList<SessionAmendment> versions() {
    return versions;
  }

  public ObjectProperty<SessionAmendment> versionProperty() {
    return version;
  }

  public StringProperty versionNoteProperty() {
    return versionNote;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public StringProperty noticeProperty() {
    return notice;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public AmendViewModel amend() {
    return amend;
  }

  public java.time.ZoneId zone() {
    return services.clock().getZone();
  }
}
