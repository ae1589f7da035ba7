package dev.setwise.ui.workout;

import atlantafx.base.theme.Styles;
import dev.setwise.domain.PlanSummary;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The start form of the workout screen: plan, date, Start, or Start an empty workout; layout and bindings only. */
final class StartFormView {

  private final StartFormViewModel vm;
  private final Navigator navigator;
  private final VBox form = new VBox();
  private final StackPane root;
  private final ComboBox<PlanSummary> planChoice = new ComboBox<>();
  private Button empty;

  StartFormView(StartFormViewModel vm, Navigator navigator) {
    this.vm = vm;
    this.navigator = navigator;
    build();
    root = new StackPane(form);
    StackPane.setAlignment(form, Pos.TOP_CENTER);
    root.setPadding(new Insets(40, 20, 20, 20));
  }

  Node node() {
    return root;
  }

  /** The plan choice; "Start an empty workout" while there is no plan. */
  void focusDefault() {
    if (vm.plans().isEmpty()) {
      empty.requestFocus();
    } else {
      planChoice.requestFocus();
    }
  }

  private void build() {
    form.getStyleClass().addAll("card", "start-form");
    form.setMaxHeight(Region.USE_PREF_SIZE);
    Label title = new Label("Start a workout");
    title.getStyleClass().add("screen-title");
    Label planLabel = new Label("Plan");
    planChoice.setItems(vm.plans());
    planChoice.valueProperty().bindBidirectional(vm.chosenPlanProperty());
    planChoice.setMaxWidth(Double.MAX_VALUE);
    planChoice.getStyleClass().add("big-input");
    planChoice.setCellFactory(list -> new PlanCell());
    planChoice.setButtonCell(new PlanCell());
    planChoice.setPromptText("No plans yet");
    planLabel.setLabelFor(planChoice);
    Label dateLabel = new Label("Date");
    DatePicker date = new DatePicker();
    Views.lenientDates(date);
    date.valueProperty().bindBidirectional(vm.dateProperty());
    date.setMaxWidth(Double.MAX_VALUE);
    date.getStyleClass().add("big-input");
    dateLabel.setLabelFor(date);
    Button start = Views.button("Start workout", MaterialDesignP.PLAY);
    start.getStyleClass().addAll(Styles.ACCENT, Styles.LARGE);
    start.defaultButtonProperty().bind(Bindings.isNotEmpty(vm.plans()));
    start.setMaxWidth(Double.MAX_VALUE);
    start.setId("start-workout");
    start.setOnAction(event -> vm.start());
    Views.tip(start, "Start the workout from the plan", null);
    start.disableProperty().bind(vm.busyProperty().or(Bindings.isEmpty(vm.plans())));

    empty = Views.button("Start an empty workout", MaterialDesignP.PLUS_CIRCLE_OUTLINE);
    empty.setId("start-empty-workout");
    empty.setMaxWidth(Double.MAX_VALUE);
    empty.setOnAction(event -> vm.startEmpty());
    empty.defaultButtonProperty().bind(Bindings.isEmpty(vm.plans()));
    empty.disableProperty().bind(vm.busyProperty());
    Views.tip(empty, "A workout without a plan: add exercises as you go", null);
    Label emptyNote = new Label("No plan needed: add each exercise as you go.");
    emptyNote.getStyleClass().add("muted");
    emptyNote.setWrapText(true);

    form.getChildren().addAll(title, planLabel, planChoice, dateLabel, date, noPlans(), start, empty, emptyNote,
        problem());
  }

  /** Why the start was refused; with "Resume" when a workout is in progress already. */
  private Node problem() {
    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    error.setId("start-error");
    error.textProperty().bind(vm.startErrorProperty());
    Button resume = Views.button("Resume the workout in progress", MaterialDesignP.PLAY_CIRCLE_OUTLINE);
    resume.getStyleClass().add(Styles.SUCCESS);
    resume.setId("resume-workout");
    resume.setOnAction(event -> navigator.resumeWorkout());
    resume.visibleProperty().bind(vm.conflictProperty());
    resume.managedProperty().bind(resume.visibleProperty());
    VBox problem = new VBox(8, error, resume);
    problem.getStyleClass().add(Styles.BG_DANGER_SUBTLE);
    problem.setPadding(new Insets(10));
    problem.visibleProperty().bind(vm.startErrorProperty().isNotNull());
    problem.managedProperty().bind(problem.visibleProperty());
    return problem;
  }

  private Node noPlans() {
    Button toPlans = Views.button("Go to Plans", MaterialDesignC.CLIPBOARD_LIST_OUTLINE);
    toPlans.setOnAction(event -> navigator.show(Navigator.Screen.PLANS));
    Label noPlans = new Label("You have no plans yet: create one to start from, or start an empty workout.");
    noPlans.setWrapText(true);
    HBox empty = new HBox(12, noPlans, toPlans);
    empty.setAlignment(Pos.CENTER_LEFT);
    empty.visibleProperty().bind(Bindings.isEmpty(vm.plans()));
    empty.managedProperty().bind(empty.visibleProperty());
    return empty;
  }

  private static final class PlanCell extends ListCell<PlanSummary> {
    @Override
    protected void updateItem(PlanSummary item, boolean empty) {
      super.updateItem(item, empty);
      setText(empty || item == null ? null : item.name() + "  ·  " + item.exerciseCount()
          + (item.exerciseCount() == 1 ? " exercise" : " exercises"));
    }
  }
}
