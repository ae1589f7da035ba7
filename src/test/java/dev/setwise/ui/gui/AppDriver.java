package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.support.MutableClock;
import dev.setwise.ui.DesktopApp;
import dev.setwise.ui.SingleInstance;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.data.DataFolder;
import dev.setwise.ui.data.FilePicker;
import dev.setwise.ui.data.NativeFilePicker;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Runs the real desktop app on a real data folder for TestFX: open, close (as the window's close
 * button does, waiting for the last write) and open again. Every database call is checked: one
 * made on the FX thread is recorded (and refused, as in the app) and fails the test.
 */
final class AppDriver implements AutoCloseable {

  final Path dataDir;
  final MutableClock clock;
  final FxRobot robot = new FxRobot();
  final List<Throwable> fxThreadCalls = new CopyOnWriteArrayList<>();
  AppContext context;
  /** Answers the app's file dialogs (native ones cannot be driven headless). */
  FilePicker files = new NativeFilePicker();
  BackgroundTasks tasks;
  /** The folder's window lock, held while the window is open, as the app holds it. */
  SingleInstance.Owner window;
  DesktopApp app;
  Stage stage;

  AppDriver(Path dataDir, MutableClock clock) {
    this.dataDir = dataDir;
    this.clock = clock;
    this.context = AppContext.open(dataDir, clock);
  }

  /** Shows the main window on the context and waits until it has loaded. */
  AppDriver open() throws TimeoutException {
    if (context == null) {
      context = AppContext.open(dataDir, clock);
    }
    tasks = BackgroundTasks.create();
    window = (SingleInstance.Owner) SingleInstance.claim(dataDir);
    UiPreferences preferences = UiPreferences.load(dataDir);
    FxToolkit.setupFixture(() -> {
      stage = new Stage();
      app = DesktopApp.show(new DataFolder(context, dir -> AppContext.open(dir, clock)), stage, tasks, preferences,
          Chime.SILENT, files);
      app.answerSecondStarts(window);
      // Same refusal as the app's own check, but remembered so the test can fail on it.
      context.checkCallers(() -> {
        if (Platform.isFxApplicationThread()) {
          IllegalStateException error = new IllegalStateException("Database call on the JavaFX application thread");
          fxThreadCalls.add(error);
          throw error;
        }
      });
      // Sync calls too: testing a connection goes to the network without touching the database.
      app.viewModel().sync().setCallerCheck(() -> {
        if (Platform.isFxApplicationThread()) {
          IllegalStateException error = new IllegalStateException("Sync call on the JavaFX application thread");
          fxThreadCalls.add(error);
          throw error;
        }
      });
    });
    waitUntil(() -> app.viewModel().readyProperty().get());
    WaitForAsyncUtils.waitForFxEvents();
    return this;
  }

  /** Asks the window to close as its close button does, and returns at once (the window decides). */
  void requestClose() {
    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
  }

  /** Closes the window as its close button does, waits for pending writes, closes the database. */
  void closeApp() throws TimeoutException {
    FxToolkit.setupFixture(() -> {
      stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
      stage.hide();
    });
    tasks.close();
    window.close();
    // After a restore the app works on a context of its own; the first one is closed already.
    app.context().close();
    context.close();
    context = null;
    assertThat(fxThreadCalls).as("database calls on the FX thread").isEmpty();
  }

  @Override
  public void close() throws Exception {
    if (context != null) {
      closeApp();
    }
  }

  static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
    waitUntil(15, condition);
  }

  /** {@link #waitUntil(Supplier)} with a longer patience (a sync that retries before it gives up). */
  static void waitUntil(int seconds, Supplier<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(condition.get()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  <T extends Node> T node(String query) {
    return robot.lookup(query).query();
  }

  /**
   * Replaces what {@code field} holds by typing {@code text} as a user would (an empty text erases
   * it). The field is focused by a click and its text selected on the FX thread, so that a slow
   * machine turning a double click into two single ones cannot leave the old text in place.
   */
  static void retype(FxRobot robot, TextField field, String text) {
    robot.clickOn(field);
    robot.interact(field::selectAll);
    if (text.isEmpty()) {
      robot.type(javafx.scene.input.KeyCode.BACK_SPACE);
    } else {
      robot.write(text);
    }
  }

  /** The visible text field whose accessible text is {@code text}. */
  TextField field(String accessibleText) {
    return robot.lookup((Predicate<Node>) n -> n instanceof TextField field
        && accessibleText.equals(field.getAccessibleText()) && field.isVisible()).query();
  }

  String text(String query) {
    return ((Labeled) robot.lookup(query).query()).getText();
  }
}
