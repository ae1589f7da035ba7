package dev.setwise.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The lanes of the real background threads: a save never waits behind a backup, and closing
 * finishes every save that was asked for, however long a backup (or a save) takes. Callbacks run
 * on the worker threads here (no toolkit); every wait is on a latch.
 */
class BackgroundTasksCloseTest {

  private static final long WAIT = 30;

  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(BackgroundTasks.class);
  final List<String> failures = new CopyOnWriteArrayList<>();

  ch.qos.logback.classic.Level levelBefore;

  /** Captures the log at INFO whatever level the tests run before this one left it at. */
  @BeforeEach
  void captureLog() {
    levelBefore = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    logger.detachAppender(log);
    logger.setLevel(levelBefore);
  }

  private boolean logged(String text) {
    return log.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
  }

  /** A backup that blocks until {@code release}, ignoring interrupts (as a long VACUUM INTO might). */
  private Object stubbornBackup(CountDownLatch started, CountDownLatch release) {
    started.countDown();
    boolean interrupted = false;
    while (release.getCount() > 0) {
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return "backup";
  }

  @Test
  void aSaveRunsAtOnceWhileABackupIsStillUnderWay() throws Exception {
    BackgroundTasks tasks = BackgroundTasks.create(Runnable::run, Duration.ofSeconds(10));
    CountDownLatch backupStarted = new CountDownLatch(1);
    CountDownLatch releaseBackup = new CountDownLatch(1);
    CountDownLatch saved = new CountDownLatch(1);
    tasks.wholeFile("make today's backup", () -> stubbornBackup(backupStarted, releaseBackup), done -> { },
        failure -> failures.add(failure.message()));
    assertThat(backupStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();

    tasks.write("save the workout", () -> "saved", done -> saved.countDown(), failure -> failures.add(failure.message()));

    assertThat(saved.await(WAIT, TimeUnit.SECONDS)).as("the save ran while the backup was still going").isTrue();
    assertThat(releaseBackup.getCount()).isEqualTo(1);
    releaseBackup.countDown();
    tasks.close();
    assertThat(failures).isEmpty();
  }

  @Test
  void closingFinishesEverySaveEvenWhenABackupAndASaveOutlastTheGrace() throws Exception {
    BackgroundTasks tasks = BackgroundTasks.create(Runnable::run, Duration.ofMillis(20));
    CountDownLatch backupStarted = new CountDownLatch(1);
    CountDownLatch releaseBackup = new CountDownLatch(1);
    CountDownLatch saveStarted = new CountDownLatch(1);
    CountDownLatch releaseSave = new CountDownLatch(1);
    AtomicBoolean saveInterrupted = new AtomicBoolean();
    List<Integer> saves = new CopyOnWriteArrayList<>();
    tasks.wholeFile("make today's backup", () -> stubbornBackup(backupStarted, releaseBackup), done -> { },
        failure -> { });
    assertThat(backupStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();
    tasks.write("save the workout", () -> {
      saveStarted.countDown();
      try {
        releaseSave.await();
      } catch (InterruptedException e) {
        saveInterrupted.set(true);
        throw e;
      }
      return 0;
    }, saves::add, failure -> failures.add(failure.message()));
    for (int i = 1; i <= 5; i++) {
      int n = i;
      tasks.write("save the workout", () -> n, saves::add, failure -> failures.add(failure.message()));
    }
    assertThat(saveStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();

    Thread closing = new Thread(tasks::close, "closing");
    closing.start();
    // Closing has waited past its grace for the saves and is still waiting: only then let the save finish.
    AppWait.until(() -> logged("still finishing the saves"));
    assertThat(closing.isAlive()).isTrue();
    releaseSave.countDown();
    closing.join(TimeUnit.SECONDS.toMillis(WAIT));

    assertThat(closing.isAlive()).as("close returned").isFalse();
    assertThat(saves).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(saveInterrupted).isFalse();
    assertThat(failures).isEmpty();
    assertThat(logged("abandoning it")).as("the stubborn backup was abandoned, not waited for").isTrue();
    assertThat(releaseBackup.getCount()).isEqualTo(1);
    releaseBackup.countDown();
  }

  @Test
  void closingStopsABackupUnderWaySoItCanRemoveItsHalfWrittenFile() throws Exception {
    BackgroundTasks tasks = BackgroundTasks.create(Runnable::run, Duration.ofSeconds(10));
    CountDownLatch backupStarted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    AtomicBoolean cleanedUp = new AtomicBoolean();
    List<Throwable> outcome = new CopyOnWriteArrayList<>();
    tasks.wholeFile("make today's backup", () -> {
      backupStarted.countDown();
      try {
        never.await();
        return "finished";
      } finally {
        cleanedUp.set(true);
      }
    }, done -> { }, failure -> outcome.add(failure.cause()));
    tasks.wholeFile("export your data", () -> "never started", done -> failures.add("ran after close"),
        failure -> failures.add("failed after close"));
    assertThat(backupStarted.await(WAIT, TimeUnit.SECONDS)).isTrue();
    CountDownLatch saved = new CountDownLatch(1);
    tasks.write("save the workout", () -> "saved", done -> saved.countDown(), failure -> { });

    tasks.close();

    assertThat(saved.getCount()).isZero();
    assertThat(cleanedUp).as("the backup ran its clean-up before close returned").isTrue();
    assertThat(outcome).singleElement().isInstanceOf(InterruptedException.class);
    assertThat(failures).isEmpty();
  }

  @Test
  void workAskedForAfterClosingIsNotStartedAndThrowsNothingAtTheCaller() {
    BackgroundTasks tasks = BackgroundTasks.create(Runnable::run, Duration.ofSeconds(10));
    tasks.close();
    List<String> ran = new CopyOnWriteArrayList<>();

    // A listener reacting to the last save (the sync indicator reads the status) asks for a read.
    tasks.read("read the sync status", () -> ran.add("read"), done -> ran.add("done"), failure -> ran.add("failed"));
    tasks.sync("sync with the server", () -> ran.add("sync"), done -> ran.add("done"), failure -> ran.add("failed"));

    assertThat(ran).isEmpty();
    assertThat(tasks.runningProperty().get()).isZero();
    assertThat(logged("'read the sync status' is not started")).isTrue();
  }

  @Test
  void closingStopsASyncUnderWay() throws Exception {
    BackgroundTasks tasks = BackgroundTasks.create(Runnable::run, Duration.ofSeconds(10));
    CountDownLatch started = new CountDownLatch(1);
    List<Object> outcome = new CopyOnWriteArrayList<>();
    tasks.sync("sync with the server", () -> {
      started.countDown();
      // A request waiting on a server that never answers; the interrupt is how closing stops it.
      new CountDownLatch(1).await();
      return "never";
    }, outcome::add, failure -> outcome.add(failure.cause()));
    assertThat(started.await(WAIT, TimeUnit.SECONDS)).isTrue();

    tasks.close();

    assertThat(outcome).singleElement().isInstanceOf(InterruptedException.class);
  }

  /** Waits (on the condition, up to half a minute) without sleeping in the test itself. */
  static final class AppWait {
    static void until(java.util.function.BooleanSupplier condition) throws Exception {
      org.testfx.util.WaitForAsyncUtils.waitFor(WAIT, TimeUnit.SECONDS, condition::getAsBoolean);
    }
  }
}
