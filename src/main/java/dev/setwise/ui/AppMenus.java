package dev.setwise.ui;

import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.DataDialogs;
import dev.setwise.ui.plan.PlansView;
import dev.setwise.ui.workout.WorkoutView;
import dev.setwise.ui.workout.WorkoutViewModel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignE;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * Every command of the main window in one table with its shortcut, so the menus (which show
 * them), Help → Keyboard shortcuts and the keyboard agree. The window's scene filter hands each
 * key press to {@link #shortcut(KeyEvent)} before a text field can swallow it.
 */
final class AppMenus {

  /** What the menus ask of the window itself (its dialogs and screens). */
  interface Window {
    void newWorkout();

    void newPlan();

    void searchHistory();

    void confirmComplete();

    void confirmDiscard();

    void quit();

    void newProfile();

    void editProfile();

    void warmupRest();

    /** Asks, then deletes the current profile (after a backup). */
    void deleteProfile();

    /** The plate calculator for the weight in the focused field (or empty). */
    void platesForFocusedField();

    /** The profile's bar and plates. */
    void barAndPlates();

    /** File → Sync settings…. */
    void syncSettings();

    /** File → Sync conflicts… (and a click on "1 conflict" in the header). */
    void reviewConflicts();
  }

  /** One command: its menu text, shortcut and when it may run. */
  private record Action(String text, KeyCombination shortcut, BooleanSupplier enabled, Runnable run, MenuItem item) {}

  /** The menus of the bar, in order. */
  private static final String[] MENUS = {"_File", "_View", "_Workout", "_Plans", "P_rofile", "_Help"};

  private final MainViewModel vm;
  private final Stage stage;
  private final List<Action> actions = new ArrayList<>();
  private final List<Action> aliases = new ArrayList<>();
  private final Menu fileMenu = new Menu(MENUS[0]);
  private final MenuBar bar;

  /**
   * @param workout the workout screen, built when first asked for (only commands of that screen ask)
   * @param plans the plans screen, likewise
   */
  AppMenus(MainViewModel vm, Stage stage, Supplier<WorkoutView> workout, Supplier<PlansView> plans, DataDialogs data,
      Window window) {
    this.vm = vm;
    this.stage = stage;
    WorkoutViewModel w = vm.workout();
    BooleanSupplier logging = () -> vm.screenProperty().get() == Screen.WORKOUT
        && w.modeProperty().get() == WorkoutViewModel.Mode.ACTIVE;
    BooleanSupplier onPlans = () -> vm.screenProperty().get() == Screen.PLANS;
    BooleanSupplier planSelected = () -> onPlans.getAsBoolean() && vm.plans().selectedProperty().get() != null;
    BooleanSupplier always = () -> true;

    fileMenu.getItems().addAll(
        item("New workout", Shortcuts.NEW_SESSION, always, window::newWorkout, MaterialDesignP.PLAY),
        item("New plan", Shortcuts.NEW_PLAN, always, window::newPlan, MaterialDesignP.PLUS),
        new SeparatorMenuItem(),
        item("Export…", Shortcuts.EXPORT, () -> vm.profileProperty().get() != null,
            () -> data.export(vm.export()), MaterialDesignE.EXPORT),
        item("Import…", Shortcuts.IMPORT, () -> vm.profileProperty().get() != null,
            () -> data.importFile(vm.importer(), vm::switchToProfileNamed), MaterialDesignI.IMPORT),
        new SeparatorMenuItem(),
        item("Backups…", Shortcuts.BACKUPS, always, () -> data.backups(vm.backups()), MaterialDesignD.DATABASE_CLOCK_OUTLINE),
        item("Sync settings…", null, () -> vm.profileProperty().get() != null, window::syncSettings,
            MaterialDesignC.CLOUD_SYNC_OUTLINE),
        item("Sync conflicts…", null, () -> vm.sync().indicatorProperty().get().opensReview(),
            window::reviewConflicts, null),
        new SeparatorMenuItem(),
        item("Quit", Shortcuts.QUIT, always, window::quit, null));

    Menu view = new Menu(MENUS[1]);
    view.getItems().addAll(
        item("Workout", Shortcuts.SHOW_WORKOUT, always, () -> vm.show(Screen.WORKOUT), MaterialDesignD.DUMBBELL),
        item("Plans", Shortcuts.SHOW_PLANS, always, () -> vm.show(Screen.PLANS), MaterialDesignC.CLIPBOARD_LIST_OUTLINE),
        item("History", Shortcuts.SHOW_HISTORY, always, () -> vm.show(Screen.HISTORY), MaterialDesignH.HISTORY),
        item("Progress", Shortcuts.SHOW_PROGRESS, always, () -> vm.show(Screen.PROGRESS), MaterialDesignC.CHART_LINE),
        item("Activity", Shortcuts.SHOW_ACTIVITY, always, () -> vm.show(Screen.ACTIVITY),
            MaterialDesignA.ACCOUNT_CLOCK_OUTLINE),
        new SeparatorMenuItem(),
        item("Search history", Shortcuts.SEARCH_HISTORY, always, window::searchHistory, null),
        item("Previous page", Shortcuts.PREVIOUS_PAGE, always, this::previousPage, null),
        item("Next page", Shortcuts.NEXT_PAGE, always, this::nextPage, null),
        new SeparatorMenuItem(),
        darkThemeItem());

    Menu workoutMenu = new Menu(MENUS[2]);
    workoutMenu.getItems().addAll(
        item("Mark set done and go to the next", Shortcuts.DONE_AND_NEXT, logging, () -> workout.get().doneAndNext(),
            MaterialDesignC.CHECK_BOLD),
        item("Add set", Shortcuts.ADD_SET, logging, () -> workout.get().addSetHere(), null),
        item("Add exercise", Shortcuts.ADD_EXERCISE, logging, () -> workout.get().focusNewExercise(), null),
        item("Skip rest", Shortcuts.SKIP_REST, logging, w.rest()::skip, null),
        item("Rest −15 s", Shortcuts.REST_SHORTER, logging, w.rest()::shorter, MaterialDesignT.TIMER_MINUS_OUTLINE),
        item("Rest +15 s", Shortcuts.REST_LONGER, logging, w.rest()::longer, MaterialDesignT.TIMER_PLUS_OUTLINE),
        item("Plate calculator…", Shortcuts.PLATES, () -> vm.profileProperty().get() != null,
            window::platesForFocusedField, MaterialDesignW.WEIGHT),
        new SeparatorMenuItem(),
        item("Complete workout…", Shortcuts.COMPLETE, logging, window::confirmComplete, null),
        item("Discard workout…", Shortcuts.DISCARD, logging, window::confirmDiscard, null));

    Menu planMenu = new Menu(MENUS[3]);
    planMenu.getItems().addAll(
        item("New plan", Shortcuts.NEW_PLAN, always, window::newPlan, null),
        item("Add exercise to plan", Shortcuts.ADD_PLAN_EXERCISE, () -> onPlans.getAsBoolean()
            && vm.plans().editor().openProperty().get(), () -> plans.get().addExercise(), null),
        item("Save plan", Shortcuts.SAVE_PLAN, () -> onPlans.getAsBoolean() && vm.plans().editor().validProperty().get()
            && vm.plans().editor().dirtyProperty().get(), () -> vm.plans().save(), MaterialDesignC.CONTENT_SAVE),
        item("Duplicate plan", Shortcuts.DUPLICATE_PLAN, planSelected, () -> vm.plans().duplicate(), null),
        item("Delete plan…", Shortcuts.DELETE_PLAN, planSelected, () -> plans.get().delete(), null),
        new SeparatorMenuItem(),
        item("Start workout from plan", Shortcuts.START_PLAN, () -> planSelected.getAsBoolean()
            && !vm.plans().editor().dirtyProperty().get(), () -> vm.plans().startWorkout(), null));

    Menu profileMenu = new Menu(MENUS[4]);
    profileMenu.getItems().addAll(
        item("New profile…", null, always, window::newProfile, null),
        item("Edit profile…", null, () -> vm.profileProperty().get() != null, window::editProfile, null),
        item("Rest after warm-ups…", null, () -> vm.profileProperty().get() != null, window::warmupRest, null),
        item("Bar and plates…", null, () -> vm.progress().settingsProperty().get() != null, window::barAndPlates,
            null),
        new SeparatorMenuItem(),
        item("Delete profile…", null, () -> vm.profileProperty().get() != null, window::deleteProfile, null));

    Menu help = new Menu(MENUS[5]);
    help.getItems().add(item("Keyboard shortcuts", KeyCombination.keyCombination("F1"), always,
        this::showShortcuts, null));

    alias(Shortcuts.REST_SHORTER_KEYPAD, Shortcuts.REST_SHORTER);
    alias(Shortcuts.REST_LONGER_KEYPAD, Shortcuts.REST_LONGER);
    alias(Shortcuts.REST_LONGER_PLUS, Shortcuts.REST_LONGER);

    // Menus show each action greyed out when it cannot run now.
    for (Menu menu : List.of(fileMenu, view, workoutMenu, planMenu, profileMenu, help)) {
      menu.setOnShowing(event -> refreshEnabled());
    }
    bar = new MenuBar(fileMenu, view, workoutMenu, planMenu, profileMenu, help);
    bar.setUseSystemMenuBar(true);
  }

  /** The menu bar of the window while the database opens: the same menus, not yet usable. */
  static MenuBar opening() {
    MenuBar bar = new MenuBar();
    for (String name : MENUS) {
      Menu menu = new Menu(name);
      menu.setDisable(true);
      bar.getMenus().add(menu);
    }
    bar.setUseSystemMenuBar(true);
    return bar;
  }

  MenuBar menuBar() {
    return bar;
  }

  /** The File menu: new workout and plan, Export…, Import…, Backups…, Sync settings…, Quit. */
  Menu fileMenu() {
    return fileMenu;
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

  /** {@code extra} does what {@code shortcut} does (the number pad, keyboards with a + key); not listed. */
  private void alias(KeyCombination extra, KeyCombination shortcut) {
    actions.stream().filter(a -> shortcut.equals(a.shortcut())).findFirst()
        .ifPresent(a -> aliases.add(new Action(a.text(), extra, a.enabled(), a.run(), null)));
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

  /** Runs the command whose shortcut {@code event} is (when it may run now) and consumes the key. */
  void shortcut(KeyEvent event) {
    List<Action> all = new ArrayList<>(actions);
    all.addAll(aliases);
    for (Action action : all) {
      if (action.shortcut() != null && action.shortcut().match(event)) {
        if (action.enabled().getAsBoolean()) {
          action.run().run();
        }
        event.consume();
        return;
      }
    }
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

  /** Help → Keyboard shortcuts: every command that has one, from the same table. */
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
}
