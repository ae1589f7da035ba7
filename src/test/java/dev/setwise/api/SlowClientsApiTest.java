package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.api.ApiHarness.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow clients over raw sockets: headers trickled a byte at a time (slowloris), idle connections,
 * bodies that trickle or stop. The server closes or refuses each in bounded time, and answers
 * normal clients and steady large bodies meanwhile. One server has the real bounds (10 s); the
 * other has short ones, so the behaviour of each rule is seen quickly.
 */
class SlowClientsApiTest {

  /** A bound for "the server never closed it": far longer than every rule allows. */
  private static final int NEVER_MS = 45_000;
  private static final SlowClients.Limits SHORT = new SlowClients.Limits(1_500, 1_500, 1_500, 8 * 1024);

  @TempDir
  static Path dir;

  static ApiHarness real;
  static ApiHarness quick;

  private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2);
  private final List<Socket> sockets = new ArrayList<>();

  @BeforeAll
  static void startServers() throws IOException {
    real = ApiHarness.start(Files.createDirectories(dir.resolve("real")));
    quick = ApiHarness.start(Files.createDirectories(dir.resolve("quick")), SHORT);
  }

  @AfterAll
  static void stopServers() {
    real.close();
    quick.close();
  }

  @AfterEach
  void closeSockets() throws IOException {
    pacer.shutdownNow();
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  private Socket open(ApiHarness api) throws IOException {
    Socket socket = new Socket(api.base.getHost(), api.base.getPort());
    socket.setSoTimeout(NEVER_MS);
    sockets.add(socket);
    return socket;
  }

  private static void send(Socket socket, String text) {
    send(socket, text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static void send(Socket socket, byte[] bytes) {
    try {
      OutputStream out = socket.getOutputStream();
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // the server has closed it: what the test waits for
    }
  }

  /** Sends one more header byte every {@code everyMillis} until the connection breaks. */
  private ScheduledFuture<?> trickle(Socket socket, long everyMillis) {
    AtomicInteger sent = new AtomicInteger();
    return pacer.scheduleAtFixedRate(() -> send(socket, sent.getAndIncrement() % 2 == 0 ? "X" : "-"),
        everyMillis, everyMillis, TimeUnit.MILLISECONDS);
  }

  /**
   * Everything the server sends until it closes the connection; fails if it is still open after
   * {@link #NEVER_MS}.
   */
  private static String untilClosed(Socket socket) {
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    try {
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        received.write(buffer, 0, n);
      }
    } catch (SocketException reset) {
      // closed by the server while the client was still sending: a reset is a close too
    } catch (IOException e) {
      throw new UncheckedIOException("the server kept the connection open", e);
    }
    return received.toString(StandardCharsets.ISO_8859_1);
  }

  @Test
  void threeHundredSlowlorisConnectionsAreClosedWhileNormalClientsAndASteadyMebibyteGetThrough() throws Exception {
    List<Socket> slow = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      Socket socket = open(real);
      send(socket, "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
      slow.add(socket);
    }
    List<ScheduledFuture<?>> trickles = new ArrayList<>();
    slow.forEach(socket -> trickles.add(trickle(socket, 1_000)));
    Caller alex = real.caller("Alex");
    CompletableFuture<String> steady = CompletableFuture.supplyAsync(() -> steadyMebibytePlan(real, alex, 12_000));

    Response health = real.send("GET", "/api/health", null, null, Map.of());
    assertThat(health.status()).as("a normal client is answered meanwhile").isEqualTo(200);
    for (Socket socket : slow) {
      assertThat(untilClosed(socket)).as("closed without an answer").isEmpty();
    }
    trickles.forEach(t -> t.cancel(false));

    assertThat(steady.get(60, TimeUnit.SECONDS)).as("1 MiB over 12 s, in steady blocks").startsWith("HTTP/1.1 201");
    assertThat(alex.get("/api/plans").json().get("data").size()).isEqualTo(1);
  }

  @Test
  void aConnectionThatSendsNothingIsClosed() throws IOException {
    Socket silent = open(quick);

    assertThat(untilClosed(silent)).isEmpty();
  }

  @Test
  void aKeepAliveConnectionMustStartItsNextRequestInTimeToo() throws IOException {
    Socket socket = open(quick);
    send(socket, "GET /api/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    byte[] first = new byte[12];
    assertThat(socket.getInputStream().readNBytes(first, 0, 12)).isEqualTo(12);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");

    send(socket, "GET /api/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
    trickle(socket, 300);

    assertThat(untilClosed(socket)).as("the rest of the first answer, and nothing for the second")
        .doesNotContain("HTTP/1.1");
  }

  @Test
  void aTrickledBodyIsRefusedWith408AndNothingIsStored() throws IOException {
    Caller alex = quick.caller("Alex");
    Socket socket = open(quick);
    send(socket, "POST /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + alex.token
        + "\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{\"name\": \"Slow\", ");
    trickle(socket, 100);

    String answer = untilClosed(socket);

    assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"RequestTimeout\"");
    assertThat(alex.get("/api/plans").json().get("data").size()).isZero();
  }

  @Test
  void aBodyThatStopsComingIsRefusedAtTheIdleTimeout() throws IOException {
    Caller alex = quick.caller("Alex");
    Socket socket = open(quick);
    send(socket, "POST /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + alex.token
        + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"name\": ");

    assertThat(untilClosed(socket)).startsWith("HTTP/1.1 408");
    assertThat(alex.get("/api/plans").json().get("data").size()).isZero();
  }

  @Test
  void aOneMebibyteBodyOverASlowButSteadyLinkIsAcceptedLongAfterEveryShortBound() {
    Caller alex = quick.caller("Alex");

    String answer = steadyMebibytePlan(quick, alex, 4_000);

    assertThat(answer).startsWith("HTTP/1.1 201");
    assertThat(alex.get("/api/plans").json().get("data").get(0).get("name").asString()).isEqualTo("Steady");
  }

  /**
   * Creates a plan with a body of exactly 1 MiB (valid JSON padded with spaces), sent in 16 even
   * blocks over about {@code millis}, and returns the raw answer.
   */
  private String steadyMebibytePlan(ApiHarness api, Caller caller, long millis) {
    String json = "{\"name\": \"Steady\", \"structure\": " + ApiHarness.PLAN_STRUCTURE + "}";
    byte[] body = (json + " ".repeat((int) Bodies.LIMIT - json.length())).getBytes(StandardCharsets.UTF_8);
    assertThat(body.length).isEqualTo(Bodies.LIMIT);
    try {
      Socket socket = open(api);
      send(socket, "POST /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + caller.token
          + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n");
      int blocks = 16;
      int size = body.length / blocks;
      AtomicInteger next = new AtomicInteger();
      CompletableFuture<Void> sent = new CompletableFuture<>();
      ScheduledFuture<?>[] sender = new ScheduledFuture<?>[1];
      sender[0] = pacer.scheduleAtFixedRate(() -> {
        int block = next.getAndIncrement();
        if (block >= blocks) {
          sent.complete(null);
          sender[0].cancel(false);
          return;
        }
        try {
          socket.getOutputStream().write(body, block * size, size);
          socket.getOutputStream().flush();
        } catch (IOException e) {
          sent.completeExceptionally(e);
          sender[0].cancel(false);
        }
      }, 0, millis / blocks, TimeUnit.MILLISECONDS);
      sent.join();
      return untilClosed(socket);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
