package dev.setwise.ui.workout;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.UiServices;
import java.time.LocalDate;
import java.util.List;
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
 * The start form of the workout screen, shown while nothing is in progress: the plan to start from
 * (or none: an empty workout) and the date. A start refused because a workout is already in progress says so and offers it.
 * FX thread only; services through {@link BackgroundTasks}.
 */
public final class StartFormViewModel {

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Consumer<Session> started;

  private final ObservableList<PlanSummary> plans = FXCollections.observableArrayList();
  private final ObjectProperty<PlanSummary> chosenPlan = new SimpleObjectProperty<>(this, "chosenPlan");
  private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
  private final StringProperty startError = new SimpleStringProperty(this, "startError");
  private final BooleanProperty conflict = new SimpleBooleanProperty(this, "conflict");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private UUID preferredPlan;

  /** @param started gets the session once it is started (FX thread) */
  StartFormViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile,
      Consumer<Session> started) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    this.started = started;
  }

  /** The next list of plans chooses {@code planId} (from the plans screen). */
  void prefer(UUID planId) {
    preferredPlan = planId;
  }

  /** The profile's plans: keeps the plan chosen (or the preferred one), else the first. */
  void setPlans(List<PlanSummary> list) {
    PlanSummary keep = chosenPlan.get();
    plans.setAll(list);
    PlanSummary choice = null;
    for (PlanSummary plan : list) {
      if (preferredPlan != null ? plan.id().equals(preferredPlan) : keep != null && plan.id().equals(keep.id())) {
        choice = plan;
      }
    }
    chosenPlan.set(choice != null ? choice : list.isEmpty() ? null : list.get(0));
    preferredPlan = null;
  }

  /** The form as it opens: today's date. */
  void reset() {
    date.set(LocalDate.now(services.clock()));
  }

  /** Forgets a refusal shown (the workout opened after all). */
  void clearProblem() {
    startError.set(null);
    conflict.set(false);
  }

  void problem(String message) {
    startError.set(message);
  }

  /** Starts a session from the chosen plan on the chosen date. */
  public void start() {
    Profile owner = profile.get();
    PlanSummary plan = chosenPlan.get();
    clearProblem();
    if (plan == null) {
      startError.set(plans.isEmpty() ? "Create a plan first (Plans screen), or start an empty workout."
          : "Choose a plan to start from.");
      return;
    }
    if (date.get() == null) {
      startError.set("Choose the date of the workout.");
      return;
    }
    busy.set(true);
    LocalDate day = date.get();
    tasks.write("start the workout", () -> services.sessions().start(owner.id(), plan.id(), day),
        session -> {
          busy.set(false);
          started.accept(session);
        }, this::startFailed);
  }

  /**
   * Starts a workout without a plan on the chosen date, in the profile's unit: exercises are added
   * as they are done. The same rules as a start from a plan (one in progress).
   */
  public void startEmpty() {
    Profile owner = profile.get();
    clearProblem();
    if (date.get() == null) {
      startError.set("Choose the date of the workout.");
      return;
    }
    busy.set(true);
    LocalDate day = date.get();
    tasks.write("start the workout", () -> services.sessions().startWithoutPlan(owner.id(), day, owner.unit()),
        session -> {
          busy.set(false);
          started.accept(session);
        }, this::startFailed);
  }

  private void startFailed(BackgroundTasks.Failure failure) {
    busy.set(false);
    conflict.set(failure.cause() instanceof ConflictException);
    startError.set(failure.message());
  }

  public ObservableList<PlanSummary> plans() {
    return plans;
  }

  public ObjectProperty<PlanSummary> chosenPlanProperty() {
    return chosenPlan;
  }

  public ObjectProperty<LocalDate> dateProperty() {
    return date;
  }

  public StringProperty startErrorProperty() {
    return startError;
  }

  /** True when the start was refused because a workout is in progress: the form offers to open it. */
  public BooleanProperty conflictProperty() {
    return conflict;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }
}
