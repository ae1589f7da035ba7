package dev.setwise.ui.activity;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.AuditEntry;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The activity screen: what this profile did, newest first. */
public final class ActivityView {

  private final VBox root = new VBox(12);
  private final TableView<AuditEntry> table = new TableView<>();

  public ActivityView(ActivityViewModel vm, ZoneId zone) {
    Label title = new Label("Activity");
    title.getStyleClass().add("screen-title");
    table.setItems(vm.entries());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setPlaceholder(new Label("Nothing recorded yet."));
    TableColumn<AuditEntry, String> when = new TableColumn<>("When");
    when.setCellValueFactory(cell -> new ReadOnlyStringWrapper(Formats.dateTime(cell.getValue().at(), zone)));
    when.setPrefWidth(190);
    TableColumn<AuditEntry, String> what = new TableColumn<>("What");
    what.setCellValueFactory(cell -> new ReadOnlyStringWrapper(ActivityViewModel.describe(cell.getValue())));
    what.setPrefWidth(220);
    TableColumn<AuditEntry, String> details = new TableColumn<>("Details");
    details.setCellValueFactory(cell -> new ReadOnlyStringWrapper(ActivityViewModel.details(cell.getValue())));
    details.setPrefWidth(500);
    for (TableColumn<AuditEntry, String> column : List.of(when, what, details)) {
      column.setSortable(false);
    }
    table.getColumns().setAll(List.of(when, what, details));
    VBox.setVgrow(table, Priority.ALWAYS);

    Button previous = Views.button("Newer", MaterialDesignC.CHEVRON_LEFT);
    previous.setOnAction(event -> vm.previousPage());
    previous.disableProperty().bind(vm.canPreviousProperty().not());
    Views.tip(previous, "Newer entries", Shortcuts.PREVIOUS_PAGE);
    Button next = Views.button("Older", MaterialDesignC.CHEVRON_RIGHT);
    next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    next.setOnAction(event -> vm.nextPage());
    next.disableProperty().bind(vm.canNextProperty().not());
    Views.tip(next, "Older entries", Shortcuts.NEXT_PAGE);
    Label page = new Label();
    page.textProperty().bind(vm.pageTextProperty());
    HBox pager = new HBox(12, new Spacer(), page, previous, next);
    pager.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().addAll(title, Views.banner(vm.errorProperty(), Styles.DANGER), table, pager);
    root.setPadding(new Insets(16, 20, 16, 20));
  }

  public Node node() {
    return root;
  }

  public void focusDefault() {
    table.requestFocus();
  }
}
