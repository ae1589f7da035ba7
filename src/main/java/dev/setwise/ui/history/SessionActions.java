package dev.setwise.ui.history;

import atlantafx.base.theme.Styles;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SessionSummary;
import java.util.List;
import java.util.function.Supplier;
import dev.setwise.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * What a completed session offers in its detail: Amend…, Repeat this workout, Save as plan, and
 * the picker of its versions (the original and each amendment, with reason and time).
 */
final class SessionActions {

  private final SessionDetailViewModel vm;
  private final HBox buttons;
  private final VBox versions;

  SessionActions(SessionDetailViewModel vm) {
    this.vm = vm;
    BooleanBinding completed = Bindings.createBooleanBinding(
        () -> vm.sessionProperty().get() != null && vm.sessionProperty().get().completed(), vm.sessionProperty());

    Button amend = Views.button("Amend…", MaterialDesignP.PENCIL_OUTLINE);
    amend.setId("amend-session");
    amend.setOnAction(event -> vm.startAmending());
    Views.tip(amend, "Correct what was recorded (a typo, a forgotten set); the original is kept", null);
    Button repeat = Views.button("Repeat this workout", MaterialDesignR.REPEAT);
    repeat.setId("repeat-session");
    repeat.setOnAction(event -> vm.repeat());
    repeat.disableProperty().bind(vm.busyProperty());
    Views.tip(repeat, "Start a workout with these exercises and sets, what was done as the targets", null);
    Button plan = Views.button("Save as plan…", MaterialDesignC.CLIPBOARD_PLUS_OUTLINE);
    plan.setId("save-session-as-plan");
    plan.setOnAction(event -> vm.saveAsPlan());
    Views.tip(plan, "A new plan named after this session, what was done as its targets; edit it, then save", null);
    for (Button button : new Button[] {amend, repeat, plan}) {
      button.setMinWidth(Button.USE_PREF_SIZE);
    }
    buttons = new HBox(10, amend, repeat, plan);
    buttons.setAlignment(Pos.CENTER_RIGHT);
    buttons.visibleProperty().bind(completed);
    buttons.managedProperty().bind(completed);

    ComboBox<SessionAmendment> picker = new ComboBox<>(vm.versions());
    picker.setId("session-versions");
    picker.valueProperty().bindBidirectional(vm.versionProperty());
    picker.setCellFactory(list -> new VersionCell());
    picker.setButtonCell(new VersionCell());
    picker.setAccessibleText("Version of the session shown");
    picker.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(picker, Priority.ALWAYS);
    Views.tip(picker, "Show the original or any amendment; History and Progress count the newest", null);
    Label caption = new Label("Versions");
    caption.getStyleClass().add(Styles.TEXT_BOLD);
    caption.setLabelFor(picker);
    caption.setMinWidth(Label.USE_PREF_SIZE);
    HBox line = new HBox(10, caption, picker);
    line.setAlignment(Pos.CENTER_LEFT);
    line.setMaxWidth(760);
    Label note = new Label();
    note.setId("session-version-note");
    note.getStyleClass().add("muted");
    note.setWrapText(true);
    note.textProperty().bind(vm.versionNoteProperty());
    note.managedProperty().bind(vm.versionNoteProperty().isNotEmpty());
    note.visibleProperty().bind(note.managedProperty());
    versions = new VBox(4, line, note);
    BooleanBinding amended = Bindings.isNotEmpty(vm.versions());
    versions.visibleProperty().bind(amended);
    versions.managedProperty().bind(amended);
  }

  Node buttons() {
    return buttons;
  }

  Node versions() {
    return versions;
  }

  /**
   * The context menu of History's list: Open, and for a completed session Amend…, Repeat this
   * workout and Save as plan…, each run on the session opened in the detail (so its outcome and
   * any refusal show there).
   */
  static ContextMenu rowMenu(Supplier<SessionSummary> selected, HistoryViewModel list, SessionDetailViewModel detail) {
    ContextMenu menu = new ContextMenu();
    MenuItem open = new MenuItem("Open");
    open.setOnAction(event -> list.open(selected.get()));
    MenuItem amend = rowItem("Amend…", "history-amend", selected, list, detail, detail::startAmending);
    MenuItem repeat = rowItem("Repeat this workout", "history-repeat", selected, list, detail, detail::repeat);
    MenuItem plan = rowItem("Save as plan…", "history-save-as-plan", selected, list, detail, detail::saveAsPlan);
    menu.getItems().addAll(open, new SeparatorMenuItem(), amend, repeat, plan);
    menu.setOnShowing(event -> {
      SessionSummary row = selected.get();
      boolean completed = row != null && row.status() == SessionStatus.COMPLETED;
      open.setDisable(row == null);
      for (MenuItem item : List.of(amend, repeat, plan)) {
        item.setDisable(!completed);
      }
    });
    return menu;
  }

  private static MenuItem rowItem(String text, String id, Supplier<SessionSummary> selected, HistoryViewModel list,
      SessionDetailViewModel detail, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(event -> {
      SessionSummary row = selected.get();
      if (row != null && row.status() == SessionStatus.COMPLETED) {
        list.open(row);
        detail.afterLoad(action);
      }
    });
    return item;
  }

  /** The small "Amended" mark of History's list and the detail. */
  static Label amendedTag() {
    Label tag = new Label("Amended", Views.icon(MaterialDesignP.PENCIL_OUTLINE));
    tag.getStyleClass().add("amended-tag");
    tag.setMinWidth(Label.USE_PREF_SIZE);
    Views.tip(tag, "Corrected after it was completed; the original is kept (open the session for its versions)",
        null);
    return tag;
  }

  private final class VersionCell extends ListCell<SessionAmendment> {
    @Override
    protected void updateItem(SessionAmendment item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : vm.label(item));
    }
  }
}
