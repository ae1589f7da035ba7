package dev.setwise.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.setwise.ui.common.Views;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignW;

/**
 * What the FX thread does while the starting thread opens the database (docs/decisions/0045): it
 * sets the theme the window will use (parsed once for the whole app) and lays out, off screen, a
 * scene of the kinds of controls the first window shows, with the app's stylesheet. That loads
 * and runs once the classes, skins and style code the real window needs, which would otherwise
 * all fall after the database opens. It reads no file of the data folder and touches no data;
 * the scene is kept until the window is built, so the stylesheet it parsed stays cached for the
 * window's scene, then dropped. Runs on the FX thread.
 */
final class WindowWarmUp {

  private final boolean dark;
  private Scene scene;

  /** @param dark the theme the preferences ask for (the window sets it again, at no cost, when it matches) */
  WindowWarmUp(boolean dark) {
    this.dark = dark;
  }

  void run() {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
    MenuBar menus = new MenuBar(new Menu("_File", null, new MenuItem("New workout", Views.icon(MaterialDesignW.WEIGHT_LIFTER))));
    ToggleButton toggle = new ToggleButton("Plans", Views.icon(MaterialDesignW.WEIGHT_LIFTER));
    HBox header = new HBox(new Label("Setwise"), toggle, new MenuButton("Profile"), new Button("New plan"));
    header.getStyleClass().add("app-header");
    ListView<String> list = new ListView<>();
    list.getItems().addAll("Push", "Pull", "Legs");
    VBox form = new VBox(new Label("Name"), new TextField("Plan"), new TextArea("Note"));
    BorderPane root = new BorderPane(new ScrollPane(form), new VBox(menus, header), null, null, list);
    scene = new Scene(root, 800, 600);
    scene.getStylesheets().add(MainWindow.class.getResource("/dev/setwise/ui/setwise.css").toExternalForm());
    root.applyCss();
    root.layout();
  }

  /** Once the window's own scene has its stylesheet: nothing needs this one any more. */
  void release() {
    scene = null;
  }
}
