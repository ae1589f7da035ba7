package dev.setwise.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.support.ExportDocuments;
import dev.setwise.sync.SyncReport;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * A first sync of a large history over loopback, time and peak live heap, against exporting and
 * importing the same data in the same run (the baseline: the same plans and sessions through the
 * same database, without a network). Device A imports a history of N completed sessions, then its
 * first sync sends them all to an empty server (a {@code setwise serve} in a child process, so its
 * memory does not count); device B, empty, then receives them all in its first sync.
 *
 * <p>Memory is the peak live heap: the heap in use right after each garbage collection, the largest
 * seen during the phase (garbage does not count). Run with a modest {@code -Xmx} so collections happen,
 * and with two sizes to see that it stays flat as N grows:
 * {@code BENCH_JAVA_OPTS=-Xmx256m bench/run.sh SyncBench 2000 10000} ({@code BENCH_SERVER_OPTS} passes JVM
 * options to the server's process, a profiler for instance).
 */
public final class SyncBench {

  private static final AtomicLong PEAK = new AtomicLong();

  private SyncBench() {}

  public static void main(String[] args) throws Exception {
    listenToCollections();
    int[] sizes = args.length == 0 ? new int[] {10_000} : Stream.of(args).mapToInt(Integer::parseInt).toArray();
    Path work = Files.createTempDirectory("setwise-sync-bench");
    try {
      System.out.printf(Locale.ROOT, "%-9s %-30s %9s %10s %10s %10s %9s %9s%n", "sessions", "phase", "seconds",
          "peak MiB", "x import", "mem x imp", "cpu s", "srv cpu s");
      for (int size : sizes) {
        run(work.resolve("n" + size), size);
      }
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void run(Path dir, int sessions) throws Exception {
    Files.createDirectories(dir);
    // Sessions every 20 hours from 2000, so all of them lie in the past (a server refuses the future).
    Path file = ExportDocuments.history(dir.resolve("history.json"), "Alex", 20, sessions, false,
        Instant.parse("2000-01-01T07:00:00Z"));
    Path serverDir = Files.createDirectories(dir.resolve("server"));
    child(serverDir, "profile", "add", "Alex").waitFor();
    Process tokenProcess = child(serverDir, "token", "create", "--profile", "Alex");
    String token = new String(tokenProcess.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    tokenProcess.waitFor();
    Process serve = child(serverDir, "serve", "--port", "0");
    try {
      String url = serverUrl(serve);
      server = serve.toHandle();
      Path a = Files.createDirectories(dir.resolve("a"));
      Path b = Files.createDirectories(dir.resolve("b"));
      try (AppContext deviceA = AppContext.open(a); AppContext deviceB = AppContext.open(b)) {
        Measure imported = measure(() -> {
          ImportResult result = deviceA.imports().importData(ImportSource.of(file), ImportOptions.defaults(),
              Progress.NONE, Cancellation.none());
          check(result.summary().sessionsNew() == sessions, "imported " + result.summary().sessionsNew());
        });
        Profile alex = deviceA.profiles().list().get(0);
        Measure exported = measure(() -> {
          try (OutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream())) {
            deviceA.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());
          }
        });
        deviceA.sync().setUp(alex.id(), url, token);
        List<Long> steps = new ArrayList<>();
        long[] receivingFrom = {0};
        long sendingFrom = System.nanoTime();
        Measure pushed = measure(() -> {
          SyncReport report = deviceA.sync().syncNow(alex.id(), (step, done, total) -> {
            steps.add(done);
            if (receivingFrom[0] == 0 && step.startsWith("Receiving")) {
              receivingFrom[0] = System.nanoTime();
            }
          }, Cancellation.none());
          check(report.inSync() && report.pushed() == sessions + 20, "push: " + report);
        });
        Profile bob = deviceB.profiles().create("Alex", Unit.KG);
        deviceB.sync().setUp(bob.id(), url, token);
        Measure pulled = measure(() -> {
          SyncReport report = deviceB.sync().syncNow(bob.id(), Progress.NONE, Cancellation.none());
          check(report.inSync() && report.pulled() == sessions + 20, "pull: " + report);
        });
        Measure again = measure(() -> {
          SyncReport report = deviceA.sync().syncNow(alex.id(), Progress.NONE, Cancellation.none());
          check(report.inSync() && report.pushed() == 0, "again: " + report);
        });
        print(sessions, "import (baseline)", imported, imported);
        print(sessions, "export (baseline)", exported, imported);
        print(sessions, "first sync, A sends all", pushed, imported);
        print(sessions, "first sync, B receives all", pulled, imported);
        print(sessions, "next sync of A, nothing new", again, imported);
        System.out.printf(Locale.ROOT, "%-9d progress reports in A's first sync: %d; sending took %.2f s of it%n",
            sessions, steps.size(), (receivingFrom[0] - sendingFrom) / 1e9);
      }
    } finally {
      server = null;
      serve.destroy();
      serve.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static Process child(Path dataDir, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    String childOptions = System.getenv("BENCH_SERVER_OPTS");
    if (childOptions != null && !childOptions.isBlank() && arguments[0].equals("serve")) {
      command.addAll(List.of(childOptions.strip().split("\\s+")));
    }
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.setwise.Main", "--data-dir",
        dataDir.toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    builder.environment().remove("SETWISE_DATA_DIR");
    return builder.start();
  }

  private static String serverUrl(Process serve) throws Exception {
    BufferedReader out = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      int at = line.indexOf("http://");
      if (at >= 0) {
        return line.substring(at, line.indexOf(' ', at));
      }
    }
    throw new IllegalStateException("serve did not print its URL");
  }

  private static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  /**
   * Wall time, peak live heap, and CPU time of this process and of the server's: on a machine shared
   * with other work the wall time swings with the load, the CPU times much less.
   */
  private record Measure(double seconds, long peakBytes, double cpuSeconds, double serverCpuSeconds) {}

  /** The server's process, whose CPU time each phase reports (none while it is not started). */
  private static volatile ProcessHandle server;

  private static Measure measure(Work work) throws Exception {
    System.gc();
    PEAK.set(usedNow());
    double cpu = processCpu();
    double serverCpu = serverCpu();
    long start = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measure(seconds, PEAK.get(), processCpu() - cpu, serverCpu() - serverCpu);
  }

  private static double processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime() / 1e9;
  }

  private static double serverCpu() {
    ProcessHandle handle = server;
    return handle == null ? 0 : handle.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
  }

  private static void print(int sessions, String phase, Measure measure, Measure baseline) {
    System.out.printf(Locale.ROOT, "%-9d %-30s %9.2f %10.1f %9.2fx %9.2fx %9.2f %9.2f%n", sessions, phase,
        measure.seconds(), measure.peakBytes() / 1048576.0, measure.seconds() / baseline.seconds(),
        (double) measure.peakBytes() / baseline.peakBytes(), measure.cpuSeconds(), measure.serverCpuSeconds());
  }

  private static long usedNow() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Records the heap in use after every collection: the live set, garbage excluded. */
  private static void listenToCollections() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
          return;
        }
        GarbageCollectionNotificationInfo info =
            GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
          used += pool.getValue().getUsed();
        }
        PEAK.accumulateAndGet(used, Math::max);
      }, null, null);
    }
  }
}
