package dev.setwise.ui.sync;

import atlantafx.base.theme.Styles;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.ui.common.Views;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The conflict review: the open conflicts in a list, and for the one chosen this device's version
 * and the server's side by side, line by line, the lines that differ marked. Keep mine / Keep
 * theirs settle it; the outcome (or the client's refusal) shows under the buttons.
 */
public final class ConflictReviewDialog {

  private ConflictReviewDialog() {}

  /** Shows the review until it is closed. */
  public static void show(Window owner, ConflictReviewViewModel vm) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Sync conflicts");
    dialog.setHeaderText("Changed here and on the server: choose the version to keep");
    dialog.getDialogPane().setId("conflict-review");
    double width = Math.min(920, owner == null ? 920 : Math.max(640, owner.getWidth() - 60));
    dialog.getDialogPane().setPrefWidth(width);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.setResizable(true);

    ListView<SyncConflict> list = new ListView<>(vm.conflicts());
    list.setId("conflict-list");
    list.setAccessibleText("Open conflicts");
    list.setPrefHeight(owner != null && owner.getHeight() < 700 ? 84 : 120);
    list.setCellFactory(view -> new ListCell<>() {
      @Override
      protected void updateItem(SyncConflict item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.about());
        setGraphic(empty || item == null ? null : Views.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
      }
    });
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (now != null && now != vm.selectedProperty().get()) {
        vm.selectedProperty().set(now);
      }
    });
    vm.selectedProperty().addListener((obs, old, now) -> list.getSelectionModel().select(now));

    GridPane sides = new GridPane();
    sides.setId("conflict-sides");
    sides.getStyleClass().add("conflict-sides");
    ColumnConstraints label = new ColumnConstraints();
    label.setMinWidth(90);
    ColumnConstraints local = new ColumnConstraints();
    local.setPercentWidth(44);
    local.setHgrow(Priority.ALWAYS);
    ColumnConstraints remote = new ColumnConstraints();
    remote.setPercentWidth(44);
    remote.setHgrow(Priority.ALWAYS);
    sides.getColumnConstraints().addAll(label, local, remote);
    Runnable draw = () -> draw(sides, vm.rows());
    vm.rows().addListener((ListChangeListener<ConflictSides.Row>) change -> draw.run());
    draw.run();
    ScrollPane scroll = new ScrollPane(sides);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportHeight(owner != null && owner.getHeight() < 700 ? 200 : 320);
    VBox.setVgrow(scroll, Priority.ALWAYS);

    Label none = new Label("No conflicts are open: this device and the server agree on everything they share.");
    none.setId("conflict-none");
    none.getStyleClass().add("muted");
    none.visibleProperty().bind(vm.loadedProperty().and(Bindings.isEmpty(vm.conflicts())));
    none.managedProperty().bind(none.visibleProperty());

    Button mine = Views.button("Keep mine", MaterialDesignL.LAPTOP);
    mine.setId("conflict-keep-mine");
    mine.setOnAction(event -> vm.keepMine());
    Button theirs = Views.button("Keep theirs", MaterialDesignC.CLOUD_OUTLINE);
    theirs.setId("conflict-keep-theirs");
    theirs.setOnAction(event -> vm.keepTheirs());
    for (Button button : List.of(mine, theirs)) {
      button.disableProperty().bind(vm.selectedProperty().isNull().or(vm.busyProperty()));
    }
    Label note = new Label("A backup is made first. A completed workout keeps what it recorded: the version kept "
        + "becomes a correction of it.");
    note.getStyleClass().add("muted");
    note.setWrapText(true);
    HBox.setHgrow(note, Priority.ALWAYS);
    HBox choose = new HBox(10, mine, theirs, note);
    choose.setAlignment(Pos.CENTER_LEFT);

    Label message = new Label();
    message.setId("conflict-message");
    message.setWrapText(true);
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    Runnable tone = () -> {
      message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
      message.getStyleClass().add(vm.failedProperty().get() ? Styles.DANGER : Styles.SUCCESS);
    };
    tone.run();
    vm.failedProperty().addListener((obs, old, now) -> tone.run());

    VBox content = new VBox(10, list, none, scroll, choose, message);
    content.getStyleClass().add("dialog-body");
    dialog.getDialogPane().setContent(content);
    vm.load();
    dialog.showAndWait();
  }

  private static void draw(GridPane grid, List<ConflictSides.Row> rows) {
    grid.getChildren().clear();
    grid.addRow(0, new Label(""), head("This device"), head("Server"));
    int index = 1;
    for (ConflictSides.Row row : rows) {
      Label name = cell(row.label());
      name.getStyleClass().add("muted");
      Label local = cell(row.local());
      Label remote = cell(row.remote());
      if (row.heading()) {
        local.getStyleClass().add(Styles.TEXT_BOLD);
        remote.getStyleClass().add(Styles.TEXT_BOLD);
      }
      if (row.differs()) {
        for (Label each : List.of(name, local, remote)) {
          each.getStyleClass().add("conflict-differs");
        }
        name.setGraphic(Views.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        name.setAccessibleText(row.label() + " differs");
      }
      grid.addRow(index++, name, local, remote);
    }
  }

  private static Label head(String text) {
    Label label = cell(text);
    label.getStyleClass().addAll(Styles.TEXT_BOLD, "conflict-side-head");
    return label;
  }

  private static Label cell(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMaxWidth(Double.MAX_VALUE);
    label.setMinHeight(Region.USE_PREF_SIZE);
    label.getStyleClass().add("conflict-cell");
    return label;
  }
}
