package dev.setwise.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.setwise.ui.common.AppIcons;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.Views;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The app's window as it first shows, while the starting thread opens the database
 * (docs/decisions/0051): the stage the real window will use, at the remembered place and size and in
 * the remembered theme, with the app's menus and header (not yet usable) and "Opening FOLDER…".
 * {@link DesktopApp#show} then puts the real window on this same stage. It reads nothing from disk
 * (the preferences are read by the starting thread) and holds no data. FX thread only.
 *
 * <p>Closing it before the database is open is remembered ({@link #closedByPerson}): the app then
 * finishes opening (a migration or check under way is never cut), closes the database and ends,
 * without showing anything more.
 */
final class OpeningWindow {

  /** The id of the "Opening FOLDER…" line. */
  static final String NOTE_ID = "opening-folder";

  private final Path dataDir;
  private final UiPreferences preferences;
  private Label note;
  private Stage stage;
  private boolean handedOver;
  private volatile boolean closedByPerson;

  /** The window of {@code dataDir} as {@code preferences} (read by the caller, off the FX thread) say. Any thread. */
  OpeningWindow(Path dataDir, UiPreferences preferences) {
    this.dataDir = dataDir;
    this.preferences = preferences;
  }

  /**
   * Shows the window, then runs {@code afterFirstFrame} once its first frame is on its way (work
   * that would otherwise hold that frame back). Does nothing once the real window has the stage.
   */
  void show(Runnable afterFirstFrame) {
    if (handedOver) {
      return;
    }
    stage = new Stage();
    theme(preferences.dark());
    note = new Label();
    note.setId(NOTE_ID);
    note.getStyleClass().add("empty-note");
    note.setText(text(dataDir));
    BorderPane root = new BorderPane(new StackPane(note), new VBox(AppMenus.opening(), AppHeader.opening()),
        null, null, null);
    StackPane shell = new StackPane(root);
    Scene scene = new Scene(shell);
    scene.getStylesheets().add(Views.STYLESHEET);
    stage.setScene(scene);
    stage.setTitle("Setwise");
    WindowPlace.limit(stage);
    Compact.install(scene, shell);
    WindowPlace.apply(stage, preferences.window());
    // Closing it now ends the app once the database is open (nothing is left half open).
    stage.setOnCloseRequest(event -> closedByPerson = true);
    stage.show();
    // The first pulse lays out and hands the frame to the render thread; this runs after it.
    Stage shown = stage;
    boolean[] asked = new boolean[1];
    Runnable[] once = new Runnable[1];
    once[0] = () -> {
      if (asked[0]) {
        return;
      }
      asked[0] = true;
      Platform.runLater(() -> {
        scene.removePostLayoutPulseListener(once[0]);
        if (shown.getIcons().isEmpty()) {
          shown.getIcons().setAll(AppIcons.load());
        }
        afterFirstFrame.run();
      });
    };
    scene.addPostLayoutPulseListener(once[0]);
  }

  private static void theme(boolean dark) {
    Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
        : new PrimerLight().getUserAgentStylesheet());
  }

  private static String text(Path dataDir) {
    Path home = Path.of(System.getProperty("user.home", "/"));
    Path dir = dataDir.toAbsolutePath().normalize();
    String shown = dir.startsWith(home) && !dir.equals(home) ? "~/" + home.relativize(dir) : dir.toString();
    return "Opening " + shown + "…";
  }

  /**
   * The stage for the real window: this one (still showing, unless it was never shown or was
   * closed), else a new one. From now on this window does nothing more.
   */
  Stage handOver() {
    handedOver = true;
    return stage != null ? stage : new Stage();
  }

  /** True once the person closed this window (before the real window came). Any thread. */
  boolean closedByPerson() {
    return closedByPerson;
  }

  /** Out of the way of the question when the database is refused (the question is a window of its own). */
  void hideForQuestion() {
    if (stage != null) {
      stage.hide();
    }
  }

  /** Shows again, now opening {@code folder} (after a restore, or with another folder chosen). */
  void openingAgain(Path folder, boolean dark) {
    if (stage == null || handedOver || closedByPerson) {
      return;
    }
    theme(dark);
    note.setText(text(folder));
    stage.show();
  }

  /** Brings the window to the front (a second start asked for it). */
  void bringToFront() {
    if (stage == null || handedOver) {
      return;
    }
    if (stage.isIconified()) {
      stage.setIconified(false);
    }
    if (stage.isShowing()) {
      stage.toFront();
      stage.requestFocus();
    }
  }
}
