package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body far over the 1 MiB limit (default 2 GiB, streamed, chunked) is refused with 413 while the
 * server's heap stays flat: run with {@code BENCH_JAVA_OPTS=-Xmx64m} to see it fit in a heap a
 * thirtieth of the body. (Speed of the REST API under load is measured by {@code bench/all.sh
 * rest}, with wrk against bare Javalin.)
 *
 * <p>{@code BENCH_JAVA_OPTS=-Xmx64m bench/run.sh ApiBench [hugeBodyMiB]} (default 2048).
 */
public final class ApiBench {

  public static void main(String[] args) throws Exception {
    long hugeMiB = args.length > 0 ? Long.parseLong(args[0]) : 2048;
    Path dir = Files.createTempDirectory("setwise-api-bench");
    try (AppContext app = AppContext.open(dir)) {
      Profile profile = app.profiles().create("Bench", Unit.KG);
      String token = app.tokens().create(profile.id(), "bench").text();
      ApiServer server = ApiServer.start(new ApiServer.Services(app.sessions(), app.plans(), app.audit(),
          app.tokens(), app.idempotency(), app.changes(), Version.current()), "127.0.0.1", 0);
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        hugeBody(http, URI.create(server.url()), token, hugeMiB);
      } finally {
        server.stop();
      }
    }
  }

  private static void hugeBody(HttpClient http, URI base, String token, long mib) throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.gc();
    long before = memory.getHeapMemoryUsage().getUsed();
    AtomicLong peak = new AtomicLong(before);
    // Samples the heap every 5 ms while the upload runs.
    java.util.concurrent.ScheduledExecutorService sampler = java.util.concurrent.Executors
        .newSingleThreadScheduledExecutor(runnable -> {
          Thread thread = new Thread(runnable, "heap-sampler");
          thread.setDaemon(true);
          return thread;
        });
    sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max),
        0, 5, java.util.concurrent.TimeUnit.MILLISECONDS);
    HttpRequest upload = HttpRequest.newBuilder(base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .timeout(Duration.ofMinutes(10))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Filler(mib * 1024 * 1024))).build();
    long started = System.nanoTime();
    String outcome;
    try {
      HttpResponse<String> answer = http.send(upload, HttpResponse.BodyHandlers.ofString());
      outcome = answer.statusCode() + " " + answer.body();
    } catch (java.io.IOException e) {
      outcome = "connection cut (" + e.getMessage() + ")";
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    sampler.shutdownNow();
    sampler.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
    System.out.printf("%,d MiB body, streamed: %s in %.1f s%n", mib, outcome, seconds);
    System.out.printf("  heap used before %.1f MiB, peak while uploading %.1f MiB (max heap %.0f MiB)%n",
        before / 1048576.0, peak.get() / 1048576.0, memory.getHeapMemoryUsage().getMax() / 1048576.0);
  }

  /** A JSON-ish body of any length made from one small buffer: nothing big is held on this side either. */
  private static final class Filler extends InputStream {

    private final byte[] chunk = ("{\"x\": \"" + "a".repeat(65_536)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private long left;

    Filler(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(Math.min(length, chunk.length), left);
      System.arraycopy(chunk, 0, buffer, offset, n);
      left -= n;
      return n;
    }
  }
}
