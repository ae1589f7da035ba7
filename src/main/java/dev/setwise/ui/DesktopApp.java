package dev.setwise.ui;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** Starts the JavaFX toolkit without an {@code Application} subclass, so no static state is needed. */
public final class DesktopApp {

  private DesktopApp() {}

  /** Opens the main window on {@code dataDir} and blocks until it closes. */
  public static int run(Path dataDir) {
    try (AppContext context = AppContext.open(dataDir)) {
      Profile profile = context.profiles().ensureDefault();
      CountDownLatch closed = new CountDownLatch(1);
      Platform.setImplicitExit(true);
      Platform.startup(() -> {
        Stage stage = new Stage();
        stage.setTitle("Setwise");
        stage.setScene(new Scene(new StackPane(new Label("Setwise — " + profile.name())), 1100, 720));
        stage.setOnHidden(event -> closed.countDown());
        stage.show();
      });
      closed.await();
      Platform.exit();
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
