package dev.setwise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.data.NativeFilePicker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole desktop start ({@link DesktopApp#runWindow}) headless: the window shows at once with
 * "Opening FOLDER…" while the database opens, then the real window comes on the same stage; a
 * second start brings it to the front meanwhile; closing it before the database is open ends the
 * app with the database closed; a refused database still gets its question, with the opening
 * window out of its way.
 */
class OpeningWindowGuiTest {

  @TempDir
  Path dir;

  final FxRobot robot = new FxRobot();
  final CountDownLatch open = new CountDownLatch(1);
  SingleInstance.Owner owner;
  CompletableFuture<Integer> exit;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void tearDown() throws Exception {
    open.countDown();
    if (exit != null && !exit.isDone()) {
      for (Window window : showing()) {
        robot.interact(() -> window.fireEvent(new WindowEvent(window, WindowEvent.WINDOW_CLOSE_REQUEST)));
      }
      exit.get(20, TimeUnit.SECONDS);
    }
    if (owner != null) {
      owner.close();
    }
  }

  /** Starts the app on {@code data} as {@code setwise} does; the database opens once {@link #open} is counted down. */
  private void start(Path data) {
    owner = (SingleInstance.Owner) SingleInstance.claim(data);
    exit = CompletableFuture.supplyAsync(() -> DesktopApp.runWindow(data, new NativeFilePicker(), owner,
        (folder, asker) -> {
          try {
            open.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return FolderOpening.open(folder, Clock.systemDefaultZone(), asker);
        }, tasks -> Chime.SILENT));
  }

  private static List<Window> showing() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()).get();
  }

  private static void waitUntil(Supplier<Boolean> condition) throws TimeoutException {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(condition.get()));
    WaitForAsyncUtils.waitForFxEvents();
  }

  private static <T> T onFx(Supplier<T> query) throws Exception {
    return WaitForAsyncUtils.asyncFx(query::get).get();
  }

  private static Stage openingStage() throws Exception {
    return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
        .filter(window -> window.getScene() != null && window.getScene().lookup("#" + OpeningWindow.NOTE_ID) != null)
        .map(Stage.class::cast).findFirst().orElse(null));
  }

  @Test
  void theWindowShowsOpeningAtOnceThenTheRealWindowOnTheSameStage() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    start(data);

    waitUntil(() -> {
      try {
        return openingStage() != null;
      } catch (Exception e) {
        return false;
      }
    });
    Stage stage = openingStage();
    assertThat(onFx(() -> ((Label) stage.getScene().lookup("#" + OpeningWindow.NOTE_ID)).getText()))
        .isEqualTo("Opening " + data.toAbsolutePath() + "…");
    assertThat(stage.getTitle()).isEqualTo("Setwise");
    double width = stage.getWidth();
    double height = stage.getHeight();

    // A second start while it is still opening: no second window, this one comes to the front.
    robot.interact(() -> stage.setIconified(true));
    waitUntil(stage::isIconified);
    assertThat(SingleInstance.claim(data)).isEqualTo(new SingleInstance.Running(data, true));
    waitUntil(() -> !stage.isIconified());

    open.countDown();
    waitUntil(() -> stage.getScene().lookup("#screens") != null);
    Node note = onFx(() -> stage.getScene().lookup("#opening-note"));
    waitUntil(() -> !note.isVisible());
    assertThat(showing()).as("one window, the same stage").containsExactly(stage);
    assertThat(stage.getWidth()).isEqualTo(width);
    assertThat(stage.getHeight()).isEqualTo(height);

    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(showing()).isEmpty();
  }

  @Test
  void closingTheWindowBeforeTheDatabaseIsOpenEndsTheAppWithTheDatabaseClosed() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    AppContext.open(data, Clock.systemDefaultZone()).close();
    start(data);
    waitUntil(() -> {
      try {
        return openingStage() != null;
      } catch (Exception e) {
        return false;
      }
    });
    Stage stage = openingStage();

    robot.interact(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
    waitUntil(() -> !stage.isShowing());
    open.countDown();

    assertThat(exit.get(20, TimeUnit.SECONDS)).isZero();
    assertThat(showing()).isEmpty();
    // Opened to the end, then closed: SQLite removes its write-ahead log with the last connection.
    assertThat(data.resolve("setwise.db-wal")).doesNotExist();
    AppContext.open(data, Clock.systemDefaultZone()).close();
  }

  @Test
  void aRefusedDatabaseStillGetsItsQuestionAndQuitEndsTheApp() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    Files.writeString(data.resolve("setwise.db"), "not a database, just some text that is long enough to be read");
    open.countDown();
    start(data);

    waitUntil(() -> {
      try {
        return onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
            .anyMatch(window -> window.getScene().getRoot() instanceof DialogPane pane
                && pane.getHeaderText() != null && pane.getHeaderText().startsWith("Setwise cannot open the data")));
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(openingStage()).as("the opening window is out of the question's way").isNull();
    assertThat(showing()).hasSize(1);

    Window question = showing().get(0);
    Button quit = onFx(() -> (Button) question.getScene().getRoot().lookupAll(".button").stream()
        .filter(node -> node instanceof Button button && "Quit".equals(button.getText())).findFirst().orElseThrow());
    robot.interact(quit::fire);

    assertThat(exit.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(showing()).isEmpty();
  }
}
