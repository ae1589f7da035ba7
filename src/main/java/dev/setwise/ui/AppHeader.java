package dev.setwise.ui;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.domain.Profile;
import dev.setwise.ui.common.Navigator.Screen;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * The main window's header: the app's name, the screens, the busy indicator, the sync indicator and
 * the profile switcher.
 */
final class AppHeader {

  private static final Screen[] SCREENS = {Screen.WORKOUT, Screen.PLANS, Screen.HISTORY, Screen.PROGRESS};
  private static final KeyCombination[] KEYS = {Shortcuts.SHOW_WORKOUT, Shortcuts.SHOW_PLANS,
      Shortcuts.SHOW_HISTORY, Shortcuts.SHOW_PROGRESS};
  private static final Ikon[] ICONS = {MaterialDesignD.DUMBBELL, MaterialDesignC.CLIPBOARD_LIST_OUTLINE,
      MaterialDesignH.HISTORY, MaterialDesignC.CHART_LINE};

  private AppHeader() {}

  static Node build(MainViewModel vm, Node syncIndicator, Runnable newProfile, Runnable editProfile,
      Runnable warmupRest, Runnable deleteProfile) {
    HBox nav = nav();
    for (int i = 0; i < SCREENS.length; i++) {
      Screen screen = SCREENS[i];
      ToggleButton button = (ToggleButton) nav.getChildren().get(i);
      Views.tip(button, "Show " + screen.title(), KEYS[i]);
      button.setSelected(vm.screenProperty().get() == screen);
      vm.screenProperty().addListener((obs, old, now) -> button.setSelected(now == screen));
      button.setOnAction(event -> {
        vm.show(screen);
        button.setSelected(true);
      });
    }
    return header(nav, busy(vm), syncIndicator, profiles(vm, newProfile, editProfile, warmupRest, deleteProfile));
  }

  /**
   * The header of the window while the database opens: the same name, screens and profile
   * switcher, not yet usable (the profile is not known yet).
   */
  static Node opening() {
    HBox nav = nav();
    nav.setDisable(true);
    // As the real switcher shows until the profile is read: same place, same height.
    MenuButton profile = new MenuButton("…", Views.icon(MaterialDesignA.ACCOUNT_CIRCLE));
    profile.setDisable(true);
    return header(nav, profile);
  }

  private static HBox header(HBox nav, Node... right) {
    Label title = new Label("Setwise", Views.icon(MaterialDesignW.WEIGHT_LIFTER));
    title.getStyleClass().add("app-title");
    HBox header = new HBox(title, nav, new Spacer());
    header.getChildren().addAll(right);
    header.getStyleClass().add("app-header");
    header.setAlignment(Pos.CENTER_LEFT);
    HBox.setMargin(nav, new Insets(0, 0, 0, 24));
    return header;
  }

  /** The four main screens as pills (Activity is in the View menu). */
  private static HBox nav() {
    ToggleGroup group = new ToggleGroup();
    HBox nav = new HBox();
    for (int i = 0; i < SCREENS.length; i++) {
      ToggleButton button = new ToggleButton(SCREENS[i].title(), Views.icon(ICONS[i]));
      button.setToggleGroup(group);
      button.getStyleClass().add("nav-button");
      button.getStyleClass().add(i == 0 ? Styles.LEFT_PILL : i == SCREENS.length - 1 ? Styles.RIGHT_PILL
          : Styles.CENTER_PILL);
      button.setFocusTraversable(false);
      nav.getChildren().add(button);
    }
    return nav;
  }

  private static Node busy(MainViewModel vm) {
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
    return busy;
  }

  private static Node profiles(MainViewModel vm, Runnable newProfile, Runnable editProfile, Runnable warmupRest,
      Runnable deleteProfile) {
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
      add.setOnAction(event -> newProfile.run());
      MenuItem edit = new MenuItem("Edit profile…", Views.icon(MaterialDesignA.ACCOUNT_EDIT_OUTLINE));
      edit.setOnAction(event -> editProfile.run());
      MenuItem rest = new MenuItem("Rest after warm-ups…", Views.icon(MaterialDesignT.TIMER_COG_OUTLINE));
      rest.setOnAction(event -> warmupRest.run());
      MenuItem delete = new MenuItem("Delete profile…", Views.icon(MaterialDesignD.DELETE_OUTLINE));
      delete.setId("delete-profile");
      delete.setOnAction(event -> deleteProfile.run());
      items.add(add);
      items.add(edit);
      items.add(rest);
      items.add(new SeparatorMenuItem());
      items.add(delete);
      profile.getItems().setAll(items);
    };
    refresh.run();
    vm.profileProperty().addListener((obs, old, now) -> refresh.run());
    vm.profiles().addListener((ListChangeListener<Profile>) change -> refresh.run());
    return profile;
  }
}
