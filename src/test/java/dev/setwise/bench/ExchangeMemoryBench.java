package dev.setwise.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.support.ExportDocuments;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Memory of export and import of a large history, each against a raw baseline measured in the
 * same run (their speed is measured by {@code bench/all.sh import}): plain JDBC streaming the same rows to a null stream (export), and plain Jackson
 * streaming plus plain JDBC inserts in one transaction, no validation (import).
 *
 * <p>Memory is the peak live heap: the heap in use right after each garbage collection (from the
 * collector's own notifications), the largest seen during the phase. Garbage does not count; what
 * a phase holds on to does. Run with a modest {@code -Xmx} so collections happen.
 *
 * <p>Usage: {@code bench/exchange-memory.sh [SESSIONS...]} (default 10000 100000).
 */
public final class ExchangeMemoryBench {

  private static final AtomicLong PEAK = new AtomicLong();

  private ExchangeMemoryBench() {}

  public static void main(String[] args) throws Exception {
    listenToCollections();
    int[] sizes = args.length == 0 ? new int[] {10_000, 100_000}
        : Stream.of(args).mapToInt(Integer::parseInt).toArray();
    Path work = Files.createTempDirectory("setwise-bench");
    try {
      System.out.printf(Locale.ROOT, "%-9s %-22s %12s %14s%n", "sessions", "phase", "peak MiB", "vs raw (mem)");
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
    Path file = ExportDocuments.history(dir.resolve("history.json"), "Alex", 20, sessions, false);

    Path rawData = Files.createDirectories(dir.resolve("raw"));
    try (AppContext context = AppContext.open(rawData)) {
      context.profiles().create("Alex", dev.setwise.domain.Unit.KG);
    }
    Measure rawImport = measure(() -> rawImport(file, rawData.resolve(AppContext.DATABASE_FILE)));
    Path data = Files.createDirectories(dir.resolve("setwise"));
    Measure setwiseImport;
    try (AppContext context = AppContext.open(data)) {
      setwiseImport = measure(() -> {
        ImportResult result = context.imports().importData(ImportSource.of(file), ImportOptions.defaults(),
            Progress.NONE, Cancellation.none());
        check(result.summary().sessionsNew() == sessions, "imported " + result.summary().sessionsNew());
      });
    }
    print(sessions, "import, raw JDBC", rawImport, rawImport);
    print(sessions, "import, Setwise", setwiseImport, rawImport);

    Measure rawExport = measure(() -> rawExport(data.resolve(AppContext.DATABASE_FILE)));
    Measure setwiseExport;
    try (AppContext context = AppContext.open(data)) {
      Profile alex = context.profiles().list().get(0);
      setwiseExport = measure(() -> {
        try (OutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream())) {
          context.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());
        }
      });
    }
    print(sessions, "export, raw JDBC", rawExport, rawExport);
    print(sessions, "export, Setwise", setwiseExport, rawExport);
  }

  /** The same rows, read with plain JDBC and written to nowhere. */
  private static void rawExport(Path database) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(
            "SELECT id, plan_id, date, started_at, ended_at, session, created_at, updated_at FROM sessions "
                + "ORDER BY started_at, id");
        OutputStream out = new BufferedOutputStream(OutputStream.nullOutputStream())) {
      while (rs.next()) {
        for (int column = 1; column <= 8; column++) {
          String value = rs.getString(column);
          if (value != null) {
            out.write(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
          }
        }
      }
    }
  }

  /** The same file, streamed with plain Jackson; each session's raw text inserted with plain JDBC. */
  private static void rawImport(Path file, Path database) throws Exception {
    JsonFactory factory = new JsonFactory();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file));
        JsonParser parser = factory.createParser(ObjectReadContext.empty(), in);
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE raw_sessions (id INTEGER PRIMARY KEY, body TEXT)");
      }
      try (PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO raw_sessions (id, body) VALUES (?, ?)")) {
        int depth = 0;
        int count = 0;
        StringBuilder body = new StringBuilder();
        boolean inSessions = false;
        for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
          if (token == JsonToken.PROPERTY_NAME && depth == 1) {
            inSessions = "sessions".equals(parser.currentName());
          }
          if (token.isStructStart()) {
            depth++;
          } else if (token.isStructEnd()) {
            depth--;
          }
          if (inSessions && depth >= 3) {
            body.append(parser.getString());
          }
          if (inSessions && depth == 2 && token == JsonToken.END_OBJECT) {
            insert.setInt(1, ++count);
            insert.setString(2, body.toString());
            insert.executeUpdate();
            body.setLength(0);
          }
        }
      }
      connection.commit();
    }
  }

  private interface Work {
    void run() throws Exception;
  }

  private record Measure(long peakBytes) {}

  private static Measure measure(Work work) throws Exception {
    System.gc();
    PEAK.set(usedNow());
    work.run();
    return new Measure(PEAK.get());
  }

  private static void print(int sessions, String phase, Measure measure, Measure raw) {
    System.out.printf(Locale.ROOT, "%-9d %-22s %12.1f %13.2fx%n", sessions, phase, measure.peakBytes() / 1048576.0,
        (double) measure.peakBytes() / raw.peakBytes());
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

  private static void check(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("benchmark check failed: " + what);
    }
  }
}
