package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ApiServer#stop()} refuses new work but lets a request already running finish. */
class GracefulStopTest {

  @TempDir
  Path dir;

  @Test
  void aRequestInFlightFinishesWhileTheServerStops() throws Exception {
    ApiHarness api = ApiHarness.start(dir);
    Caller alex = api.caller("Alex");
    String body = "{\"name\": \"Finished while stopping\", \"structure\": {\"unit\": \"kg\", \"exercises\": []}}";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    int half = bytes.length / 2;

    try (Socket socket = new Socket(api.base.getHost(), api.base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      // With "Expect: 100-continue" the server says "100 Continue" once the handler reads the body,
      // which proves the request is running before the stop begins.
      out.write(("POST /api/plans HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + alex.token
          + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length
          + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      assertThat(readUntil(in, "\r\n\r\n")).startsWith("HTTP/1.1 100");
      out.write(bytes, 0, half);
      out.flush();

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(api.server::stop);
      awaitRefusedConnections(api);
      assertThat(stopping).isNotDone();

      out.write(bytes, half, bytes.length - half);
      out.flush();
      String answer = readUntil(in, "}");
      assertThat(answer).startsWith("HTTP/1.1 201").contains("Finished while stopping");
      stopping.get(30, TimeUnit.SECONDS);
    }
    assertThat(api.t.app.plans().list(alex.profile.id())).hasSize(1);
    api.t.close();
  }

  /** Waits (polling) until the server no longer accepts connections: the stop has begun. */
  private static void awaitRefusedConnections(ApiHarness api) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try {
        new Socket(api.base.getHost(), api.base.getPort()).close();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
      } catch (ConnectException refused) {
        return;
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("the server kept accepting connections");
  }

  private static String readUntil(InputStream in, String end) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    while (!read.toString(StandardCharsets.UTF_8).endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      read.write(b);
    }
    return read.toString(StandardCharsets.UTF_8);
  }
}
