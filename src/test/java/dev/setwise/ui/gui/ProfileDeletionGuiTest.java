package dev.setwise.ui.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import dev.setwise.ui.MainViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * Profile → Delete profile… from the window: the confirmation names what goes and which profile
 * opens next, a workout in progress must be ticked off, a backup is made first and named; the
 * only profile is never deleted.
 */
class ProfileDeletionGuiTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(TestContext.START);
  AppDriver driver;
  Profile robin;

  @BeforeAll
  static void toolkit() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @BeforeEach
  void setUp() {
    driver = new AppDriver(dir, clock);
    robin = driver.context.profiles().ensureDefault();
  }

  @AfterEach
  void tearDown() throws Exception {
    driver.close();
  }

  /** The header's profile button, then its Delete profile… item. */
  private void askToDelete() throws Exception {
    MenuButton profiles = driver.robot.lookup((Predicate<Node>) n -> n instanceof MenuButton b
        && "Profile".equals(b.getAccessibleText())).query();
    driver.robot.clickOn(profiles);
    AppDriver.waitUntil(profiles::isShowing);
    Node item = driver.robot.lookup(".menu-item").match((Predicate<Node>) n -> n.lookup(".label") instanceof Label l
        && "Delete profile…".equals(l.getText())).query();
    driver.robot.clickOn(item);
    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isPresent());
  }

  private String header() {
    return driver.robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText();
  }

  private boolean dialogSays(String start) {
    return driver.robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText() != null && l.getText().startsWith(start));
  }

  private Button button(String text) {
    return (Button) driver.robot.lookup(".dialog-pane .button").match(n -> text.equals(((Button) n).getText()))
        .query();
  }

  @Test
  void theOnlyProfileIsNeverDeletedAndTheDialogSaysWhy() throws Exception {
    driver.open();

    askToDelete();

    assertThat(header()).isEqualTo(robin.name() + " is the only profile");
    assertThat(driver.robot.lookup("#delete-profile-confirm").tryQuery()).isEmpty();
    driver.robot.clickOn(button("Close"));
    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isEmpty());
    assertThat(driver.context.profiles().list()).containsExactly(robin);
    assertThat(driver.app.viewModel().profileProperty().get()).isEqualTo(robin);
  }

  @Test
  void deletingAProfileWithAWorkoutInProgressNeedsItTickedOffMakesABackupAndOpensTheOther() throws Exception {
    Profile sam = driver.context.profiles().create("Sam", Unit.LB);
    Plan plan = driver.context.plans().create(robin.id(), "Legs", Structures.plan());
    driver.context.sessions().start(robin.id(), plan.id(), LocalDate.parse("2026-11-24"));
    driver.open();
    MainViewModel vm = driver.app.viewModel();
    assertThat(vm.profileProperty().get()).isEqualTo(robin);

    askToDelete();

    assertThat(header()).isEqualTo("Delete " + robin.name() + " and everything in it?");
    assertThat(dialogSays("This deletes 1 plan and 1 session, its API tokens and its activity log.")).isTrue();
    assertThat(driver.robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream()
        .anyMatch(l -> l.getText() != null && l.getText().endsWith("Setwise then opens Sam."))).isTrue();
    Button delete = driver.node("#delete-profile-confirm");
    assertThat(delete.getText()).isEqualTo("Delete " + robin.name());
    assertThat(delete.isDisabled()).as("the workout in progress is not ticked off").isTrue();

    driver.robot.clickOn(driver.<CheckBox>node("#delete-profile-workout"));
    assertThat(delete.isDisabled()).isFalse();
    driver.robot.clickOn(delete);

    AppDriver.waitUntil(() -> driver.robot.lookup(".dialog-pane").tryQuery().isEmpty()
        && sam.equals(vm.profileProperty().get()));
    assertThat(driver.context.profiles().list()).containsExactly(sam);
    assertThat(vm.profiles()).containsExactly(sam);
    assertThat(driver.context.plans().list(sam.id())).isEmpty();

    // The notice names the backup made first, and it is there.
    String notice = vm.noticeProperty().get();
    assertThat(notice).startsWith("Deleted profile " + robin.name() + ". The backup made before is ");
    String name = notice.substring(notice.indexOf(" is ") + 4, notice.indexOf(" (File"));
    try (Stream<Path> files = Files.walk(dir)) {
      List<Path> found = files.filter(p -> p.getFileName().toString().equals(name)).toList();
      assertThat(found).hasSize(1);
      assertThat(Files.size(found.get(0))).isPositive();
    }
  }
}
