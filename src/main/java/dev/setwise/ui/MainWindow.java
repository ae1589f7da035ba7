package dev.setwise.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.Profile;
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
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.DataDialogs;
import dev.setwise.ui.data.FilePicker;
import dev.setwise.ui.history.HistoryView;
import dev.setwise.ui.plan.PlansView;
import dev.setwise.ui.workout.WorkoutView;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The main window: menus, the header (screens, busy indicator, profile switcher) and the screens.
 * Every action lives in one table with its shortcut, so menus, tooltips and the keyboard agree;
 * shortcuts are caught by a scene filter before a text field can swallow them.
 */
public final class MainWindow {

  private static final double DEFAULT_WIDTH = 1280;
  private static final double DEFAULT_HEIGHT = 800;

  private final MainViewModel vm;
  private final Stage stage;
  private final BorderPane root = new BorderPane();
  private final WorkoutView workout;
  private final PlansView plans;
  private final HistoryView history;
  private final ActivityView activity;
  private final ProgressView progress;
  private final ExerciseNameCompletion completion;
  private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
  private final List<Action> actions = new ArrayList<>();
  private final Menu fileMenu = new Menu("_File");
  private final DataDialogs data;

  /** One command: its menu text, shortcut and when it may run. */
  private record Action(String text, KeyCombination shortcut, BooleanSupplier enabled, Runnable run, MenuItem item) {}

  public MainWindow(MainViewModel vm, Stage stage, ZoneId zone, FilePicker files) {
    this.vm = vm;
    this.stage = stage;
    this.data = new DataDialogs(stage, files, () -> vm.preferences().fileFolder(), vm::rememberFolder,
        vm.noticeProperty()::set);
    this.workout = new WorkoutView(vm.workout(), vm, zone);
    this.plans = new PlansView(vm.plans());
    this.history = new HistoryView(vm.history(), vm.detail(), vm::closeDetail, vm.showingDetailProperty(), zone);
    this.activity = new ActivityView(vm.activity(), zone);
    this.completion = new ExerciseNameCompletion(vm.progress().exerciseNames());
    this.progress = new ProgressView(vm.progress().screen(), completion, this::openExerciseHistory);
    workout.setConfirmations(this::confirmComplete, this::confirmDiscard);
    WorkoutExtras extras = new WorkoutExtras(vm.progress().insights(), this::openExerciseHistory, this::openPlates);
    workout.setExtras(extras::forExercise, extras::forSet);
    history.detail().setExtras(new SessionProgressPanel(() -> vm.data().context().progress(), vm.tasks(),
        vm.profileProperty(), vm.detail().sessionProperty()).node(), this::historyButton);
    HistoryRecordsColumn.install(history.table(), () -> vm.data().context().progress(), vm.tasks(),
        vm.profileProperty());
    screens.put(Screen.WORKOUT, workout.node());
    screens.put(Screen.PLANS, plans.node());
    screens.put(Screen.HISTORY, history.node());
    screens.put(Screen.PROGRESS, progress.node());
    screens.put(Screen.ACTIVITY, activity.node());

    StackPane content = new StackPane();
    for (Map.Entry<Screen, Node> entry : screens.entrySet()) {
      Node node = entry.getValue();
      node.visibleProperty().bind(vm.screenProperty().isEqualTo(entry.getKey()));
      content.getChildren().add(node);
    }
    Label opening = new Label("Opening your workouts…");
    opening.getStyleClass().add("empty-note");
    opening.visibleProperty().bind(vm.readyProperty().not());
    content.getChildren().add(opening);
    content.visibleProperty().set(true);

    VBox top = new VBox(menuBar(), header(), Views.banner(vm.errorProperty(), Styles.DANGER),
        Views.banner(vm.warningProperty(), Styles.WARNING), Views.banner(vm.noticeProperty(), Styles.ACCENT));
    root.setTop(top);
    root.setCenter(content);

    StackPane shell = new StackPane(root, closingNote());
    Scene scene = new Scene(shell);
    scene.getStylesheets().add(MainWindow.class.getResource("/dev/setwise/ui/setwise.css").toExternalForm());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::shortcut);
    completion.install(scene);
    stage.setScene(scene);
    stage.setTitle("Setwise");
    stage.setMinWidth(1000);
    stage.setMinHeight(620);
    applyTheme(vm.darkProperty().get());
    vm.darkProperty().addListener((obs, old, dark) -> applyTheme(dark));
    placeWindow(vm.preferences().window());
    // Closing waits for the last saves (and asks when something would be lost) before the window goes.
    stage.setOnCloseRequest(event -> {
      event.consume();
      close();
    });
    vm.screenProperty().addListener((obs, old, now) -> Platform.runLater(this::focusScreen));
    vm.workout().modeProperty().addListener((obs, old, now) -> {
      if (vm.screenProperty().get() == Screen.WORKOUT) {
        Platform.runLater(this::focusScreen);
      }
    });
    vm.readyProperty().addListener((obs, old, now) -> Platform.runLater(this::focusScreen));
  }

  /** The File menu: new workout and plan, Export…, Import…, Backups…, Quit. */
  public Menu fileMenu() {
    return fileMenu;
  }

  /**
   * Before the window is rebuilt on another database (after a restore): remembers its place and
   * stops its timers, as closing it would.
   */
  public void retire() {
    rememberWindow();
    workout.dispose();
  }

  public Stage stage() {
    return stage;
  }

  // ---- menus and shortcuts ----

  private MenuBar menuBar() {
    WorkoutViewModel w = vm.workout();
    BooleanSupplier logging = () -> vm.screenProperty().get() == Screen.WORKOUT
        && w.modeProperty().get() == WorkoutViewModel.Mode.ACTIVE;
    BooleanSupplier onPlans = () -> vm.screenProperty().get() == Screen.PLANS;
    BooleanSupplier planSelected = () -> onPlans.getAsBoolean() && vm.plans().selectedProperty().get() != null;
    BooleanSupplier always = () -> true;

    fileMenu.getItems().addAll(
        item("New workout", Shortcuts.NEW_SESSION, always, this::newWorkout, MaterialDesignP.PLAY),
        item("New plan", Shortcuts.NEW_PLAN, always, this::newPlan, MaterialDesignP.PLUS),
        new SeparatorMenuItem(),
        item("Export…", Shortcuts.EXPORT, () -> vm.profileProperty().get() != null,
            () -> data.export(vm.export()), MaterialDesignE.EXPORT),
        item("Import…", Shortcuts.IMPORT, () -> vm.profileProperty().get() != null,
            () -> data.importFile(vm.importer(), vm::switchToProfileNamed), MaterialDesignI.IMPORT),
        new SeparatorMenuItem(),
        item("Backups…", Shortcuts.BACKUPS, always, () -> data.backups(vm.backups()), MaterialDesignD.DATABASE_CLOCK_OUTLINE),
        new SeparatorMenuItem(),
        item("Quit", Shortcuts.QUIT, always, this::quit, null));

    Menu view = new Menu("_View");
    view.getItems().addAll(
        item("Workout", Shortcuts.SHOW_WORKOUT, always, () -> vm.show(Screen.WORKOUT), MaterialDesignD.DUMBBELL),
        item("Plans", Shortcuts.SHOW_PLANS, always, () -> vm.show(Screen.PLANS), MaterialDesignC.CLIPBOARD_LIST_OUTLINE),
        item("History", Shortcuts.SHOW_HISTORY, always, () -> vm.show(Screen.HISTORY), MaterialDesignH.HISTORY),
        item("Progress", Shortcuts.SHOW_PROGRESS, always, () -> vm.show(Screen.PROGRESS), MaterialDesignC.CHART_LINE),
        item("Activity", Shortcuts.SHOW_ACTIVITY, always, () -> vm.show(Screen.ACTIVITY),
            MaterialDesignA.ACCOUNT_CLOCK_OUTLINE),
        new SeparatorMenuItem(),
        item("Search history", Shortcuts.SEARCH_HISTORY, always, this::searchHistory, null),
        item("Previous page", Shortcuts.PREVIOUS_PAGE, always, this::previousPage, null),
        item("Next page", Shortcuts.NEXT_PAGE, always, this::nextPage, null),
        new SeparatorMenuItem(),
        darkThemeItem());

    Menu workoutMenu = new Menu("_Workout");
    workoutMenu.getItems().addAll(
        item("Mark set done and go to the next", Shortcuts.DONE_AND_NEXT, logging, workout::doneAndNext,
            MaterialDesignC.CHECK_BOLD),
        item("Add set", Shortcuts.ADD_SET, logging, workout::addSetHere, null),
        item("Add exercise", Shortcuts.ADD_EXERCISE, logging, workout::focusNewExercise, null),
        item("Skip rest", Shortcuts.SKIP_REST, logging, w::skipRest, null),
        item("Plate calculator…", Shortcuts.PLATES, () -> vm.profileProperty().get() != null,
            this::platesForFocusedField, MaterialDesignW.WEIGHT),
        new SeparatorMenuItem(),
        item("Complete workout…", Shortcuts.COMPLETE, logging, this::confirmComplete, null),
        item("Discard workout…", Shortcuts.DISCARD, logging, this::confirmDiscard, null));

    Menu planMenu = new Menu("_Plans");
    planMenu.getItems().addAll(
        item("New plan", Shortcuts.NEW_PLAN, always, this::newPlan, null),
        item("Add exercise to plan", Shortcuts.ADD_PLAN_EXERCISE, () -> onPlans.getAsBoolean()
            && vm.plans().editor().openProperty().get(), plans::addExercise, null),
        item("Save plan", Shortcuts.SAVE_PLAN, () -> onPlans.getAsBoolean() && vm.plans().editor().validProperty().get()
            && vm.plans().editor().dirtyProperty().get(), vm.plans()::save, MaterialDesignC.CONTENT_SAVE),
        item("Duplicate plan", Shortcuts.DUPLICATE_PLAN, planSelected, vm.plans()::duplicate, null),
        item("Delete plan…", Shortcuts.DELETE_PLAN, planSelected, plans::delete, null),
        new SeparatorMenuItem(),
        item("Start workout from plan", Shortcuts.START_PLAN, () -> planSelected.getAsBoolean()
            && !vm.plans().editor().dirtyProperty().get(), vm.plans()::startWorkout, null));

    Menu profileMenu = new Menu("P_rofile");
    profileMenu.getItems().addAll(
        item("New profile…", null, always, this::newProfile, null),
        item("Edit profile…", null, () -> vm.profileProperty().get() != null, this::editProfile, null),
        item("Bar and plates…", null, () -> vm.progress().settingsProperty().get() != null,
            () -> new ProgressSettingsDialog(vm.progress()).show(stage), null),
        new SeparatorMenuItem(),
        item("Delete profile…", null, () -> vm.profileProperty().get() != null,
            () -> new ProfileDeletionDialog(vm, stage).show(), null));

    Menu help = new Menu("_Help");
    help.getItems().add(item("Keyboard shortcuts", KeyCombination.keyCombination("F1"), always,
        this::showShortcuts, null));

    // Menus show each action greyed out when it cannot run now.
    for (Menu menu : List.of(fileMenu, view, workoutMenu, planMenu, profileMenu, help)) {
      menu.setOnShowing(event -> refreshEnabled());
    }
    MenuBar bar = new MenuBar(fileMenu, view, workoutMenu, planMenu, profileMenu, help);
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  private MenuItem item(String text, KeyCombination shortcut, BooleanSupplier enabled, Runnable run, Ikon ikon) {
    MenuItem item = new MenuItem(text, ikon == null ? null : Views.icon(ikon));
    item.setMnemonicParsing(false);
    item.setAccelerator(shortcut);
    item.setOnAction(event -> {
      if (enabled.getAsBoolean()) {
        run.run();
      }
    });
    actions.add(new Action(text, shortcut, enabled, run, item));
    return item;
  }

  private CheckMenuItem darkThemeItem() {
    CheckMenuItem dark = new CheckMenuItem("Dark theme");
    dark.selectedProperty().bindBidirectional(vm.darkProperty());
    dark.setAccelerator(Shortcuts.DARK_THEME);
    actions.add(new Action("Dark theme", Shortcuts.DARK_THEME, () -> true,
        () -> vm.darkProperty().set(!vm.darkProperty().get()), dark));
    return dark;
  }

  private void refreshEnabled() {
    for (Action action : actions) {
      if (!(action.item() instanceof CheckMenuItem)) {
        action.item().setDisable(!action.enabled().getAsBoolean());
      }
    }
  }

  private void shortcut(KeyEvent event) {
    for (Action action : actions) {
      if (action.shortcut() != null && action.shortcut().match(event)) {
        if (action.enabled().getAsBoolean()) {
          action.run().run();
        }
        event.consume();
        return;
      }
    }
  }

  // ---- header ----

  private Node header() {
    Label title = new Label("Setwise", Views.icon(MaterialDesignW.WEIGHT_LIFTER));
    title.getStyleClass().add("app-title");
    ToggleGroup group = new ToggleGroup();
    HBox nav = new HBox();
    Screen[] all = {Screen.WORKOUT, Screen.PLANS, Screen.HISTORY, Screen.PROGRESS};
    KeyCombination[] keys = {Shortcuts.SHOW_WORKOUT, Shortcuts.SHOW_PLANS, Shortcuts.SHOW_HISTORY,
        Shortcuts.SHOW_PROGRESS};
    Ikon[] icons = {MaterialDesignD.DUMBBELL, MaterialDesignC.CLIPBOARD_LIST_OUTLINE, MaterialDesignH.HISTORY,
        MaterialDesignC.CHART_LINE};
    for (int i = 0; i < all.length; i++) {
      Screen screen = all[i];
      ToggleButton button = new ToggleButton(screen.title(), Views.icon(icons[i]));
      button.setToggleGroup(group);
      button.getStyleClass().add("nav-button");
      button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == all.length - 1 ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
      button.setFocusTraversable(false);
      Views.tip(button, "Show " + screen.title(), keys[i]);
      button.setSelected(vm.screenProperty().get() == screen);
      vm.screenProperty().addListener((obs, old, now) -> button.setSelected(now == screen));
      button.setOnAction(event -> {
        vm.show(screen);
        button.setSelected(true);
      });
      nav.getChildren().add(button);
    }

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(22, 22);
    busy.setVisible(false);
    busy.setAccessibleText("Working…");
    PauseTransition delay = new PauseTransition(Duration.millis(400));
    delay.setOnFinished(event -> busy.setVisible(vm.tasks().runningProperty().get() > 0));
    // The tasks outlive this window (it is rebuilt after a restore): the indicator holds the listener.
    Views.whenChanged(busy, vm.tasks().runningProperty(), now -> {
      if (now.intValue() > 0) {
        delay.playFromStart();
      } else {
        delay.stop();
        busy.setVisible(false);
      }
    });

    MenuButton profile = new MenuButton();
    profile.setGraphic(Views.icon(MaterialDesignA.ACCOUNT_CIRCLE));
    profile.setMnemonicParsing(false);
    profile.setAccessibleText("Profile");
    Views.tip(profile, "Switch, add or edit profiles", null);
    Runnable refresh = () -> {
      Profile current = vm.profileProperty().get();
      profile.setText(current == null ? "…" : current.name() + " · " + current.unit().code());
      ToggleGroup choices = new ToggleGroup();
      List<MenuItem> items = new ArrayList<>();
      for (Profile each : vm.profiles()) {
        RadioMenuItem item = new RadioMenuItem(each.name() + " (" + each.unit().code() + ")");
        item.setMnemonicParsing(false);
        item.setToggleGroup(choices);
        item.setSelected(current != null && each.id().equals(current.id()));
        item.setOnAction(event -> vm.switchTo(each));
        items.add(item);
      }
      items.add(new SeparatorMenuItem());
      MenuItem add = new MenuItem("New profile…", Views.icon(MaterialDesignP.PLUS));
      add.setOnAction(event -> newProfile());
      MenuItem edit = new MenuItem("Edit profile…", Views.icon(MaterialDesignA.ACCOUNT_EDIT_OUTLINE));
      edit.setOnAction(event -> editProfile());
      MenuItem delete = new MenuItem("Delete profile…", Views.icon(MaterialDesignD.DELETE_OUTLINE));
      delete.setId("delete-profile");
      delete.setOnAction(event -> new ProfileDeletionDialog(vm, stage).show());
      items.add(add);
      items.add(edit);
      items.add(delete);
      profile.getItems().setAll(items);
    };
    refresh.run();
    vm.profileProperty().addListener((obs, old, now) -> refresh.run());
    vm.profiles().addListener((ListChangeListener<Profile>) change -> refresh.run());

    HBox header = new HBox(title, nav, new Spacer(), busy, profile);
    header.getStyleClass().add("app-header");
    header.setAlignment(Pos.CENTER_LEFT);
    HBox.setMargin(nav, new Insets(0, 0, 0, 24));
    return header;
  }

  // ---- commands ----

  private void newWorkout() {
    if (vm.workout().modeProperty().get() == WorkoutViewModel.Mode.ACTIVE) {
      vm.show(Screen.WORKOUT);
      return;
    }
    vm.workout().refresh();
    vm.show(Screen.WORKOUT);
  }

  private void newPlan() {
    vm.show(Screen.PLANS);
    plans.newPlan();
  }

  private void searchHistory() {
    if (vm.showingDetailProperty().get()) {
      vm.closeDetail();
    }
    vm.show(Screen.HISTORY);
    Platform.runLater(history::focusSearch);
  }

  private void previousPage() {
    if (vm.screenProperty().get() == Screen.HISTORY) {
      vm.history().previousPage();
    } else if (vm.screenProperty().get() == Screen.ACTIVITY) {
      vm.activity().previousPage();
    }
  }

  private void nextPage() {
    if (vm.screenProperty().get() == Screen.HISTORY) {
      vm.history().nextPage();
    } else if (vm.screenProperty().get() == Screen.ACTIVITY) {
      vm.activity().nextPage();
    }
  }

  private void confirmComplete() {
    WorkoutViewModel w = vm.workout();
    if (w.modeProperty().get() != WorkoutViewModel.Mode.ACTIVE) {
      return;
    }
    if (Views.confirm(stage, "Complete this workout?", w.progressProperty().get()
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

  private void quit() {
    close();
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
        workout.dispose();
      } else if (Views.confirm(stage, "Close without saving?",
          lost + "\n\nClose Setwise anyway, or stay and fix it?", "Close anyway")) {
        hideNow();
      }
    });
  }

  private void hideNow() {
    workout.dispose();
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
    switch (vm.screenProperty().get()) {
      case WORKOUT -> workout.focusDefault();
      case PLANS -> plans.focusDefault();
      case HISTORY -> history.focusDefault();
      case PROGRESS -> progress.focusDefault();
      case ACTIVITY -> activity.focusDefault();
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
    profileDialog("New profile", "", vm.profileProperty().get() == null ? Unit.KG : vm.profileProperty().get().unit(),
        "Create", (name, unit, done, failed) -> vm.addProfile(name, unit, done, failed));
  }

  private void editProfile() {
    Profile current = vm.profileProperty().get();
    if (current != null) {
      profileDialog("Edit profile", current.name(), current.unit(), "Save",
          (name, unit, done, failed) -> vm.updateProfile(name, unit, done, failed));
    }
  }

  @FunctionalInterface
  private interface ProfileAction {
    void run(String name, Unit unit, Runnable done, java.util.function.Consumer<String> failed);
  }

  private void profileDialog(String title, String name, Unit unit, String confirm, ProfileAction action) {
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), stage);
    dialog.setTitle(title);
    dialog.setHeaderText(title);
    ButtonType ok = new ButtonType(confirm, ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
    TextField nameField = new TextField(name);
    nameField.setPromptText("Name");
    nameField.setPrefColumnCount(20);
    ChoiceBox<Unit> unitChoice = new ChoiceBox<>();
    unitChoice.getItems().setAll(Unit.values());
    unitChoice.setValue(unit);
    unitChoice.setConverter(new StringConverter<>() {
      @Override
      public String toString(Unit value) {
        return value == null ? "" : value == Unit.KG ? "kg (kilograms)" : "lb (pounds)";
      }

      @Override
      public Unit fromString(String text) {
        return null;
      }
    });
    Label error = new Label();
    error.getStyleClass().add("field-error");
    error.setWrapText(true);
    Label note = new Label("The unit is used for new plans; existing plans and sessions keep theirs.");
    note.getStyleClass().add("muted");
    note.setWrapText(true);
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(10);
    Label nameLabel = new Label("Name");
    nameLabel.setLabelFor(nameField);
    Label unitLabel = new Label("Unit");
    unitLabel.setLabelFor(unitChoice);
    grid.addRow(0, nameLabel, nameField);
    grid.addRow(1, unitLabel, unitChoice);
    grid.add(note, 0, 2, 2, 1);
    grid.add(error, 0, 3, 2, 1);
    grid.setPrefWidth(440);
    dialog.getDialogPane().setContent(grid);
    javafx.scene.control.Button okButton = (javafx.scene.control.Button) dialog.getDialogPane().lookupButton(ok);
    okButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
      event.consume();
      okButton.setDisable(true);
      action.run(nameField.getText(), unitChoice.getValue(), () -> {
        dialog.setResult(ok);
        dialog.close();
      }, message -> {
        okButton.setDisable(false);
        error.setText(message);
      });
    });
    Platform.runLater(nameField::requestFocus);
    dialog.showAndWait();
  }

  private void showShortcuts() {
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(6);
    int row = 0;
    for (Action action : actions) {
      if (action.shortcut() != null) {
        Label key = new Label(action.shortcut().getDisplayText());
        key.getStyleClass().add(Styles.TEXT_BOLD);
        grid.addRow(row++, key, new Label(action.text()));
      }
    }
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), stage);
    dialog.setTitle("Keyboard shortcuts");
    dialog.setHeaderText("Keyboard shortcuts");
    dialog.getDialogPane().setContent(grid);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
    dialog.showAndWait();
  }

  // ---- theme and window ----

  private static void applyTheme(boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
  }

  private void placeWindow(UiPreferences.WindowBounds bounds) {
    boolean visible = bounds != null && !javafx.stage.Screen.getScreensForRectangle(
        bounds.x(), bounds.y(), Math.min(bounds.width(), 200), Math.min(bounds.height(), 100)).isEmpty();
    if (visible) {
      stage.setX(bounds.x());
      stage.setY(bounds.y());
      stage.setWidth(bounds.width());
      stage.setHeight(bounds.height());
      stage.setMaximized(bounds.maximized());
      return;
    }
    Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    // On a laptop screen (up to about 1440 wide) the window takes all of it: every pixel counts.
    boolean small = screen.getWidth() <= 1440;
    double width = small ? screen.getWidth() : Math.min(DEFAULT_WIDTH, screen.getWidth());
    double height = small ? screen.getHeight() : Math.min(DEFAULT_HEIGHT, screen.getHeight());
    stage.setWidth(width);
    stage.setHeight(height);
    stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
    stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
  }

  private void rememberWindow() {
    if (stage.isIconified()) {
      return;
    }
    vm.remember(vm.preferences().withWindow(new UiPreferences.WindowBounds(stage.getX(), stage.getY(),
        stage.getWidth(), stage.getHeight(), stage.isMaximized())));
  }
}
