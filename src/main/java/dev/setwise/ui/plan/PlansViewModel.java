package dev.setwise.ui.plan;

import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanDeletion;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Profile;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.UiServices;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The plans screen: the profile's plans, and the editor of the one selected. */
public final class PlansViewModel {

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Navigator navigator;
  private final PlanEditorViewModel editor;
  private final ObservableList<PlanSummary> plans = FXCollections.observableArrayList();
  private final ObjectProperty<PlanSummary> selected = new SimpleObjectProperty<>(this, "selected");
  private final StringProperty message = new SimpleStringProperty(this, "message");
  private final StringProperty error = new SimpleStringProperty(this, "error");

  public PlansViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile,
      Navigator navigator) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    this.navigator = navigator;
    this.editor = new PlanEditorViewModel(services, tasks, profile);
  }

  /** Reloads the list, keeping the selection. */
  public void refresh() {
    refresh(null);
  }

  /**
   * Reloads the list and selects {@code select} when given, else keeps whatever is selected when
   * the list arrives (the athlete may have clicked meanwhile).
   */
  private void refresh(UUID select) {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    tasks.read("load the plans", () -> services.plans().list(owner.id()), list -> {
      if (!owner.equals(profile.get())) {
        return;
      }
      plans.setAll(list);
      UUID keep = select != null ? select : selected.get() == null ? null : selected.get().id();
      PlanSummary match = list.stream().filter(p -> p.id().equals(keep)).findFirst().orElse(null);
      if (match != null) {
        selected.set(match);
      } else if (keep != null) {
        // The selected plan is gone (deleted elsewhere): close it unless it holds unsaved work.
        selected.set(null);
        if (!editor.dirtyProperty().get()) {
          editor.close();
        }
      }
    }, failure -> error.set(failure.message()));
  }

  /** Opens the plan {@code summary} in the editor (reads its structure). */
  public void select(PlanSummary summary) {
    selected.set(summary);
    error.set(null);
    if (summary == null) {
      editor.close();
      return;
    }
    Profile owner = profile.get();
    tasks.read("open the plan", () -> services.plans().get(owner.id(), summary.id()), plan -> {
      if (selected.get() != null && selected.get().id().equals(plan.id())) {
        editor.edit(plan);
      }
    }, failure -> error.set(failure.message()));
  }

  /** Throws away unsaved edits: the selected plan is read again, a new plan is closed. */
  public void revert() {
    if (selected.get() != null) {
      select(selected.get());
    } else {
      editor.close();
    }
  }

  public void newPlan() {
    selected.set(null);
    message.set(null);
    editor.createNew();
  }

  /** A new, unsaved plan in the editor made from {@code structure} (Save as plan from a session). */
  public void newPlanFrom(String name, dev.setwise.domain.SessionStructure structure, String note) {
    selected.set(null);
    message.set(null);
    editor.createFrom(name, structure, note);
  }

  /** Saves the editor; the saved plan is selected in the list. */
  public void save() {
    editor.save(saved -> {
      message.set("Saved “" + saved.name() + "”.");
      refresh(saved.id());
    });
  }

  public void duplicate() {
    PlanSummary source = selected.get();
    if (source == null) {
      return;
    }
    Profile owner = profile.get();
    tasks.write("duplicate the plan", () -> services.plans().duplicate(owner.id(), source.id(), null), copy -> {
      message.set("Created “" + copy.name() + "”.");
      refresh(copy.id());
      editor.edit(copy);
    }, failure -> error.set(failure.message()));
  }

  /** What deleting {@code plan} will do, in words, for the confirmation. */
  public String deleteQuestion(PlanSummary plan) {
    return plan.hasSessions()
        ? "“" + plan.name() + "” has sessions, so it will be archived: it leaves this list and can no longer be "
            + "started, but its sessions stay in History, unchanged."
        : "“" + plan.name() + "” has never been used; it will be deleted for good.";
  }

  public void delete() {
    PlanSummary plan = selected.get();
    if (plan == null) {
      return;
    }
    Profile owner = profile.get();
    tasks.write("delete the plan", () -> services.plans().delete(owner.id(), plan.id()), outcome -> {
      message.set(outcome == PlanDeletion.ARCHIVED
          ? "Archived “" + plan.name() + "”; its sessions are still in History."
          : "Deleted “" + plan.name() + "”.");
      selected.set(null);
      editor.close();
      refresh(null);
    }, failure -> error.set(failure.message()));
  }

  /** Opens the workout screen's start form with the selected plan chosen. */
  public void startWorkout() {
    PlanSummary plan = selected.get();
    if (plan != null) {
      navigator.startFrom(plan.id());
    }
  }

  public PlanEditorViewModel editor() {
    return editor;
  }

  public ObservableList<PlanSummary> plans() {
    return plans;
  }

  public ObjectProperty<PlanSummary> selectedProperty() {
    return selected;
  }

  public StringProperty messageProperty() {
    return message;
  }

  public StringProperty errorProperty() {
    return error;
  }
}
