package dev.setwise.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.Unit;
import dev.setwise.ui.activity.ActivityView;
import dev.setwise.ui.progress.ExerciseHistoryDialog;
import dev.setwise.ui.progress.ExerciseNameCompletion;
import dev.setwise.ui.progress.HistoryRecordsColumn;
import dev.setwise.ui.progress.PlateCalculatorDialog;
import dev.setwise.ui.progress.ProgressSettingsDialog;
import dev.setwise.ui.progress.ProgressView;
import dev.setwise.ui.progress.SessionProgressPanel;
import dev.setwise.ui.progress.WorkoutExtras;
import dev.setwise.ui.common.Formats;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import dev.setwise.ui.common.Lazy;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.ScrollToFocus;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.DataDialogs;
import dev.setwise.ui.data.FilePicker;
import dev.setwise.ui.history.HistoryView;
import dev.setwise.ui.plan.PlansView;
import dev.setwise.ui.sync.ConflictReviewDialog;
import dev.setwise.ui.sync.ConflictReviewViewModel;
import dev.setwise.ui.sync.SyncIndicatorView;
import dev.setwise.ui.sync.SyncSchedule;
import dev.setwise.ui.sync.SyncSettingsDialog;
import dev.setwise.ui.sync.SyncSettingsViewModel;
import dev.setwise.ui.workout.WorkoutView;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The main window: menus, the header (screens, busy indicator, profile switcher) and the screens.
 * Every action lives in one table with its shortcut, so menus, tooltips and the keyboard agree;
 * shortcuts are caught by a scene filter before a text field can swallow them. Each screen is built
 * the first time it is shown (the first window has only the menus, the header and "Opening your
 * workouts…"), so the window appears without waiting for screens nobody has asked for yet.
 */
public final class MainWindow {

  private final MainViewModel vm;
  private final Stage stage;
  private final BorderPane root = new BorderPane();
  private final StackPane content = new StackPane();
  private final PopupFill popupFill;
  private final Lazy<WorkoutView> workout = Lazy.of(this::buildWorkout);
  private final Lazy<PlansView> plans = Lazy.of(this::buildPlans);
  private final Lazy<HistoryView> history = Lazy.of(this::buildHistory);
  private final Lazy<ActivityView> activity = Lazy.of(this::buildActivity);
  private final Lazy<ProgressView> progress = Lazy.of(this::buildProgress);
  private final ExerciseNameCompletion completion;
  private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
  private final DataDialogs data;
  private final AppMenus menus;
  private final ZoneId zone;
  private final SyncSchedule syncSchedule;

  public MainWindow(MainViewModel vm, Stage stage, ZoneId zone, FilePicker files) {
    this.vm = vm;
    this.stage = stage;
    this.zone = zone;
    this.data = new DataDialogs(stage, files, () -> vm.preferences().fileFolder(), vm::rememberFolder,
        vm.noticeProperty()::set);
    this.completion = new ExerciseNameCompletion(vm.progress().exerciseNames());
    this.popupFill = new PopupFill(() -> vm.darkProperty().get());
    Label opening = new Label("Opening your workouts…");
    opening.getStyleClass().add("empty-note");
    opening.setId("opening-note");
    // The screens' place; its ids let tests and the start-up benchmark see the first screen arrive.
    content.setId("screens");
    opening.visibleProperty().bind(vm.readyProperty().not());
    content.getChildren().add(opening);

    menus = new AppMenus(vm, stage, workout, plans, data, new Commands());
    Node syncIndicator = SyncIndicatorView.build(vm.sync(), this::reviewConflicts, this::syncSettings);
    VBox top = new VBox(menus.menuBar(), AppHeader.build(vm, syncIndicator, this::newProfile, this::editProfile,
        () -> WarmupRestDialog.show(stage, vm), () -> new ProfileDeletionDialog(vm, stage).show()),
        Views.banner(vm.errorProperty(), Styles.DANGER),
        Views.banner(vm.warningProperty(), Styles.WARNING), Views.banner(vm.noticeProperty(), Styles.ACCENT));
    root.setTop(top);
    root.setCenter(content);

    StackPane shell = new StackPane(root, closingNote());
    Scene scene = new Scene(shell);
    scene.getStylesheets().add(MainWindow.class.getResource("/dev/setwise/ui/setwise.css").toExternalForm());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, menus::shortcut);
    ScrollToFocus.install(scene);
    completion.install(scene);
    stage.setScene(scene);
    stage.setTitle("Setwise");
    WindowPlace.limit(stage);
    // Compact below 740 pixels.
    Compact.install(scene, shell);
    popupFill.install();
    applyTheme(vm.darkProperty().get());
    vm.darkProperty().addListener((obs, old, dark) -> applyTheme(dark));
    // On the stage of the opening window (or after a restore) it stays where the person has it now.
    if (!stage.isShowing()) {
      WindowPlace.apply(stage, vm.preferences().window());
    }
    syncSchedule = new SyncSchedule(vm.sync());
    syncSchedule.start();
    // Closing waits for the last saves (and asks when something would be lost) before the window goes.
    stage.setOnCloseRequest(event -> {
      event.consume();
      close();
    });
    // A screen is built when it is first shown: once the profile is read, the first one.
    vm.screenProperty().addListener((obs, old, now) -> {
      screen(now);
      Platform.runLater(this::focusScreen);
    });
    vm.workout().modeProperty().addListener((obs, old, now) -> {
      if (vm.screenProperty().get() == Screen.WORKOUT) {
        Platform.runLater(this::focusScreen);
      }
    });
    vm.readyProperty().addListener((obs, old, now) -> {
      screen(vm.screenProperty().get());
      Platform.runLater(this::focusScreen);
    });
    vm.workoutInProgressProperty().addListener((obs, old, asked) -> {
      if (asked) {
        Platform.runLater(() -> {
          vm.workoutInProgressProperty().set(false);
          offerWorkoutInProgress();
        });
      }
    });
  }

  /** The File menu: new workout and plan, Export…, Import…, Backups…, Quit. */
  public Menu fileMenu() {
    return menus.fileMenu();
  }

  /**
   * Before the window is rebuilt on another database (after a restore): remembers its place and
   * stops its timers, as closing it would.
   */
  public void retire() {
    popupFill.remove();
    rememberWindow();
    workout.ifBuilt(WorkoutView::dispose);
    syncSchedule.stop();
    vm.sync().dispose();
  }

  public Stage stage() {
    return stage;
  }

  // ---- screens, each built on first show ----

  /** The node of {@code which}, built (and put in the window) the first time it is asked for. */
  private Node screen(Screen which) {
    return screens.computeIfAbsent(which, key -> {
      Node node = switch (key) {
        case WORKOUT -> workout.get().node();
        case PLANS -> plans.get().node();
        case HISTORY -> history.get().node();
        case PROGRESS -> progress.get().node();
        case ACTIVITY -> activity.get().node();
      };
      node.visibleProperty().bind(vm.screenProperty().isEqualTo(key));
      // Under "Opening your workouts…", which is the last child.
      content.getChildren().add(content.getChildren().size() - 1, node);
      return node;
    });
  }

  private WorkoutView buildWorkout() {
    WorkoutView view = new WorkoutView(vm.workout(), vm, zone);
    view.setConfirmations(this::confirmComplete, this::confirmDiscard);
    view.setExtras(new WorkoutExtras(vm.progress().insights(), this::openExerciseHistory, this::openPlates));
    return view;
  }

  private PlansView buildPlans() {
    return new PlansView(vm.plans());
  }

  private HistoryView buildHistory() {
    HistoryView view = new HistoryView(vm.history(), vm.detail(), vm::closeDetail, vm.showingDetailProperty(), zone);
    view.detail().setExtras(new SessionProgressPanel(() -> vm.data().context().progress(), vm.tasks(),
        vm.profileProperty(), vm.detail().sessionProperty()).node(), this::historyButton);
    HistoryRecordsColumn.install(view.table(), () -> vm.data().context().progress(), vm.tasks(),
        vm.profileProperty());
    return view;
  }

  private ActivityView buildActivity() {
    return new ActivityView(vm.activity(), zone);
  }

  private ProgressView buildProgress() {
    return new ProgressView(vm.progress().screen(), completion, this::openExerciseHistory);
  }

  /** Whether {@code which} has been shown (and so built) in this window. */
  public boolean isBuilt(Screen which) {
    return screens.containsKey(which);
  }

  // ---- commands ----

  /** The commands of the menus that need the window. */
  private final class Commands implements AppMenus.Window {
    @Override
    public void newWorkout() {
      MainWindow.this.newWorkout();
    }

    @Override
    public void newPlan() {
      MainWindow.this.newPlan();
    }

    @Override
    public void searchHistory() {
      MainWindow.this.searchHistory();
    }

    @Override
    public void confirmComplete() {
      MainWindow.this.confirmComplete();
    }

    @Override
    public void confirmDiscard() {
      MainWindow.this.confirmDiscard();
    }

    @Override
    public void platesForFocusedField() {
      MainWindow.this.platesForFocusedField();
    }

    @Override
    public void barAndPlates() {
      new ProgressSettingsDialog(vm.progress()).show(stage);
    }

    @Override
    public void quit() {
      close();
    }

    @Override
    public void newProfile() {
      MainWindow.this.newProfile();
    }

    @Override
    public void editProfile() {
      MainWindow.this.editProfile();
    }

    @Override
    public void warmupRest() {
      WarmupRestDialog.show(stage, vm);
    }

    @Override
    public void deleteProfile() {
      new ProfileDeletionDialog(vm, stage).show();
    }

    @Override
    public void syncSettings() {
      MainWindow.this.syncSettings();
    }

    @Override
    public void reviewConflicts() {
      MainWindow.this.reviewConflicts();
    }
  }

  // ---- sync ----

  private void syncSettings() {
    if (vm.profileProperty().get() != null) {
      SyncSettingsDialog.show(stage, new SyncSettingsViewModel(vm.sync()), this::reviewConflicts);
    }
  }

  private void reviewConflicts() {
    if (vm.profileProperty().get() != null) {
      ConflictReviewDialog.show(stage, new ConflictReviewViewModel(vm.sync(), vm::changedBySync));
    }
  }

  private void newWorkout() {
    if (vm.workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE) {
      offerWorkoutInProgress();
      return;
    }
    vm.workout().refresh();
    vm.show(Screen.WORKOUT);
  }

  /** A start was asked for during a workout: says one is in progress and offers to open it. */
  private void offerWorkoutInProgress() {
    WorkoutViewModel w = vm.workout();
    Session current = w.sessionProperty().get();
    if (current == null) {
      return;
    }
    String what = "\u201c" + current.structure().name() + "\u201d, started at "
        + Formats.time(current.startedAt(), zone) + ", is in progress: " + w.active().progressProperty().get() + "."
        + "\nComplete or discard it before you start another one.";
    if (Views.confirm(stage, "A workout is in progress", what, "Open the workout")) {
      vm.show(Screen.WORKOUT);
      Platform.runLater(this::focusScreen);
    }
  }

  private void newPlan() {
    vm.show(Screen.PLANS);
    plans.get().newPlan();
  }

  private void searchHistory() {
    if (vm.showingDetailProperty().get()) {
      vm.closeDetail();
    }
    vm.show(Screen.HISTORY);
    Platform.runLater(() -> history.get().focusSearch());
  }

  private void confirmComplete() {
    WorkoutViewModel w = vm.workout();
    if (w.modeProperty().get() != WorkoutViewModel.Mode.ACTIVE) {
      return;
    }
    if (Views.confirm(stage, "Complete this workout?", w.active().progressProperty().get()
        + ".\nA completed workout is kept in History and can no longer be changed.", "Complete")) {
      w.complete();
    }
  }

  private void confirmDiscard() {
    WorkoutViewModel w = vm.workout();
    if (w.modeProperty().get() != WorkoutViewModel.Mode.ACTIVE) {
      return;
    }
    if (Views.confirm(stage, "Discard this workout?",
        "Everything logged in it is deleted. This cannot be undone.", "Discard")) {
      w.discard();
    }
  }

  /**
   * Closes the window once every save asked for is on disk. While that takes more than a moment
   * the window says so; when something would be lost it asks first.
   */
  private void close() {
    if (vm.closingProperty().get()) {
      return;
    }
    rememberWindow();
    root.setDisable(true);
    vm.finishBeforeClosing(this::hideNow, lost -> {
      root.setDisable(false);
      if (!stage.isShowing()) {
        workout.ifBuilt(WorkoutView::dispose);
      } else if (Views.confirm(stage, "Close without saving?",
          lost + "\n\nClose Setwise anyway, or stay and fix it?", "Close anyway")) {
        hideNow();
      }
    });
  }

  private void hideNow() {
    popupFill.remove();
    workout.ifBuilt(WorkoutView::dispose);
    syncSchedule.stop();
    vm.sync().dispose();
    if (stage.isShowing()) {
      stage.hide();
    }
  }

  /** "Finishing your last saves…" over the window, once closing has taken more than a moment. */
  private Node closingNote() {
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.setPrefSize(36, 36);
    Label title = new Label("Finishing your last saves…");
    title.getStyleClass().add(Styles.TITLE_3);
    Label detail = new Label("Setwise closes by itself as soon as they are on disk.");
    detail.getStyleClass().add("muted");
    VBox card = new VBox(12, spinner, title, detail);
    card.setAlignment(Pos.CENTER);
    card.getStyleClass().addAll("card", "closing-card");
    card.setMaxSize(javafx.scene.layout.Region.USE_PREF_SIZE, javafx.scene.layout.Region.USE_PREF_SIZE);
    StackPane note = new StackPane(card);
    note.getStyleClass().add("closing-note");
    note.setId("closing-note");
    note.setVisible(false);
    PauseTransition moment = new PauseTransition(Duration.millis(400));
    moment.setOnFinished(event -> note.setVisible(vm.closingProperty().get()));
    vm.closingProperty().addListener((obs, old, now) -> {
      if (now) {
        moment.playFromStart();
      } else {
        moment.stop();
        note.setVisible(false);
      }
    });
    return note;
  }

  private void focusScreen() {
    if (!vm.readyProperty().get()) {
      return;
    }
    switch (vm.screenProperty().get()) {
      case WORKOUT -> workout.get().focusDefault();
      case PLANS -> plans.get().focusDefault();
      case HISTORY -> history.get().focusDefault();
      case PROGRESS -> progress.get().focusDefault();
      case ACTIVITY -> activity.get().focusDefault();
    }
  }

  // ---- progress ----

  private void openExerciseHistory(String name) {
    new ExerciseHistoryDialog(vm.progress().exerciseHistory(), vm.progress()).show(stage, name);
  }

  private Node historyButton(String exercise) {
    javafx.scene.control.Button button = Views.button("History", MaterialDesignC.CHART_LINE);
    button.getStyleClass().add(Styles.FLAT);
    button.setAccessibleText("History of " + exercise);
    button.setOnAction(event -> openExerciseHistory(exercise));
    return button;
  }

  private void openPlates(String weight) {
    var settings = vm.progress().settingsProperty().get();
    Profile current = vm.profileProperty().get();
    if (settings == null || current == null) {
      return;
    }
    // Bar and plates are kept in the profile's unit.
    new PlateCalculatorDialog(settings, current.unit().code()).show(stage, weight);
  }

  /** The shortcut: the plates for the weight in the focused field, when it is a weight field. */
  private void platesForFocusedField() {
    Node focused = stage.getScene().getFocusOwner();
    String weight = null;
    if (focused instanceof javafx.scene.control.TextField field && field.getAccessibleText() != null
        && field.getAccessibleText().toLowerCase(java.util.Locale.ROOT).contains("weight")) {
      weight = field.getText();
    }
    openPlates(weight);
  }

  private void newProfile() {
    ProfileDialog.show(stage, "New profile", "", vm.profileProperty().get() == null ? Unit.KG : vm.profileProperty().get().unit(),
        "Create", (name, unit, done, failed) -> vm.addProfile(name, unit, done, failed));
  }

  private void editProfile() {
    Profile current = vm.profileProperty().get();
    if (current != null) {
      ProfileDialog.show(stage, "Edit profile", current.name(), current.unit(), "Save",
          (name, unit, done, failed) -> vm.updateProfile(name, unit, done, failed));
    }
  }

  // ---- theme and window ----

  private static void applyTheme(boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
  }

  private void rememberWindow() {
    if (stage.isIconified()) {
      return;
    }
    vm.remember(vm.preferences().withWindow(new UiPreferences.WindowBounds(stage.getX(), stage.getY(),
        stage.getWidth(), stage.getHeight(), stage.isMaximized())));
  }
}
