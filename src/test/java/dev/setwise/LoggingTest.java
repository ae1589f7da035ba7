package dev.setwise;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

/** The data folder's log file is made by the first event logged, with the pattern it always had. */
class LoggingTest {

  @TempDir
  Path dir;

  /** A context as SLF4J's binding sets it up (logback's own has an MDC adapter). */
  private static LoggerContext context() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    return context;
  }

  @Test
  void nothingIsMadeUntilSomethingIsLogged() {
    LoggerContext context = context();
    try {
      Logging.configure(context, dir.resolve("logs"));

      context.getLogger("quiet").debug("below the level");

      assertThat(dir.resolve("logs")).doesNotExist();
      Logging.FileOnFirstEvent appender = (Logging.FileOnFirstEvent) context.getLogger(Logger.ROOT_LOGGER_NAME)
          .getAppender("file");
      assertThat(appender.built()).isFalse();
    } finally {
      context.stop();
    }
  }

  @Test
  void theFirstEventMakesTheFileAndEveryEventReachesIt() throws Exception {
    LoggerContext context = context();
    try {
      Logging.configure(context, dir.resolve("logs"));

      context.getLogger("dev.setwise.Example").info("first {}", 1);
      context.getLogger("dev.setwise.Example").warn("second", new IllegalStateException("why"));
      context.getLogger("org.eclipse.jetty.Noise").info("below jetty's level");
    } finally {
      context.stop();
    }

    String log = Files.readString(dir.resolve("logs").resolve("setwise.log"));
    assertThat(log.lines()).filteredOn(line -> line.contains(" - ")).hasSize(2);
    assertThat(log).containsPattern(
        "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d) INFO  \\[[^]]+\\] "
            + "dev\\.setwise\\.Example - first 1\\n");
    assertThat(log).contains("WARN  ").contains("dev.setwise.Example - second\njava.lang.IllegalStateException: why");
    assertThat(log).doesNotContain("below jetty's level");
  }

  @Test
  void theWarmUpMakesNoFileAndLeavesTheFolderAlone() {
    Logging.warmUp(dir.resolve("logs"));

    assertThat(dir.resolve("logs")).doesNotExist();
  }

  @Test
  void anErrorInACommandReachesTheLogFileAfterTheWarmUp() throws Exception {
    LoggerContext context = context();
    try {
      Logging.configure(context, dir.resolve("logs"));
      Logging.warmUp(dir.resolve("logs"));

      context.getLogger("dev.setwise.cli.Cli").error("Command failed", new IllegalStateException("broken"));
    } finally {
      context.stop();
    }

    assertThat(Files.readString(dir.resolve("logs").resolve("setwise.log")))
        .contains("ERROR [").contains("dev.setwise.cli.Cli - Command failed\njava.lang.IllegalStateException: broken");
  }
}
