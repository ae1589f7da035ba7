package dev.setwise.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;

/**
 * What the FX thread does, once the opening window's first frame is drawn, while the starting
 * thread opens the database (docs/decisions/0045, 0051): it lays out, off screen, a scene of the
 * kinds of controls the first screen shows that the opening window does not (its menus, header and
 * pills are real already), with the app's stylesheet. That loads and runs once the classes, skins
 * and style code the real window needs. It reads no file of the data folder and touches no data;
 * the scene is dropped when the real window is built. Runs on the FX thread.
 */
final class WindowWarmUp {

  private Scene scene;

  void run() {
    ListView<String> list = new ListView<>();
    list.getItems().addAll("Push", "Pull", "Legs");
    VBox form = new VBox(new Label("Name"), new TextField("Plan"), new TextArea("Note"), new Button("New plan"),
        new MenuButton("Profile"));
    BorderPane root = new BorderPane(new ScrollPane(form), null, null, null, list);
    scene = new Scene(root, 800, 600);
    scene.getStylesheets().add(dev.setwise.ui.common.Views.STYLESHEET);
    root.applyCss();
    root.layout();
  }

  /** The real window is built: nothing needs this scene any more. */
  void release() {
    scene = null;
  }
}
