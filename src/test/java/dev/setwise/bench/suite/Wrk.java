package dev.setwise.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The load generator: {@code wrk} over loopback, a fixed number of connections for a fixed time,
 * with {@code bench/wrk.lua} (token, PATCH bodies, one summary line). Errors are socket errors
 * (connect, read, write, timeout) plus answers with a status of 400 or more, as wrk counts them.
 */
public final class Wrk {

  public static final int CONNECTIONS = 64;
  public static final int THREADS = 2;

  private Wrk() {}

  /** One load run and what it measured. */
  public record Result(long requests, double seconds, long errors, String errorKinds, double p50Ms, double p99Ms) {

    public double perSecond() {
      return requests / seconds;
    }
  }

  /** A run of {@code seconds} on {@code url}; {@code scriptArgs} go to bench/wrk.lua. */
  public static Result run(Bench bench, String url, int seconds, Path log, String... scriptArgs) {
    return run(bench, url, CONNECTIONS, seconds, log, scriptArgs);
  }

  /** {@link #run(Bench, String, int, Path, String...)} with {@code connections} connections. */
  public static Result run(Bench bench, String url, int connections, int seconds, Path log, String... scriptArgs) {
    List<String> command = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + connections, "-d" + seconds + "s",
        "--timeout", "5s", "-s", bench.root().resolve("bench/wrk.lua").toString(), url, "--"));
    command.addAll(List.of(scriptArgs));
    Processes.Run run = Processes.run(command, log, seconds + 60L);
    String line = run.out().lines().filter(l -> l.startsWith("WRK_RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("wrk printed no result: " + run.out()));
    Map<String, Long> values = new HashMap<>();
    for (String pair : line.substring("WRK_RESULT ".length()).trim().split(" ")) {
      String[] kv = pair.split("=");
      values.put(kv[0], Long.parseLong(kv[1]));
    }
    long errors = 0;
    StringBuilder kinds = new StringBuilder();
    for (String kind : List.of("connect", "read", "write", "status", "timeout")) {
      long count = values.get(kind);
      errors += count;
      if (count > 0) {
        kinds.append(kinds.length() == 0 ? "" : ", ").append(kind).append(' ').append(count);
      }
    }
    return new Result(values.get("requests"), values.get("duration_us") / 1e6, errors, kinds.toString(),
        values.get("p50_us") / 1e3, values.get("p99_us") / 1e3);
  }
}
