package dev.setwise.ui;

import dev.setwise.AppContext;
import dev.setwise.ui.common.AppIcons;
import dev.setwise.ui.common.AudioChime;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import dev.setwise.ui.data.DataFolder;
import dev.setwise.ui.data.FilePicker;
import dev.setwise.ui.data.NativeFilePicker;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app on one data folder. {@link #run} is the entry {@code Main} hands to the CLI: it
 * takes the app's lease on the folder and opens the database (when the database is refused, a
 * dialog offers a restore or another folder: {@link FolderOpening}), starts the JavaFX toolkit with
 * {@link Platform#startup} (no {@code Application} subclass, no static state), shows the window
 * and, once it closes, waits for the last autosave before closing the database. After the window
 * is up, the database is checked ({@code quick_check}) in the background. {@link #show} builds
 * the same window on a given stage, which is how the UI tests drive the real app.
 *
 * <p>After a backup is restored the database is a new one: the app builds a new main view model
 * and window on the new context, on the same stage (same place, same background threads).
 */
public final class DesktopApp {

  private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

  private final DataFolder data;
  private final Stage stage;
  private final BackgroundTasks tasks;
  private final Chime chime;
  private final FilePicker files;
  private MainViewModel viewModel;
  private MainWindow window;

  private DesktopApp(DataFolder data, Stage stage, BackgroundTasks tasks, Chime chime, FilePicker files) {
    this.data = data;
    this.stage = stage;
    this.tasks = tasks;
    this.chime = chime;
    this.files = files;
  }

  /**
   * Opens the main window on {@code dataDir} and blocks until it closes; returns the exit code.
   * Without a display it says so in one line on stderr and returns 1.
   */
  public static int run(Path dataDir) {
    return run(dataDir, new NativeFilePicker());
  }

  /**
   * {@link #run(Path)} with {@code files} answering the file dialogs (the demo tool that takes the
   * README screenshots of the import summary gives a fixed file).
   */
  public static int run(Path dataDir, FilePicker files) {
    // JavaFX warns on stderr when its jars are on the class path, which is how the jar runs.
    java.util.logging.Logger javafxLog = java.util.logging.Logger.getLogger("javafx");
    javafxLog.setLevel(java.util.logging.Level.SEVERE);
    CountDownLatch closed = new CountDownLatch(1);
    FxToolkit toolkit = new FxToolkit();
    try {
      DataFolder opened = FolderOpening.open(dataDir, Clock.systemDefaultZone(),
          new OpenFailureDialog(toolkit, files, ZoneId.systemDefault()));
      if (opened == null) {
        return 1;
      }
      try (DataFolder data = opened; BackgroundTasks tasks = BackgroundTasks.create()) {
        UiPreferences preferences = UiPreferences.load(data.dir());
        toolkit.run(() -> {
          Platform.setImplicitExit(true);
          Stage stage = new Stage();
          stage.setOnHidden(event -> closed.countDown());
          DesktopApp app = show(data, stage, tasks, preferences, AudioChime.load(tasks), files);
          // A bug in a view must not pass silently: log it and say so in the window.
          Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception on the UI thread", error);
            app.viewModel().errorProperty().set(
                "Something went wrong on screen. Your data is safe; the details are in the log file.");
          });
        });
        closed.await();
        // try-with-resources: tasks close first (the last autosave lands), then the database open now.
        return 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      toolkit.exit();
      java.lang.ref.Reference.reachabilityFence(javafxLog);
    }
  }

  /**
   * Builds the main window on {@code stage}, shows it, starts loading and then makes the daily
   * backup if it is due. Call on the FX thread. Installs a check that refuses any database call
   * from the FX thread (such a call is a bug: it would freeze the window while the disk works).
   *
   * @param files how the app asks for files (the platform's dialogs; tests answer themselves)
   */
  public static DesktopApp show(DataFolder data, Stage stage, BackgroundTasks tasks, UiPreferences preferences,
      Chime chime, FilePicker files) {
    DesktopApp app = new DesktopApp(data, stage, tasks, chime, files);
    stage.getIcons().setAll(AppIcons.load());
    app.build(preferences);
    stage.show();
    app.viewModel.start();
    app.viewModel.backUpDailyIfDue();
    app.viewModel.checkDatabase();
    data.contextProperty().addListener((obs, old, now) -> app.rebuild());
    return app;
  }

  private void build(UiPreferences preferences) {
    AppContext context = data.context();
    context.checkCallers(DesktopApp::refuseFxThread);
    UiServices services = new UiServices(context.profiles(), context.plans(), context.sessions(), context.audit(),
        context.clock());
    viewModel = new MainViewModel(services, data, tasks, chime, preferences);
    window = new MainWindow(viewModel, stage, context.clock().getZone(), files);
  }

  /** After a restore: the same stage shows a new window on the new database. */
  private void rebuild() {
    window.retire();
    UiPreferences preferences = viewModel.preferences();
    build(preferences);
    viewModel.start();
  }

  private static void refuseFxThread() {
    if (Platform.isFxApplicationThread()) {
      throw new IllegalStateException("Database call on the JavaFX application thread");
    }
  }

  /** The main view model now (a new one after a restore). */
  public MainViewModel viewModel() {
    return viewModel;
  }

  /** The main window now (a new one after a restore). */
  public MainWindow window() {
    return window;
  }

  /** The context open now (a new one after a restore). */
  public AppContext context() {
    return data.context();
  }

  public DataFolder data() {
    return data;
  }

  public BackgroundTasks tasks() {
    return tasks;
  }
}
