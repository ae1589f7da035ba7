package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.setwise.api.ApiHarness.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The request log (docs/decisions/0047): every write and every failure gets an INFO line; a quick
 * successful read only a DEBUG one, so that a busy server's log keeps what is worth keeping.
 */
class RequestLogApiTest extends ApiTestBase {

  Caller alex;
  Logger logger;
  Level level;
  final BlockingQueue<ILoggingEvent> events = new LinkedBlockingQueue<>();
  final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
    @Override
    protected void append(ILoggingEvent event) {
      events.add(event);
    }
  };

  @BeforeEach
  void capture() {
    alex = api.caller("Alex");
    logger = (Logger) LoggerFactory.getLogger(ApiServer.class);
    level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
    logger.setLevel(level);
  }

  /** Waits (a few seconds at most) for the request line of {@code request}: the log is written after the answer. */
  private ILoggingEvent lineOf(String request) throws InterruptedException {
    List<ILoggingEvent> seen = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      ILoggingEvent event = events.poll(100, TimeUnit.MILLISECONDS);
      if (event == null) {
        continue;
      }
      if (event.getFormattedMessage().startsWith(request + " ")) {
        return event;
      }
      seen.add(event);
    }
    throw new AssertionError("no request line for " + request + " among " + seen);
  }

  @Test
  void writesAndFailuresAreLoggedAtInfoAndAQuickSuccessfulReadAtDebug() throws Exception {
    String planId = alex.plan("Strength A");
    assertThat(lineOf("POST /api/plans").getLevel()).isEqualTo(Level.INFO);

    assertThat(alex.get("/api/plans/" + planId).status()).isEqualTo(200);
    ILoggingEvent read = lineOf("GET /api/plans/" + planId);
    assertThat(read.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(read.getFormattedMessage()).matches("GET /api/plans/\\S+ 200 \\d+ ms");

    String unknown = "/api/plans/00000000-0000-0000-0000-000000000000";
    assertThat(alex.get(unknown).status()).isEqualTo(404);
    assertThat(lineOf("GET " + unknown).getLevel()).isEqualTo(Level.INFO);

    assertThat(alex.delete("/api/plans/" + planId).status()).isEqualTo(204);
    assertThat(lineOf("DELETE /api/plans/" + planId).getLevel()).isEqualTo(Level.INFO);
  }
}
