package dev.setwise.ui.progress;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.domain.progress.RepsAtWeight;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The Progress screen (Ctrl+4): sessions and volume per week or month, training days, bodyweight,
 * and every exercise's records; Enter or a double click on a record opens that exercise's history,
 * and so does the search field.
 */
public final class ProgressView {

  private final ProgressViewModel vm;
  private final Consumer<String> openExercise;
  private final VBox root = new VBox(12);
  private final LineChart<Number, Number> sessionsChart = ChartKit.line("Sessions per week", "sessions");
  private final AreaChart<Number, Number> volumeChart = ChartKit.area("Volume per week", "");
  private final LineChart<Number, Number> bodyweightChart = ChartKit.line("Bodyweight", "");
  private final TrainingCalendar calendar = new TrainingCalendar();
  private final TableView<ExerciseRecords> table = new TableView<>();
  private final atlantafx.base.controls.CustomTextField search = new atlantafx.base.controls.CustomTextField();

  public ProgressView(ProgressViewModel vm, ExerciseNameCompletion completion, Consumer<String> openExercise) {
    this.vm = vm;
    this.openExercise = openExercise;
    Label title = new Label("Progress");
    title.getStyleClass().add("screen-title");
    search.setId("exercise-search");
    search.setPromptText(ExerciseNameCompletion.PROMPT_PREFIX + " to see its history");
    search.setPrefColumnCount(22);
    search.setLeft(Views.icon(org.kordamp.ikonli.materialdesign2.MaterialDesignM.MAGNIFY));
    search.setAccessibleText("Exercise to open");
    search.setOnAction(event -> openSearched());
    completion.attach(search);
    Button open = Views.button("History", MaterialDesignC.CHART_LINE);
    open.setOnAction(event -> openSearched());
    Views.tip(open, "Open the exercise's history", null);
    HBox head = new HBox(12, title, spanToggle(), new Spacer(), search, open);
    head.setAlignment(Pos.CENTER_LEFT);

    sessionsChart.setId("sessions-chart");
    volumeChart.setId("progress-volume-chart");
    bodyweightChart.setId("bodyweight-chart");
    GridPane charts = new GridPane();
    charts.setHgap(12);
    charts.setVgap(12);
    ColumnConstraints half = new ColumnConstraints();
    half.setPercentWidth(50);
    charts.getColumnConstraints().addAll(half, half);
    charts.add(sessionsChart, 0, 0);
    charts.add(volumeChart, 1, 0);
    charts.add(calendar.node(), 0, 1);
    charts.add(bodyweightChart, 1, 1);

    Label recordsTitle = new Label("Records");
    recordsTitle.getStyleClass().add("chart-heading");
    Label recordsHint = new Label("Enter or double-click an exercise for its history");
    recordsHint.getStyleClass().add("muted");
    HBox recordsHead = new HBox(12, recordsTitle, recordsHint);
    recordsHead.setAlignment(Pos.BASELINE_LEFT);
    buildTable();

    Label empty = new Label("Complete a workout and your progress shows here: records, e1RM, volume and "
        + "training days.");
    empty.getStyleClass().add("empty-note");
    empty.setWrapText(true);
    empty.visibleProperty().bind(vm.emptyProperty());
    empty.managedProperty().bind(empty.visibleProperty());

    VBox body = new VBox(12, empty, charts, recordsHead, table);
    body.setPadding(new Insets(0, 4, 8, 0));
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    VBox.setVgrow(scroll, Priority.ALWAYS);
    root.getChildren().addAll(head, Views.banner(vm.errorProperty(), Styles.DANGER), scroll);
    root.setPadding(new Insets(16, 20, 16, 20));
    root.getStyleClass().add("progress-screen");

    vm.periods().addListener((ListChangeListener<ProgressCharts.Period>) change -> showPeriods());
    vm.bodyweights().addListener((ListChangeListener<ProgressCharts.Bodyweight>) change -> showBodyweight());
    vm.records().addListener((ListChangeListener<ExerciseRecords>) change -> {
      if (table.isFocused() && table.getSelectionModel().isEmpty() && !vm.records().isEmpty()) {
        table.getSelectionModel().select(0);
      }
    });
    vm.days().addListener((ListChangeListener<ProgressCharts.TrainingDay>) change -> showCalendar());
    vm.calendarStartProperty().addListener((obs, old, now) -> showCalendar());
  }

  public Node node() {
    return root;
  }

  public void focusDefault() {
    table.requestFocus();
    if (table.getSelectionModel().isEmpty() && !table.getItems().isEmpty()) {
      table.getSelectionModel().select(0);
    }
  }

  private void openSearched() {
    String name = search.getText();
    if (name != null && !name.isBlank()) {
      openExercise.accept(name);
    }
  }

  private HBox spanToggle() {
    ToggleGroup group = new ToggleGroup();
    HBox box = new HBox();
    ProgressCharts.Span[] spans = ProgressCharts.Span.values();
    for (int i = 0; i < spans.length; i++) {
      ProgressCharts.Span span = spans[i];
      ToggleButton button = new ToggleButton(span.title());
      button.setId("span-" + span.name().toLowerCase(java.util.Locale.ROOT));
      button.setToggleGroup(group);
      button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == spans.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      button.setFocusTraversable(false);
      button.setSelected(vm.spanProperty().get() == span);
      button.setOnAction(event -> {
        vm.spanProperty().set(span);
        button.setSelected(true);
      });
      box.getChildren().add(button);
    }
    HBox.setMargin(box, new Insets(0, 0, 0, 12));
    return box;
  }

  private void showCalendar() {
    calendar.show(vm.calendarStartProperty().get(), ProgressViewModel.CALENDAR_WEEKS, vm.today(), vm.days());
  }

  private void showPeriods() {
    List<ProgressCharts.Period> periods = vm.periods();
    if (periods.isEmpty()) {
      return;
    }
    boolean weeks = periods.size() < 2 || periods.get(1).start().minusDays(7).equals(periods.get(0).start());
    String per = weeks ? "week" : "month";
    String unit = vm.unitProperty().get();
    sessionsChart.setTitle("Sessions per " + per);
    volumeChart.setTitle("Volume per " + per + " (" + unit + ")");
    LocalDate from = periods.get(0).start();
    LocalDate to = periods.get(periods.size() - 1).start();
    ChartKit.show(sessionsChart, periods, ProgressCharts.Period::start, ProgressCharts.Period::sessions,
        p -> label(p.start(), weeks) + ": " + p.sessions() + (p.sessions() == 1 ? " session" : " sessions") + ", "
            + p.workingSets() + " working sets", from, to);
    ChartKit.show(volumeChart, periods, ProgressCharts.Period::start, ProgressCharts.Period::volume,
        p -> label(p.start(), weeks) + ": " + NumberText.volume(Math.round(p.volume())) + " " + unit, from, to);
    showBodyweight();
  }

  private void showBodyweight() {
    List<ProgressCharts.Bodyweight> points = vm.bodyweights();
    String unit = vm.unitProperty().get();
    bodyweightChart.setTitle(points.isEmpty() ? "Bodyweight (none logged yet)" : "Bodyweight (" + unit + ")");
    LocalDate from = vm.periods().isEmpty() ? vm.today().minusMonths(6) : vm.periods().get(0).start();
    if (!points.isEmpty() && points.get(0).date().isBefore(from)) {
      from = points.get(0).date();
    }
    ChartKit.show(bodyweightChart, points, ProgressCharts.Bodyweight::date, ProgressCharts.Bodyweight::value,
        p -> Formats.date(p.date()) + ": " + NumberText.format(Math.round(p.value() * 10) / 10.0) + " " + unit,
        from, vm.today());
  }

  private static String label(LocalDate start, boolean week) {
    return Formats.period(start, week);
  }

  private void buildTable() {
    table.setId("records-table");
    table.setItems(vm.records());
    table.setPlaceholder(new Label("No records yet: they come from working sets (reps and weight, not warm-ups)."));
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.setFixedCellSize(52);
    table.prefHeightProperty().bind(javafx.beans.binding.Bindings.max(200,
        javafx.beans.binding.Bindings.size(vm.records()).multiply(52).add(40)));
    table.setMinHeight(200);
    TableColumn<ExerciseRecords, String> name = new TableColumn<>("Exercise");
    name.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().exercise()));
    name.setPrefWidth(220);
    table.getColumns().add(name);
    for (RecordKind kind : RecordKind.values()) {
      TableColumn<ExerciseRecords, RecordValue> column = new TableColumn<>(kind.title());
      column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().get(kind)));
      column.setCellFactory(c -> new RecordCell());
      column.setPrefWidth(150);
      column.setSortable(false);
      table.getColumns().add(column);
    }
    TableColumn<ExerciseRecords, RepsAtWeight> reps = new TableColumn<>("Most reps");
    reps.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().mostReps()));
    reps.setCellFactory(c -> new TableCell<>() {
      @Override
      protected void updateItem(RepsAtWeight item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        setGraphic(empty || item == null ? null : twoLines(item.reps() + " × " + ExerciseHistoryDialog.amount(item.weight(),
            vm.unitProperty().get()), Formats.date(item.date())));
      }
    });
    reps.setPrefWidth(150);
    reps.setSortable(false);
    table.getColumns().add(reps);
    table.setRowFactory(t -> {
      TableRow<ExerciseRecords> row = new TableRow<>();
      row.setOnMouseClicked(event -> {
        if (event.getClickCount() == 2 && row.getItem() != null) {
          openExercise.accept(row.getItem().exercise());
        }
      });
      return row;
    });
    table.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ENTER && table.getSelectionModel().getSelectedItem() != null) {
        openExercise.accept(table.getSelectionModel().getSelectedItem().exercise());
        event.consume();
      }
    });
  }

  private final class RecordCell extends TableCell<ExerciseRecords, RecordValue> {
    @Override
    protected void updateItem(RecordValue item, boolean empty) {
      super.updateItem(item, empty);
      setText(null);
      setGraphic(empty ? null : item == null ? new Label("—") : twoLines(ExerciseHistoryDialog.amount(item.value(),
          vm.unitProperty().get()), Formats.date(item.date())));
    }
  }

  private static Node twoLines(String value, String date) {
    Label top = new Label(value);
    top.getStyleClass().add(Styles.TEXT_BOLD);
    Label bottom = new Label(date);
    bottom.getStyleClass().addAll("muted", "record-date");
    return new VBox(0, top, bottom);
  }
}
