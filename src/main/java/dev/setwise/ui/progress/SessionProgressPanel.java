package dev.setwise.ui.progress;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.service.progress.ProgressionService;
import dev.setwise.service.progress.SessionRecord;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Views;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * Above a completed session's detail: the records it set, and the offer to carry what was done into
 * its plan's targets (the athlete confirms; the sessions already logged keep their snapshots).
 */
public final class SessionProgressPanel {

  private final Supplier<AppContext.Progress> services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final FlowPane records = new FlowPane(8, 6);
  private final Label recordsTitle = new Label("Records set in this session", Views.icon(MaterialDesignT.TROPHY));
  private final Button carry = Views.button("Use as the plan's targets…", MaterialDesignC.CALENDAR_ARROW_RIGHT);
  private final Label carried = new Label();
  private final VBox root = new VBox(8);
  private Session shown;
  private ProgressionService.Proposal proposal;

  public SessionProgressPanel(Supplier<AppContext.Progress> services, BackgroundTasks tasks,
      ReadOnlyObjectProperty<Profile> profile, ObservableValue<Session> session) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
    recordsTitle.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_BOLD);
    records.setId("session-records");
    carry.setId("carry-into-plan");
    carry.setOnAction(event -> confirmCarry());
    carried.getStyleClass().add("muted");
    HBox progression = new HBox(12, carry, carried);
    progression.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().addAll(recordsTitle, records, progression);
    root.getStyleClass().add("session-progress");
    show(null);
    session.addListener((obs, old, now) -> load(now));
  }

  public Node node() {
    return root;
  }

  private void load(Session session) {
    shown = session;
    show(null);
    Profile owner = profile.get();
    if (session == null || owner == null || !session.completed()) {
      return;
    }
    AppContext.Progress progress = services.get();
    tasks.read("load the session's records", () -> new Loaded(progress.stats().sessionRecords(owner.id(), session.id()),
        progress.progression().proposal(owner.id(), session.id())), loaded -> {
          if (session.equals(shown)) {
            proposal = loaded.proposal().orElse(null);
            show(loaded.records());
          }
        }, failure -> { });
  }

  private record Loaded(List<SessionRecord> records, Optional<ProgressionService.Proposal> proposal) {}

  private void show(List<SessionRecord> found) {
    records.getChildren().clear();
    boolean any = found != null && !found.isEmpty();
    if (any) {
      for (SessionRecord record : found) {
        Label chip = new Label(record.exercise() + ": " + record.kind().title().toLowerCase(java.util.Locale.ROOT) + " "
            + ExerciseHistoryDialog.amount(record.value(), record.unit().code()));
        chip.getStyleClass().add("record-chip");
        records.getChildren().add(chip);
      }
    }
    recordsTitle.setVisible(any);
    recordsTitle.setManaged(any);
    records.setVisible(any);
    records.setManaged(any);
    boolean offer = found != null && proposal != null;
    carry.setVisible(offer);
    carry.setManaged(offer);
    carried.setText(offer ? proposal.changedSets() + (proposal.changedSets() == 1 ? " set" : " sets") + " of "
        + proposal.planName() + " would take what you did" : "");
    root.setVisible(any || offer);
    root.setManaged(any || offer);
  }

  private void confirmCarry() {
    Session session = shown;
    Profile owner = profile.get();
    if (session == null || proposal == null || owner == null) {
      return;
    }
    if (!Views.confirm(root.getScene().getWindow(), "Use as the plan's targets?", "The targets of "
        + proposal.planName() + " become what you did in this session (" + proposal.changedSets() + " sets). "
        + "Sessions already logged keep what they recorded.", "Update the plan")) {
      return;
    }
    AppContext.Progress progress = services.get();
    carry.setDisable(true);
    tasks.write("update the plan's targets", () -> progress.progression().carryIntoPlan(owner.id(), session.id()),
        plan -> {
          carry.setDisable(false);
          proposal = null;
          carry.setVisible(false);
          carry.setManaged(false);
          carried.setText(plan.name() + " now starts from what you did.");
        }, failure -> {
          carry.setDisable(false);
          carried.setText(failure.message());
        });
  }
}
