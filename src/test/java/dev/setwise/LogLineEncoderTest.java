package dev.setwise;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The log file's lines are the bytes logback's pattern layout writes for the same pattern (docs/decisions/0063). */
class LogLineEncoderTest {

  private final LoggerContext context = new LoggerContext();
  private final LogLineEncoder encoder = new LogLineEncoder();
  private final PatternLayoutEncoder pattern = new PatternLayoutEncoder();

  @BeforeEach
  void start() {
    encoder.setContext(context);
    encoder.start();
    pattern.setContext(context);
    pattern.setPattern(LogLineEncoder.PATTERN);
    pattern.start();
  }

  @AfterEach
  void stop() {
    encoder.stop();
    pattern.stop();
    context.stop();
  }

  @Test
  void everyEventIsWrittenAsThePatternLayoutWritesIt() {
    List<LoggingEvent> events = new ArrayList<>();
    String[] loggers = {"dev.setwise.store.Database", "dev.setwise.Main", "x",
        "org.eclipse.jetty.server.handler.ContextHandlerCollection.VeryLongInnerName",
        "dev.setwise.service.sync.SyncService$Worker", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.Name"};
    Level[] levels = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
    long[] times = {0L, 1_764_000_000_123L, 1_782_345_678_999L, 1_800_000_000_000L};
    int i = 0;
    for (String name : loggers) {
      for (Level level : levels) {
        LoggingEvent event = new LoggingEvent(LogLineEncoderTest.class.getName(), context.getLogger(name), level,
            "Opened {} with {} ünïcödé, a brace {} and none", null, new Object[] {"/tmp/a b/setwise.db", i, "{}"});
        event.setTimeStamp(times[i % times.length]);
        event.setThreadName(i % 3 == 0 ? "main" : i % 3 == 1 ? "setwise-log-warm-up" : "");
        events.add(event);
        i++;
      }
    }
    LoggingEvent plain = new LoggingEvent("x", context.getLogger("dev.setwise.cli.Cli"), Level.INFO, "no arguments",
        null, null);
    events.add(plain);

    for (LoggingEvent event : events) {
      assertThat(new String(encoder.encode(event))).isEqualTo(new String(pattern.encode(event)));
    }
  }

  @Test
  void anEventWithAThrowableGetsLogbacksStackTrace() {
    LoggingEvent event = new LoggingEvent("x", context.getLogger("dev.setwise.cli.Cli"), Level.ERROR, "Command failed",
        new IllegalStateException("why", new java.io.IOException("disk")), null);

    String written = new String(encoder.encode(event));

    assertThat(written).isEqualTo(new String(pattern.encode(event)));
    assertThat(written).contains("Command failed").contains("java.lang.IllegalStateException: why")
        .contains("Caused by: java.io.IOException: disk");
  }

  @Test
  void itHasNoHeaderOrFooter() {
    assertThat(encoder.headerBytes()).isNull();
    assertThat(encoder.footerBytes()).isNull();
  }
}
