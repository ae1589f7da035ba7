package dev.setwise;

import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.StatusUtil;
import ch.qos.logback.core.util.StatusListenerConfigHelper;
import ch.qos.logback.core.util.StatusPrinter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Logback for SLF4J, named by {@link Main} in {@code slf4j.provider} so that neither SLF4J nor
 * logback searches the class path at start-up (docs/decisions/0059): SLF4J's provider search and
 * logback's configurator search each open every jar of the manifest's {@code Class-Path}. The
 * context it hands out is logback's own, configured by {@link QuietLogging}'s rule (every event
 * goes nowhere until {@link Logging#toDataFolder}); {@code -Dlogback.configurationFile} still
 * wins, through logback's ordinary configuration. Tests, which start without {@code Main}, get
 * logback's own provider and {@link QuietLogging} through {@code META-INF/services}.
 */
public final class QuietLogbackProvider implements SLF4JServiceProvider {

  private final LoggerContext context = new LoggerContext();
  private final IMarkerFactory markers = new BasicMarkerFactory();
  private final LogbackMDCAdapter mdc = new LogbackMDCAdapter();

  @Override
  public void initialize() {
    context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
    context.setMDCAdapter(mdc);
    if (System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null) {
      // as logback's own provider does it
      try {
        new ContextInitializer(context).autoConfig();
      } catch (JoranException | RuntimeException e) {
        org.slf4j.helpers.Util.report("Failed to auto configure default logger context", e);
      }
      if (!StatusUtil.contextHasStatusListener(context)) {
        StatusPrinter.printInCaseOfErrorsOrWarnings(context);
      }
    } else {
      StatusListenerConfigHelper.installIfAsked(context);
      QuietLogging.quiet(context);
    }
    context.start();
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return context;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdc;
  }

  @Override
  public String getRequestedApiVersion() {
    return ch.qos.logback.classic.spi.LogbackServiceProvider.REQUESTED_API_VERSION;
  }
}
