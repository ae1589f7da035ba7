package dev.setwise.ui.progress;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.SetType;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.LoggedSet;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.domain.progress.RepsAtWeight;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.Views;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * One exercise's history in its own window: e1RM and volume over time, records, rep maxes (1 to
 * 12 reps) with their dates, the most reps at each weight, and the newest sessions with their sets.
 */
public final class ExerciseHistoryDialog {

  private final ExerciseHistoryViewModel vm;
  private final ProgressModels models;
  private final LineChart<Number, Number> e1rmChart = ChartKit.line("Best e1RM", "");
  private final AreaChart<Number, Number> volumeChart = ChartKit.area("Volume", "");
  private final GridPane records = new GridPane();
  private final GridPane repMaxes = new GridPane();
  private final Label repsAtWeight = new Label();
  private final ListView<ExerciseHistoryViewModel.SessionLine> sessions = new ListView<>();
  private final Label title = new Label();
  private final Label subtitle = new Label();

  public ExerciseHistoryDialog(ExerciseHistoryViewModel vm, ProgressModels models) {
    this.vm = vm;
    this.models = models;
  }

  /** Opens the window for {@code name} and waits until it is closed. */
  public void show(Window owner, String name) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Exercise history");
    dialog.setResizable(true);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.getDialogPane().setContent(content(owner));
    dialog.getDialogPane().getStyleClass().add("exercise-history");
    Rectangle2D screen = Screen.getPrimary().getVisualBounds();
    double width = Math.min(1180, screen.getWidth() - 24);
    double height = Math.min(820, screen.getHeight() - 24);
    dialog.getDialogPane().setPrefSize(width, height);
    dialog.setWidth(width);
    dialog.setHeight(height);
    dialog.setOnShown(event -> {
      dialog.setWidth(width);
      dialog.setHeight(height);
      dialog.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
      dialog.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
    });
    vm.open(name);
    dialog.showAndWait();
  }

  private VBox content(Window owner) {
    title.getStyleClass().add("screen-title");
    title.setId("exercise-history-title");
    title.textProperty().bind(vm.exerciseProperty());
    subtitle.getStyleClass().add("muted");
    Button rename = Views.button("Rename or merge…", MaterialDesignR.RENAME_BOX);
    rename.setOnAction(event -> rename(owner));
    ChoiceBox<OneRepMax.Formula> formula = new ChoiceBox<>();
    formula.getItems().setAll(OneRepMax.Formula.values());
    formula.valueProperty().bindBidirectional(vm.formulaProperty());
    formula.setConverter(new javafx.util.StringConverter<>() {
      @Override
      public String toString(OneRepMax.Formula value) {
        return value == null ? "" : "e1RM: " + value.title();
      }

      @Override
      public OneRepMax.Formula fromString(String text) {
        return null;
      }
    });
    formula.setAccessibleText("e1RM formula");
    HBox head = new HBox(12, new VBox(2, title, subtitle), new Spacer(), spanToggle(), formula, rename);
    head.setAlignment(Pos.CENTER_LEFT);

    e1rmChart.setId("e1rm-chart");
    volumeChart.setId("volume-chart");
    HBox charts = new HBox(12, e1rmChart, volumeChart);
    HBox.setHgrow(e1rmChart, Priority.ALWAYS);
    HBox.setHgrow(volumeChart, Priority.ALWAYS);

    records.setHgap(16);
    records.setVgap(4);
    repMaxes.setHgap(16);
    repMaxes.setVgap(2);
    repMaxes.setId("rep-max-table");
    repsAtWeight.setWrapText(true);
    repsAtWeight.getStyleClass().add("muted");
    VBox left = new VBox(10, heading("Records"), records, heading("Rep maxes"), repMaxes, heading("Most reps at a weight"),
        repsAtWeight);
    left.setMinWidth(380);
    left.setPrefWidth(400);
    ScrollPane leftScroll = new ScrollPane(left);
    leftScroll.setFitToWidth(true);
    leftScroll.getStyleClass().add("edge-to-edge");

    sessions.setId("exercise-sessions");
    sessions.setItems(vm.sessions());
    sessions.setPlaceholder(new Label("No completed session has a working set of it yet."));
    sessions.setCellFactory(list -> new SessionCell());
    VBox right = new VBox(6, heading("Sessions, newest first"), sessions);
    VBox.setVgrow(sessions, Priority.ALWAYS);
    HBox.setHgrow(right, Priority.ALWAYS);
    HBox lower = new HBox(16, leftScroll, right);
    VBox.setVgrow(lower, Priority.ALWAYS);

    VBox root = new VBox(12, head, Views.banner(vm.errorProperty(), Styles.DANGER), charts, lower);
    root.setPadding(new Insets(4, 4, 0, 4));
    vm.historyProperty().addListener((obs, old, now) -> showHistory(now));
    vm.trend().addListener((ListChangeListener<ProgressCharts.ExercisePoint>) change -> showTrend());
    vm.formulaProperty().addListener((obs, old, now) -> {
      showTrend();
      sessions.refresh();
    });
    return root;
  }

  private HBox spanToggle() {
    ToggleGroup group = new ToggleGroup();
    HBox box = new HBox();
    ProgressCharts.Span[] spans = ProgressCharts.Span.values();
    for (int i = 0; i < spans.length; i++) {
      ProgressCharts.Span span = spans[i];
      ToggleButton button = new ToggleButton(span.title());
      button.setToggleGroup(group);
      button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == spans.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      button.setSelected(vm.spanProperty().get() == span);
      button.setOnAction(event -> {
        vm.spanProperty().set(span);
        button.setSelected(true);
      });
      box.getChildren().add(button);
    }
    return box;
  }

  private void showHistory(ExerciseHistory history) {
    if (history == null) {
      return;
    }
    String unit = history.unit().code();
    subtitle.setText(history.totalSessions() + (history.totalSessions() == 1 ? " session" : " sessions")
        + " with working sets · weights in " + unit);
    e1rmChart.getYAxis().setLabel(unit);
    volumeChart.getYAxis().setLabel(unit);
    records.getChildren().clear();
    int row = 0;
    for (RecordKind kind : RecordKind.values()) {
      RecordValue value = history.records().get(kind);
      records.addRow(row++, new Label(kind.title()), strong(value == null ? "—" : amount(value.value(), unit)),
          muted(value == null ? "" : Formats.date(value.date())));
    }
    RepsAtWeight most = history.records().mostReps();
    records.addRow(row, new Label("Most reps"), strong(most == null ? "—"
        : most.reps() + " × " + amount(most.weight(), unit)), muted(most == null ? "" : Formats.date(most.date())));
    repMaxes.getChildren().clear();
    repMaxes.addRow(0, muted("Reps"), muted("Best weight"), muted("Date"));
    for (int reps = 1; reps <= OneRepMax.MAX_REPS; reps++) {
      RecordValue value = history.repMaxes().get(reps);
      Label repsLabel = new Label(Integer.toString(reps));
      repsLabel.setMinWidth(36);
      repMaxes.addRow(reps, repsLabel, value == null ? muted("—") : strong(amount(value.value(), unit)),
          muted(value == null ? "" : Formats.date(value.date())));
    }
    List<RepsAtWeight> byWeight = history.repsAtWeight();
    int from = Math.max(0, byWeight.size() - 12);
    repsAtWeight.setText(byWeight.isEmpty() ? "—" : byWeight.subList(from, byWeight.size()).stream()
        .map(r -> r.reps() + " × " + NumberText.format(round(r.weight()))).collect(Collectors.joining(", "))
        + " " + unit + (from > 0 ? " (heaviest " + (byWeight.size() - from) + " weights)" : ""));
    showTrend();
  }

  private void showTrend() {
    ExerciseHistory history = vm.historyProperty().get();
    if (history == null) {
      return;
    }
    String unit = history.unit().code();
    OneRepMax.Formula formula = vm.formulaProperty().get();
    List<ProgressCharts.ExercisePoint> points = vm.trend();
    // "All" comes by week for a short history: a week starts on a Monday, rarely the 1st.
    boolean weeks = vm.spanProperty().get() == ProgressCharts.Span.WEEKS
        || points.stream().anyMatch(p -> p.start().getDayOfMonth() != 1);
    LocalDate today = models.screen().today();
    LocalDate from = points.isEmpty() ? today.minusMonths(1) : vm.spanProperty().get() == ProgressCharts.Span.ALL
        ? points.get(0).start() : weeks ? today.minusWeeks(ProgressCharts.Span.WEEKS.buckets())
        : today.minusMonths(ProgressCharts.Span.MONTHS.buckets());
    e1rmChart.setTitle("Best e1RM (" + formula.title() + ") per " + (weeks ? "week" : "month"));
    volumeChart.setTitle("Volume per " + (weeks ? "week" : "month"));
    ChartKit.show(e1rmChart, points, ProgressCharts.ExercisePoint::start, p -> p.bestE1rm(formula),
        p -> period(p.start(), weeks) + ": best e1RM " + amount(p.bestE1rm(formula), unit), from, today);
    ChartKit.show(volumeChart, points, ProgressCharts.ExercisePoint::start, ProgressCharts.ExercisePoint::volume,
        p -> period(p.start(), weeks) + ": " + NumberText.volume(round(p.volume())) + " " + unit + " in " + p.sessions()
            + (p.sessions() == 1 ? " session" : " sessions"), from, today);
  }

  private void rename(Window owner) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Rename or merge");
    dialog.setHeaderText("Rename " + vm.exerciseProperty().get());
    ButtonType ok = new ButtonType("Rename", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    TextField to = new TextField(vm.exerciseProperty().get());
    to.setPromptText(ExerciseNameCompletion.PROMPT_PREFIX + ": the new name, or one to merge into");
    to.setPrefColumnCount(28);
    new ExerciseNameCompletion(models.exerciseNames()).attach(to);
    Label hint = new Label("Type a new name, or the name of another exercise to count both as one. Workouts "
        + "already logged keep the name they were logged with; history and records use the new one.");
    hint.setWrapText(true);
    hint.getStyleClass().add("muted");
    Label error = new Label();
    error.getStyleClass().add("field-error");
    VBox box = new VBox(10, to, hint, error);
    box.setPrefWidth(480);
    dialog.getDialogPane().setContent(box);
    Button button = (Button) dialog.getDialogPane().lookupButton(ok);
    button.addEventFilter(ActionEvent.ACTION, event -> {
      event.consume();
      button.setDisable(true);
      vm.rename(to.getText(), () -> {
        models.refreshShared();
        dialog.setResult(ok);
        dialog.close();
      }, message -> {
        button.setDisable(false);
        error.setText(message);
      });
    });
    Platform.runLater(to::requestFocus);
    dialog.showAndWait();
  }

  private final class SessionCell extends ListCell<ExerciseHistoryViewModel.SessionLine> {
    @Override
    protected void updateItem(ExerciseHistoryViewModel.SessionLine item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      ExerciseHistory history = vm.historyProperty().get();
      String unit = history == null ? "" : history.unit().code();
      Double e1rm = item.session().bestE1rm(vm.formulaProperty().get());
      Label top = new Label(Formats.date(item.session().date()) + " · " + item.session().sets()
          + (item.session().sets() == 1 ? " set" : " sets") + " · " + NumberText.volume(round(item.session().volume()))
          + " " + unit + (e1rm == null ? "" : " · best e1RM " + amount(e1rm, unit)));
      top.getStyleClass().add(Styles.TEXT_BOLD);
      Label sets = new Label(item.sets().stream().map(ExerciseHistoryDialog::setText).collect(Collectors.joining(",  ")));
      sets.getStyleClass().add("muted");
      sets.setWrapText(true);
      VBox box = new VBox(2, top, sets);
      box.setMaxWidth(Double.MAX_VALUE);
      setGraphic(box);
      setText(null);
    }
  }

  static String setText(LoggedSet set) {
    String text = (set.weight() == null ? "" : NumberText.format(round(set.weight())) + " × ")
        + (set.reps() == null ? "?" : set.reps()) + (set.rpe() == null ? "" : " @ " + NumberText.format(set.rpe()));
    return set.type() == SetType.WARMUP ? text + " (warm-up)" : text;
  }

  private static String period(LocalDate start, boolean week) {
    return Formats.period(start, week);
  }

  static String amount(Double value, String unit) {
    return value == null ? "—" : NumberText.format(round(value)) + " " + unit;
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("chart-heading");
    return label;
  }

  private static Label strong(String text) {
    Label label = new Label(text);
    label.getStyleClass().add(Styles.TEXT_BOLD);
    return label;
  }

  private static Label muted(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("muted");
    return label;
  }
}
