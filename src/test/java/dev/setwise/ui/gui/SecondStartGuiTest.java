package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.cli.Cli;
import dev.setwise.support.MutableClock;
import dev.setwise.support.TestContext;
import dev.setwise.ui.DesktopApp;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app owns its data folder: starting it again on the same folder (as a person does
 * who forgot it was open) opens no second window; the first one comes to the front.
 */
class SecondStartGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() throws Exception {
    driver = new AppDriver(java.nio.file.Files.createDirectories(dir.resolve("data")), clock);
    driver.open();
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  private static List<Window> showing() throws Exception {
    return WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream().filter(Window::isShowing).toList()).get();
  }

  @Test
  void aSecondStartOnTheSameFolderOpensNoSecondWindowAndBringsTheFirstToTheFront() throws Exception {
    List<Window> before = showing();
    driver.robot.interact(() -> driver.stage.setIconified(true));
    AppDriver.waitUntil(() -> driver.stage.isIconified());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Cli.run(new String[] {"--data-dir", driver.dataDir.toString()}, Map.of(), new PrintWriter(out),
        new PrintWriter(err), DesktopApp::run);

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString().strip()).isEqualTo("Setwise is already open on "
        + driver.dataDir.toAbsolutePath() + "; its window was brought to the front.");
    assertThat(err.toString()).isEmpty();
    AppDriver.waitUntil(() -> !driver.stage.isIconified());
    assertThat(driver.stage.isShowing()).isTrue();
    assertThat(showing()).as("no second window").containsExactlyInAnyOrderElementsOf(before);
  }
}
