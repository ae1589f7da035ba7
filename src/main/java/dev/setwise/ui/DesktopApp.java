package dev.setwise.ui;

import dev.setwise.AppContext;
import dev.setwise.StartupException;
import dev.setwise.ui.common.AppIcons;
import dev.setwise.ui.common.AudioChime;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.UiPreferences;
import dev.setwise.ui.common.UiServices;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.DataFolder;
import dev.setwise.ui.data.FilePicker;
import dev.setwise.ui.data.NativeFilePicker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app on one data folder. {@link #run} is the entry {@code Main} hands to the CLI: it
 * starts the JavaFX toolkit with {@link Platform#startup} (no {@code Application} subclass, no static
 * state) and shows the window at once ({@link OpeningWindow}) while it takes the app's lease on the
 * folder and opens the database (when the database is refused, a dialog offers a restore or another
 * folder: {@link FolderOpening}), then puts the real window on that stage and, once it closes, waits for every queued save before closing the database. It first claims
 * the data folder ({@link SingleInstance}): when the app is already open there, that window comes
 * to the front and nothing else opens. After the window is up, the database is checked
 * ({@code quick_check}) in the background. {@link #show} builds the same window on a given stage,
 * which is how the UI tests drive the real app.
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
   * When Setwise is already open on that folder, its window comes to the front instead, a line on
   * {@code out} says so and the exit code is 0. Without a display it says so in one line on stderr
   * and returns 1.
   */
  public static int run(Path dataDir, PrintWriter out) {
    return run(dataDir, out, new NativeFilePicker());
  }

  /**
   * {@link #run(Path, PrintWriter)} with {@code files} answering the file dialogs (the demo tool
   * that takes the README screenshots of the import summary gives a fixed file).
   */
  public static int run(Path dataDir, PrintWriter out, FilePicker files) {
    return run(dataDir, out, files, new FxToolkit());
  }

  private static int run(Path dataDir, PrintWriter out, FilePicker files, FxToolkit toolkit) {
    SingleInstance.Claim claim = SingleInstance.claim(dataDir);
    if (claim instanceof SingleInstance.Running running) {
      try {
        return alreadyOpen(running, out);
      } finally {
        // Started ahead (Launch.prepare) for a window that is not wanted now.
        toolkit.exit();
      }
    }
    try (SingleInstance.Owner window = (SingleInstance.Owner) claim) {
      return runWindow(dataDir, files, window, toolkit);
    }
  }

  /**
   * The desktop app as {@code Main} hands it to the command line: {@link #prepare} starts the
   * JavaFX toolkit as soon as the arguments name no command, while the command line is read and
   * the folder claimed (docs/decisions/0062); {@link #run} then shows the window on it.
   */
  public static final class Launch {

    private final FxToolkit toolkit = new FxToolkit();

    /**
     * Starts the toolkit on a thread of its own, which then loads the icon font (about a tenth of
     * a second that the FX thread would otherwise spend on the window's first icon); shows nothing.
     * Returns at once.
     */
    public void prepare() {
      toolkit.startAhead(Views::loadIconFont);
    }

    /** {@link DesktopApp#run(Path, PrintWriter)} on this launch's toolkit. */
    public int run(Path dataDir, PrintWriter out) {
      return DesktopApp.run(dataDir, out, new NativeFilePicker(), toolkit);
    }
  }

  private static void removeQuietly(Thread hook) {
    try {
      if (hook != null) {
        Runtime.getRuntime().removeShutdownHook(hook);
      }
    } catch (IllegalStateException e) {
      // the JVM is shutting down already: the hook runs
    }
  }

  /** The second start on a folder: one line, and the first window comes to the front. */
  private static int alreadyOpen(SingleInstance.Running running, PrintWriter out) {
    if (!running.shown()) {
      throw new StartupException("Setwise is already open on " + running.dataDir()
          + " but its window does not answer; close it (or end it) before starting again", null);
    }
    out.println("Setwise is already open on " + running.dataDir() + "; its window was brought to the front.");
    out.flush();
    return 0;
  }

  /** Opens the data folder for the window (asking {@code asker} when its database is refused). */
  @FunctionalInterface
  interface Opener {
    /** The folder opened, or null when the person chose to quit; see {@link FolderOpening#open}. */
    DataFolder open(Path dataDir, FolderOpening.Asker asker);
  }

  private static int runWindow(Path dataDir, FilePicker files, SingleInstance.Owner window, FxToolkit toolkit) {
    return runWindow(dataDir, files, window, (dir, asker) -> FolderOpening.open(dir, Clock.systemDefaultZone(), asker),
        AudioChime::load, toolkit);
  }

  /**
   * The window's whole life on {@code dataDir}: the opening window as soon as the toolkit is up,
   * the database opened meanwhile on this thread, then the real window on the same stage; returns
   * once it is closed and every save is on disk (docs/decisions/0045, 0051).
   */
  static int runWindow(Path dataDir, FilePicker files, SingleInstance.Owner window, Opener opener,
      Function<BackgroundTasks, Chime> chimes) {
    return runWindow(dataDir, files, window, opener, chimes, new FxToolkit());
  }

  private static int runWindow(Path dataDir, FilePicker files, SingleInstance.Owner window, Opener opener,
      Function<BackgroundTasks, Chime> chimes, FxToolkit toolkit) {
    CountDownLatch closed = new CountDownLatch(1);
    // The window shows as soon as the toolkit is up, while this thread opens the database.
    UiPreferences first = UiPreferences.load(dataDir);
    OpeningWindow opening = new OpeningWindow(dataDir, first);
    WindowWarmUp warmUp = new WindowWarmUp();
    CountDownLatch firstFrame = new CountDownLatch(1);
    toolkit.startInBackground(() -> {
      try {
        opening.show(() -> {
          firstFrame.countDown();
          warmUp.run();
        });
      } catch (RuntimeException e) {
        firstFrame.countDown();
        throw e;
      }
      window.onShowRequest(() -> Platform.runLater(opening::bringToFront));
    });
    Thread hook = null;
    try {
      // On two cores the database's work would halve what the first frame gets: it waits for it.
      awaitFirstFrame(toolkit, firstFrame);
      // Logged after that frame too: the first line of a run builds the log file's appender.
      LOG.info("Desktop window of {} answers second starts on port {}", dataDir, window.port());
      DataFolder opened = opener.open(dataDir, new OpeningQuestion(opening, toolkit,
          new OpenFailureDialog(toolkit, files, ZoneId.systemDefault())));
      if (opened == null) {
        return 1;
      }
      try (DataFolder data = opened; BackgroundTasks tasks = BackgroundTasks.create()) {
        UiPreferences preferences = data.dir().equals(dataDir) ? first : UiPreferences.load(data.dir());
        // Logging out or a plain kill (SIGTERM) ends the JVM without closing the window: finish the saves first.
        Thread finishSaves = new Thread(tasks::close, "setwise-finish-saves");
        Runtime.getRuntime().addShutdownHook(finishSaves);
        hook = finishSaves;
        toolkit.run(() -> {
          warmUp.release();
          if (opening.closedByPerson()) {
            // Closed while the database opened: it closes now, with nothing written.
            LOG.info("The window was closed before the database was open");
            closed.countDown();
            return;
          }
          toolkit.exitWithLastWindow();
          Stage stage = opening.handOver();
          stage.setOnHidden(event -> closed.countDown());
          DesktopApp app = show(data, stage, tasks, preferences, chimes.apply(tasks), files);
          app.answerSecondStarts(window);
          // A bug in a view must not pass silently: log it and say so in the window.
          Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.error("Uncaught exception on the UI thread", error);
            app.viewModel().errorProperty().set(
                "Something went wrong on screen. Your data is safe; the details are in the log file.");
          });
        });
        closed.await();
        // try-with-resources: tasks close first (every queued save lands), then the database open now.
        return 0;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    } finally {
      removeQuietly(hook);
      toolkit.exit();
    }
  }

  /** Until the opening window's first frame is drawn, the toolkit failed, or 3 s passed. */
  private static void awaitFirstFrame(FxToolkit toolkit, CountDownLatch firstFrame) throws InterruptedException {
    long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(3);
    while (!firstFrame.await(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      if (toolkit.failed() || System.nanoTime() > giveUp) {
        return;
      }
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
    if (stage.getIcons().isEmpty()) {
      stage.getIcons().setAll(AppIcons.load());
    }
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
    UiServices services = UiServices.of(context);
    viewModel = new MainViewModel(services, data, tasks, chime, preferences);
    // testConnection goes to the network without touching the database: refused on the FX thread too.
    viewModel.sync().setCallerCheck(DesktopApp::refuseFxThread);
    window = new MainWindow(viewModel, stage, context.clock().getZone(), files);
  }

  /** From now on a second start on this folder brings this window to the front (see {@link SingleInstance}). */
  public void answerSecondStarts(SingleInstance.Owner owner) {
    owner.onShowRequest(() -> Platform.runLater(this::bringToFront));
  }

  /** A second start on the same folder asked for the window: shows it in front of the others. */
  public void bringToFront() {
    if (stage.isIconified()) {
      stage.setIconified(false);
    }
    if (!stage.isShowing()) {
      return;
    }
    stage.toFront();
    stage.requestFocus();
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
