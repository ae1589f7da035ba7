package dev.setwise.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.setwise.service.sync.SyncToken;
import dev.setwise.support.Structures;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that answers, but never what would let a sync go on: a 4xx to every change, a change
 * feed that refuses every cursor, one that says there is more without moving on. Each sync ends
 * (retrying cannot fix these), tells the user why, sends each change once per sync, and loses
 * nothing. The timeout only guards against a sync that would loop for ever.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SyncWithAStubbornServerTest {

  private static final String TOKEN = "swt_000000000000_" + "s".repeat(43);

  @TempDir
  Path dir;

  HttpServer stub;
  Device device;
  final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
  volatile Function<HttpExchange, String[]> changes;
  volatile Function<HttpExchange, String[]> writes;

  @BeforeEach
  void start() throws IOException {
    stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    stub.createContext("/api/health", exchange -> answer(exchange, "200", "{\"status\":\"ok\",\"version\":\"stub\"}"));
    stub.createContext("/api/changes", exchange -> answer(exchange, changes.apply(exchange)));
    stub.createContext("/api/", exchange -> answer(exchange, writes.apply(exchange)));
    stub.start();
    changes = exchange -> new String[] {"200", "{\"data\":[],\"next_cursor\":\"c1\",\"has_more\":false}"};
    writes = exchange -> new String[] {"404", "{\"error\":\"NotFound\",\"message\":\"Not found\"}"};
    device = Device.open(dir.resolve("a"), "Alex", SyncTwoDevicesTest.FAST);
    device.app.syncSettings().setUp(device.id(), "http://127.0.0.1:" + stub.getAddress().getPort(),
        SyncToken.of(TOKEN));
  }

  @AfterEach
  void stop() {
    device.close();
    stub.stop(0);
  }

  @Test
  void changesTheServerRefusesAreSentOncePerSyncAndShownNeverRetriedInALoop() {
    writes = exchange -> new String[] {"400",
        "{\"error\":\"ValidationError\",\"message\":\"Invalid plan data\",\"details\":[]}"};
    device.app.plans().create(device.id(), "Strength A", Structures.plan());
    device.app.plans().create(device.id(), "Strength B", Structures.plan());

    SyncReport first = device.sync();

    assertThat(first.inSync()).isFalse();
    assertThat(first.failure()).isEmpty();
    assertThat(first.problems()).hasSize(2)
        .allSatisfy(line -> assertThat(line).startsWith("refused plan").endsWith(": 400 Invalid plan data"));
    assertThat(count("POST /api/plans")).isEqualTo(2);
    assertThat(device.sync.status(device.id()).waiting()).isEqualTo(2);
    assertThat(device.sync.status(device.id()).refused()).hasSize(2);

    SyncReport second = device.sync();
    assertThat(second.problems()).hasSize(2);
    assertThat(count("POST /api/plans")).isEqualTo(4);
  }

  @Test
  void aChangeFeedThatRefusesEveryCursorIsReadFromTheStartOnceThenTheSyncStops() {
    changes = exchange -> exchange.getRequestURI().getQuery().contains("after=")
        ? new String[] {"400", "{\"error\":\"ValidationError\",\"message\":\"Invalid query parameters\"}"}
        : new String[] {"200", "{\"data\":[],\"next_cursor\":\"c1\",\"has_more\":true}"};

    SyncReport report = device.sync();

    assertThat(report.failure()).get().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(SyncException.Kind.SERVER);
      assertThat(e.getMessage()).endsWith("400 Invalid query parameters to GET /api/changes");
    });
    assertThat(count("GET /api/changes")).isEqualTo(4);
    assertThat(device.sync.status(device.id()).settings().orElseThrow().lastOutcome())
        .isEqualTo(dev.setwise.domain.sync.SyncOutcome.FAILED);
  }

  @Test
  void aChangeFeedThatSaysThereIsMoreWithoutMovingOnStopsTheSync() {
    changes = exchange -> new String[] {"200", "{\"data\":[],\"next_cursor\":\"same\",\"has_more\":true}"};

    SyncReport report = device.sync();

    assertThat(report.failure()).get().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(SyncException.Kind.SERVER);
      assertThat(e.getMessage()).endsWith("answered a change feed that does not move on (the same cursor again)");
    });
    assertThat(count("GET /api/changes")).isEqualTo(2);
  }

  private int count(String request) {
    return requests.getOrDefault(request, new AtomicInteger()).get();
  }

  private void answer(HttpExchange exchange, String... statusAndBody) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      requests.computeIfAbsent(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(),
          key -> new AtomicInteger()).incrementAndGet();
      byte[] body = statusAndBody[1].getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(Integer.parseInt(statusAndBody[0]), body.length);
      exchange.getResponseBody().write(body);
    }
  }
}
