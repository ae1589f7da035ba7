package dev.setwise.ui.history;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SessionSummary;
import dev.setwise.ui.amend.AmendView;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.time.Duration;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The history screen: filters, a table sorted and paged by the database (a column header asks the
 * view model for a new order; the table never sorts rows itself), and the read-only detail.
 */
public final class HistoryView {

  private final HistoryViewModel vm;
  private final StackPane root = new StackPane();
  private final TableView<SessionSummary> table = new TableView<>();
  private final CustomTextField search = new CustomTextField();
  private final SessionDetailView detail;
  private final AmendView amend;
  private final TableColumn<SessionSummary, String> dateColumn;
  private final TableColumn<SessionSummary, String> startedColumn;
  private final TableColumn<SessionSummary, String> statusColumn;

  public HistoryView(HistoryViewModel vm, SessionDetailViewModel detailVm, Runnable closeDetail,
      ObservableValue<Boolean> showingDetail, ZoneId zone) {
    this.vm = vm;
    this.detail = new SessionDetailView(detailVm, closeDetail);
    this.amend = new AmendView(detailVm.amend(), detailVm::amended, () -> Views.confirm(root.getScene().getWindow(),
        "Throw away this correction?", "What you typed is not saved; the session stays as it is.", "Throw away"));

    Label title = new Label("History");
    title.getStyleClass().add("screen-title");

    ComboBox<HistoryViewModel.PlanChoice> plan = new ComboBox<>(vm.planChoices());
    plan.valueProperty().bindBidirectional(vm.planProperty());
    plan.setPrefWidth(200);
    plan.setAccessibleText("Plan filter");
    Views.tip(plan, "Only sessions of this plan", null);
    DatePicker from = new DatePicker();
    Views.lenientDates(from);
    from.valueProperty().bindBidirectional(vm.fromProperty());
    from.setPromptText("From");
    from.setPrefWidth(150);
    Views.tip(from, "Sessions on or after this date", null);
    DatePicker to = new DatePicker();
    Views.lenientDates(to);
    to.valueProperty().bindBidirectional(vm.toProperty());
    to.setPromptText("To");
    to.setPrefWidth(150);
    Views.tip(to, "Sessions on or before this date", null);
    ChoiceBox<HistoryViewModel.StatusFilter> status = new ChoiceBox<>();
    status.getItems().setAll(HistoryViewModel.StatusFilter.values());
    status.valueProperty().bindBidirectional(vm.statusProperty());
    status.setAccessibleText("Status filter");
    search.setId("history-search");
    search.setPromptText("Search by name");
    search.setLeft(Views.icon(MaterialDesignM.MAGNIFY));
    search.textProperty().bindBidirectional(vm.searchProperty());
    search.setPrefWidth(200);
    Views.tip(search, "Search sessions by name", Shortcuts.SEARCH_HISTORY);
    Button clear = Views.iconButton(MaterialDesignF.FILTER_REMOVE_OUTLINE, "Clear the filters");
    clear.setOnAction(event -> {
      vm.resetFilters();
      vm.load();
    });
    HBox filters = new HBox(10, search, plan, from, to, status, clear);
    filters.setAlignment(Pos.CENTER_LEFT);

    table.setId("history-table");
    table.setItems(vm.rows());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    Label placeholder = new Label();
    placeholder.textProperty().bind(vm.placeholderProperty());
    table.setPlaceholder(placeholder);
    // Every column keeps room for its heading and its widest value (at 1024 pixels too); Name
    // takes what is left.
    dateColumn = column("Date", 140, s -> Formats.date(s.date()));
    dateColumn.setMinWidth(130);
    startedColumn = column("Started", 100, s -> Formats.time(s.startedAt(), zone));
    startedColumn.setMinWidth(100);
    TableColumn<SessionSummary, String> name = column("Name", 180, SessionSummary::name);
    name.setMinWidth(110);
    name.setCellFactory(c -> new NameCell());
    TableColumn<SessionSummary, String> sets = column("Sets done", 100,
        s -> s.completedSetCount() + " / " + s.setCount());
    TableColumn<SessionSummary, String> volume = column("Volume", 120,
        s -> NumberText.volume(s.volume()) + " " + s.unit().code());
    TableColumn<SessionSummary, String> length = column("Duration", 110, s -> s.endedAt() == null ? "—"
        : Formats.length(Duration.between(s.startedAt(), s.endedAt())));
    statusColumn = column("Status", 120, s -> s.status() == SessionStatus.COMPLETED ? "Completed" : "In progress");
    sets.setMinWidth(112);
    volume.setMinWidth(115);
    length.setMinWidth(110);
    statusColumn.setMinWidth(110);
    for (TableColumn<SessionSummary, String> unsorted : java.util.List.of(name, sets, volume, length)) {
      unsorted.setSortable(false);
    }
    sets.getStyleClass().add("numeric");
    volume.getStyleClass().add("numeric");
    table.getColumns().setAll(java.util.List.of(dateColumn, startedColumn, name, sets, volume, length, statusColumn));
    startedColumn.setSortType(TableColumn.SortType.DESCENDING);
    table.getSortOrder().setAll(java.util.List.of(startedColumn));
    table.setSortPolicy(view -> {
      applySort();
      return true;
    });
    table.setRowFactory(view -> {
      TableRow<SessionSummary> row = new TableRow<>();
      row.setOnMouseClicked(event -> {
        if (event.getClickCount() == 2 && !row.isEmpty()) {
          vm.open(row.getItem());
        }
      });
      return row;
    });
    // Right-click or the menu key: what the detail offers, for the selected session.
    table.setContextMenu(SessionActions.rowMenu(() -> table.getSelectionModel().getSelectedItem(), vm, detailVm));
    table.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
        vm.open(table.getSelectionModel().getSelectedItem());
        event.consume();
      }
    });
    VBox.setVgrow(table, Priority.ALWAYS);

    Button previous = Views.button("Previous", MaterialDesignC.CHEVRON_LEFT);
    previous.setOnAction(event -> vm.previousPage());
    previous.disableProperty().bind(vm.canPreviousProperty().not());
    Views.tip(previous, "Previous page", Shortcuts.PREVIOUS_PAGE);
    Button next = Views.button("Next", MaterialDesignC.CHEVRON_RIGHT);
    next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
    next.setOnAction(event -> vm.nextPage());
    next.disableProperty().bind(vm.canNextProperty().not());
    Views.tip(next, "Next page", Shortcuts.NEXT_PAGE);
    Label page = new Label();
    page.textProperty().bind(vm.pageTextProperty());
    Label hint = new Label("Enter or double-click opens a session; right-click to amend, repeat or save it as a plan");
    hint.getStyleClass().add("muted");
    HBox pager = new HBox(12, hint, new Spacer(), page, previous, next);
    pager.setAlignment(Pos.CENTER_LEFT);

    VBox list = new VBox(12, title, filters, Views.banner(vm.errorProperty(), Styles.DANGER), table, pager);
    list.setPadding(new Insets(16, 20, 16, 20));
    list.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> !Boolean.TRUE.equals(showingDetail.getValue()), showingDetail));
    javafx.beans.binding.BooleanExpression amending = detailVm.amend().openProperty();
    detail.node().visibleProperty().bind(list.visibleProperty().not().and(amending.not()));
    amend.node().visibleProperty().bind(list.visibleProperty().not().and(amending));
    root.getChildren().addAll(list, detail.node(), amend.node());
    amending.addListener((obs, was, now) -> javafx.application.Platform.runLater(
        now ? amend::focusDefault : detail::focusDefault));
  }

  private void applySort() {
    SessionQuery.Sort key = SessionQuery.Sort.STARTED_AT;
    SessionQuery.Order order = SessionQuery.Order.DESC;
    if (!table.getSortOrder().isEmpty()) {
      TableColumn<SessionSummary, ?> column = table.getSortOrder().get(0);
      key = column == dateColumn ? SessionQuery.Sort.DATE
          : column == statusColumn ? SessionQuery.Sort.ENDED_AT : SessionQuery.Sort.STARTED_AT;
      order = column.getSortType() == TableColumn.SortType.ASCENDING ? SessionQuery.Order.ASC : SessionQuery.Order.DESC;
    }
    // The policy also runs when new rows arrive; only a real change asks for another page.
    if (key != vm.sortProperty().get() || order != vm.orderProperty().get()) {
      vm.sortBy(key, order);
    }
  }

  /** The name, with the "Amended" mark of a session corrected after it was completed. */
  private static final class NameCell extends javafx.scene.control.TableCell<SessionSummary, String> {
    @Override
    protected void updateItem(String name, boolean empty) {
      super.updateItem(name, empty);
      SessionSummary row = empty || getTableRow() == null ? null : getTableRow().getItem();
      setText(empty ? null : name);
      setGraphic(row != null && row.amended() ? SessionActions.amendedTag() : null);
      setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
      setGraphicTextGap(8);
    }
  }

  private static TableColumn<SessionSummary, String> column(String title, double width,
      Function<SessionSummary, String> text) {
    TableColumn<SessionSummary, String> column = new TableColumn<>(title);
    column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    column.setPrefWidth(width);
    return column;
  }

  /** The read-only view of one session (the main window adds the progress side to it). */
  public SessionDetailView detail() {
    return detail;
  }

  public Node node() {
    return root;
  }

  public void focusSearch() {
    search.requestFocus();
    search.selectAll();
  }

  public void focusDefault() {
    if (amend.node().isVisible()) {
      amend.focusDefault();
    } else if (detail.node().isVisible()) {
      detail.focusDefault();
    } else {
      table.requestFocus();
      if (!vm.rows().isEmpty() && table.getSelectionModel().isEmpty()) {
        table.getSelectionModel().select(0);
      }
    }
  }

  public TableView<SessionSummary> table() {
    return table;
  }
}
