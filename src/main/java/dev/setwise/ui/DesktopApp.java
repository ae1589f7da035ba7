package dev.setwise.ui;

import dev.setwise.AppContext;
import dev.setwise.ui.common.AudioChime;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app on one data folder. {@link #run} is the entry {@code Main} hands to the CLI: it
 * opens the database, starts the JavaFX toolkit with {@link Platform#startup} (no
 * {@code Application} subclass, no static state), shows the window and, once it closes, waits for
 * the last autosave before closing the database. {@link #show} builds the same window on a given
 * stage, which is how the UI tests drive the real app.
 */
public final class DesktopApp {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

  private final AppContext context;
  private final BackgroundTasks tasks;
  private final MainViewModel viewModel;
  private final MainWindow window;

  private DesktopApp(AppContext context, BackgroundTasks tasks, MainViewModel viewModel, MainWindow window) {
    this.context = context;
    this.tasks = tasks;
    this.viewModel = viewModel;
    this.window = window;
  }

  /**
   * Opens the main window on {@code dataDir} and blocks until it closes; returns the exit code.
   * Without a display it says so in one line on stderr and returns 1.
   */
  public static int run(Path dataDir) {
    // JavaFX warns on stderr when its jars are on the class path, which is how the jar runs.
    java.util.logging.Logger javafxLog = java.util.logging.Logger.getLogger("javafx");
    javafxLog.setLevel(java.util.logging.Level.SEVERE);
    CountDownLatch closed = new CountDownLatch(1);
    boolean started = false;
    try (AppContext context = AppContext.open(dataDir); BackgroundTasks tasks = BackgroundTasks.create()) {
      UiPreferences preferences = UiPreferences.load(dataDir);
      Platform.setImplicitExit(true);
      try {
        Platform.startup(() -> {
          Stage stage = new Stage();
          stage.setOnHidden(event -> closed.countDown());
          DesktopApp app = show(context, stage, tasks, preferences, AudioChime.load(tasks));
          // A bug in a view must not pass silently: log it and say so in the window.
          Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception on the UI thread", error);
            app.viewModel().errorProperty().set(
                "Something went wrong on screen. Your data is safe; the details are in the log file.");
          });
        });
        started = true;
      } catch (RuntimeException | LinkageError e) {
        LOG.error("Could not start the desktop window", e);
        System.err.println("setwise: cannot open the desktop window (" + e.getMessage()
            + "); is there a display? The commands work without one: see 'setwise --help'");
        return 1;
      }
      closed.await();
      // try-with-resources: tasks close first (the last autosave lands), then the database.
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      if (started) {
        Platform.exit();
      }
      java.lang.ref.Reference.reachabilityFence(javafxLog);
    }
  }

  /**
   * Builds the main window on {@code stage}, shows it and starts loading. Call on the FX thread.
   * Installs a check that refuses any database call from the FX thread (such a call is a bug: it
   * would freeze the window while the disk works).
   */
  public static DesktopApp show(AppContext context, Stage stage, BackgroundTasks tasks, UiPreferences preferences,
      Chime chime) {
    context.checkCallers(DesktopApp::refuseFxThread);
    UiServices services = new UiServices(context.profiles(), context.plans(), context.sessions(), context.audit(),
        context.clock());
    MainViewModel viewModel = new MainViewModel(services, tasks, chime, preferences, context.dataDir());
    MainWindow window = new MainWindow(viewModel, stage, context.clock().getZone());
    stage.show();
    viewModel.start();
    return new DesktopApp(context, tasks, viewModel, window);
  }

  private static void refuseFxThread() {
    if (Platform.isFxApplicationThread()) {
      throw new IllegalStateException("Database call on the JavaFX application thread");
    }
  }

  public MainViewModel viewModel() {
    return viewModel;
  }

  public MainWindow window() {
    return window;
  }

  public AppContext context() {
    return context;
  }

  public BackgroundTasks tasks() {
    return tasks;
  }
}
