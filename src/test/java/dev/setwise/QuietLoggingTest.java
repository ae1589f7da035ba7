package dev.setwise;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * Logging's first configuration comes from code ({@link QuietLogging}), found by logback itself:
 * with no XML on the class path (as in the jar), events go nowhere, nothing reaches stdout, and no
 * configuration file is looked for or parsed.
 */
class QuietLoggingTest {

  /** The test class path without logback's XML files, as the jar is. */
  private static final class WithoutLogbackXml extends ClassLoader {
    WithoutLogbackXml(ClassLoader parent) {
      super(parent);
    }

    @Override
    public URL getResource(String name) {
      return hidden(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    private static boolean hidden(String name) {
      return name.startsWith("logback") && name.endsWith(".xml");
    }
  }

  @Test
  void logbackConfiguresItselfFromCodeWithNoXmlParsed() throws Exception {
    ClassLoader loader = new WithoutLogbackXml(getClass().getClassLoader());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    LoggerContext context = new LoggerContext();
    thread.setContextClassLoader(loader);
    try {
      new ContextInitializer(context).autoConfig(loader);
    } finally {
      thread.setContextClassLoader(before);
    }
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.OFF);
    assertThat(root.iteratorForAppenders().hasNext()).as("an appender (stdout?)").isFalse();
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getMessage().contains(".xml"));
    context.stop();
  }
}
