package dev.setwise;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points logging at a rolling file in the data folder ({@code logs/setwise.log}, daily and at
 * 10 MB, 14 days, 100 MB at most). Until this runs, log events go nowhere: nothing but CLI output
 * may reach stdout.
 *
 * <p>The file appender (its pattern, its rolling policy: most of logback's classes) is built when
 * the first event is logged, not before (docs/decisions/0045): a command that logs nothing, which
 * is most of them, never pays for it; one that logs gets the same file, pattern and rolling.
 */
public final class Logging {

  private Logging() {}

  /**
   * Points logging at the data folder. Never fails: when the log file cannot be made (a full disk,
   * a file in the way) the command still runs, without a log.
   */
  public static void toDataFolder(Path dataDir) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    try {
      configure(context, dataDir.resolve("logs"));
    } catch (RuntimeException e) {
      context.reset();
    }
  }

  /** Points {@code context} at the rolling file in {@code logs} (package-private for tests). */
  static void configure(LoggerContext context, Path logs) {
    context.reset();
    FileOnFirstEvent appender = new FileOnFirstEvent(() -> fileAppender(context, logs));
    appender.setContext(context);
    appender.setName("file");
    appender.start();

    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(appender);
    context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
    context.getLogger("org.flywaydb").setLevel(Level.WARN);
  }

  /**
   * Loads, on the calling thread, what the first event needs (see {@link #warmUp(Path)}), the time
   * zone's rules first: the file's time stamps and its daily rolling are in local time, and the
   * JDK's first look-up of a zone searches the whole class path for more rules. {@code Cli} runs
   * this on a daemon thread from the start (docs/decisions/0052, 0059), so the first event's thread
   * finds it done.
   */
  public static void warmUp() {
    java.time.ZoneId.systemDefault().getRules();
    // a folder that is not there: the rolling policy only looks in it
    warmUp(Path.of(System.getProperty("java.io.tmpdir"), "setwise-log-warm-up-" + ProcessHandle.current().pid()));
  }

  /**
   * Loads and runs once, on a context of its own, what the file appender is built of (the pattern
   * and its converters, the rolling policy with its file name pattern and calendar, started: it
   * only reads {@code logs}) without making any file.
   */
  static void warmUp(Path logs) {
    LoggerContext scratch = new LoggerContext();
    try {
      encoder(scratch).encode(new ch.qos.logback.classic.spi.LoggingEvent(Logging.class.getName(),
          scratch.getLogger(Logging.class), Level.INFO, "warm {}", null, new Object[] {"up"}));
      RollingFileAppender<ILoggingEvent> unstarted = new RollingFileAppender<>();
      unstarted.setContext(scratch);
      unstarted.setFile(logs.resolve("setwise.log").toString());
      rollingPolicy(scratch, unstarted, logs).stop();
    } finally {
      scratch.stop();
    }
  }

  /** The lines of {@link LogLineEncoder#PATTERN}, written without logback's pattern layout (docs/decisions/0063). */
  private static Encoder<ILoggingEvent> encoder(LoggerContext context) {
    LogLineEncoder encoder = new LogLineEncoder();
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private static String archivePattern(Path logs) {
    return logs.resolve("setwise.%d{yyyy-MM-dd}.%i.log.gz").toString();
  }

  /** The rolling file of the data folder, started. */
  private static Appender<ILoggingEvent> fileAppender(LoggerContext context, Path logs) {
    Encoder<ILoggingEvent> encoder = encoder(context);

    RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
    appender.setContext(context);
    appender.setName("file");
    appender.setFile(logs.resolve("setwise.log").toString());
    appender.setEncoder(encoder);

    appender.setRollingPolicy(rollingPolicy(context, appender, logs));
    appender.start();
    return appender;
  }

  /** Daily and at 10 MB, 14 days, 100 MB at most; started. */
  private static SizeAndTimeBasedRollingPolicy<ILoggingEvent> rollingPolicy(LoggerContext context,
      RollingFileAppender<ILoggingEvent> appender, Path logs) {
    SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
    policy.setContext(context);
    policy.setParent(appender);
    policy.setFileNamePattern(archivePattern(logs));
    policy.setMaxFileSize(FileSize.valueOf("10MB"));
    policy.setMaxHistory(14);
    policy.setTotalSizeCap(FileSize.valueOf("100MB"));
    policy.start();
    return policy;
  }

  /**
   * Hands every event to the file appender, which it builds on the first one. Logback calls
   * {@link #doAppend} under this appender's lock, so the file is built once; it is stopped with
   * the context (a reset or the JVM's end).
   */
  static final class FileOnFirstEvent extends AppenderBase<ILoggingEvent> {

    private final java.util.function.Supplier<Appender<ILoggingEvent>> build;
    private Appender<ILoggingEvent> file;

    FileOnFirstEvent(java.util.function.Supplier<Appender<ILoggingEvent>> build) {
      this.build = build;
    }

    /** True once an event made it build the file appender. */
    synchronized boolean built() {
      return file != null;
    }

    @Override
    protected void append(ILoggingEvent event) {
      if (file == null) {
        try {
          file = build.get();
        } catch (RuntimeException e) {
          // No log file can be made (a full disk, a file in the way): the app goes on without one.
          stop();
          return;
        }
      }
      file.doAppend(event);
    }

    @Override
    public void stop() {
      Appender<ILoggingEvent> built;
      synchronized (this) {
        built = file;
      }
      if (built != null) {
        built.stop();
      }
      super.stop();
    }
  }
}
