package dev.setwise;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import org.slf4j.Logger;

/**
 * Logback's first configuration, in code: every event goes nowhere until {@link Logging#toDataFolder}
 * points logging at the data folder, since stdout belongs to CLI output. Found by logback through
 * {@code META-INF/services} before its XML configurator, so a command's start-up parses no XML.
 * A {@code logback-test.xml} on the class path or a {@code logback.configurationFile} given on
 * the command line still wins (tests and debugging).
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class QuietLogging extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null || resourceExists("logback-test.xml")) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    quiet(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sends every event of {@code context} nowhere, its own status messages included. */
  static void quiet(LoggerContext context) {
    context.getStatusManager().add(new NopStatusListener());
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.OFF);
  }

  private static boolean resourceExists(String name) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = QuietLogging.class.getClassLoader();
    }
    return loader.getResource(name) != null;
  }
}
