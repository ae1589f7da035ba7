package dev.setwise.bench;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the REST layer costs, against raw baselines measured in the same run:
 * <ol>
 *   <li>latency of {@code GET /api/sessions/{id}} and {@code GET /api/sessions} over loopback
 *       against the same service calls made in process (the raw baseline), and against
 *       {@code GET /api/health} (the floor of one HTTP round trip);</li>
 *   <li>a body far over the 1 MiB limit (default 2 GiB, streamed, chunked) is refused with 413
 *       while the server's heap stays flat: run with {@code BENCH_JAVA_OPTS=-Xmx64m} to see it
 *       fit in a heap a thirtieth of the body.</li>
 * </ol>
 *
 * <p>{@code bench/run.sh ApiBench [runs] [hugeBodyMiB]} (defaults 2000 and 2048).
 */
public final class ApiBench {

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    long hugeMiB = args.length > 1 ? Long.parseLong(args[1]) : 2048;
    Path dir = Files.createTempDirectory("setwise-api-bench");
    try (AppContext app = AppContext.open(dir)) {
      Profile profile = app.profiles().create("Bench", Unit.KG);
      Plan plan = app.plans().create(profile.id(), "Bench plan", Structures.plan());
      Session session = null;
      for (int i = 0; i < 50; i++) {
        session = app.sessions().start(profile.id(), plan.id(), LocalDate.of(2026, 1, 1).plusDays(i));
        app.sessions().complete(profile.id(), session.id(), null);
      }
      String token = app.tokens().create(profile.id(), "bench").text();
      ApiServer server = ApiServer.start(new ApiServer.Services(app.sessions(), app.plans(), app.audit(),
          app.tokens(), app.idempotency(), app.changes(), Version.current()), "127.0.0.1", 0);
      try {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI base = URI.create(server.url());
        Session one = session;
        HttpRequest get = HttpRequest.newBuilder(base.resolve("/api/sessions/" + one.id()))
            .header("Authorization", "Bearer " + token).build();
        HttpRequest list = HttpRequest.newBuilder(base.resolve("/api/sessions"))
            .header("Authorization", "Bearer " + token).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/api/health")).build();

        double healthNanos = median(runs, () -> status(http, health));
        double rawGet = median(runs, () -> app.sessions().get(profile.id(), one.id()));
        double apiGet = median(runs, () -> status(http, get));
        double rawList = median(runs, () -> app.sessions().list(profile.id(), SessionQuery.defaults()));
        double apiList = median(runs, () -> status(http, list));
        System.out.printf("median of %d runs each (after as many warm-up runs)%n", runs);
        System.out.printf("  GET /api/health (one HTTP round trip)  %8.1f µs%n", healthNanos / 1e3);
        System.out.printf("  SessionService.get (raw baseline)      %8.1f µs%n", rawGet / 1e3);
        System.out.printf("  GET /api/sessions/{id}                 %8.1f µs  = %.1f x raw, raw + %.1f µs%n",
            apiGet / 1e3, apiGet / rawGet, (apiGet - rawGet) / 1e3);
        System.out.printf("  SessionService.list (raw baseline)     %8.1f µs%n", rawList / 1e3);
        System.out.printf("  GET /api/sessions (20 summaries)       %8.1f µs  = %.1f x raw, raw + %.1f µs%n",
            apiList / 1e3, apiList / rawList, (apiList - rawList) / 1e3);

        hugeBody(http, base, token, hugeMiB);
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

  private static int status(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("unexpected " + response.statusCode());
      }
      return response.body().length;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static double median(int runs, Supplier<?> work) {
    for (int i = 0; i < runs; i++) {
      work.get();
    }
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.get();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    return nanos[runs / 2];
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
