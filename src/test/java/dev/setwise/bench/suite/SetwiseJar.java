package dev.setwise.bench.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The product through its real entry point, {@code java -jar target/setwise.jar --data-dir D …},
 * with the commands of the contract only (§4): so the suite keeps working whatever changes inside.
 */
public final class SetwiseJar {

  private static final Pattern URL = Pattern.compile("(http://[0-9.]+:[0-9]+)");

  private final Bench bench;
  private final Path jar;
  private int logs;

  SetwiseJar(Bench bench, Path jar) {
    this.bench = bench;
    this.jar = jar;
  }

  public Path jar() {
    return jar;
  }

  /** The command line that runs {@code args} on {@code dataDir}. */
  public List<String> command(Path dataDir, String... args) {
    List<String> command = new ArrayList<>(List.of(bench.java(), "-jar", jar.toString(), "--data-dir",
        dataDir.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** Runs one command to its end; fails unless it exits 0. */
  public Processes.Run run(Path dataDir, String... args) {
    return Processes.run(command(dataDir, args), nextLog(args.length > 0 ? args[0] : "app"), 1800);
  }

  /** A new API token of {@code profile} ({@code setwise token create}). */
  public String token(Path dataDir, String profile) {
    return run(dataDir, "token", "create", "--profile", profile, "--label", "bench").out().strip();
  }

  /** {@code setwise serve --port 0} on {@code dataDir}, once it says where it listens. */
  public Server serve(Path dataDir) {
    return Server.start(command(dataDir, "serve", "--port", "0"), nextLog("serve"));
  }

  private synchronized Path nextLog(String what) {
    return bench.work().resolve("setwise-" + (++logs) + "-" + what + ".log");
  }

  /** A server process (Setwise or a baseline) that printed its URL on stdout. */
  public record Server(Process process, String url) implements AutoCloseable {

    /** Starts {@code command} and waits (up to a minute) for the first URL on its stdout. */
    public static Server start(List<String> command, Path errorLog) {
      Process process;
      try {
        process = new ProcessBuilder(command).redirectError(errorLog.toFile()).start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      CompletableFuture<String> url = new CompletableFuture<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher matcher = URL.matcher(line);
            if (!url.isDone() && matcher.find()) {
              url.complete(matcher.group(1));
            }
          }
          url.completeExceptionally(new IllegalStateException("no URL printed"));
        } catch (IOException e) {
          url.completeExceptionally(e);
        }
      }, "server-stdout");
      reader.setDaemon(true);
      reader.start();
      try {
        return new Server(process, url.get(60, TimeUnit.SECONDS));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        Processes.stop(process);
        throw new IllegalStateException("interrupted", e);
      } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
        Processes.stop(process);
        throw new IllegalStateException("server did not start: " + String.join(" ", command) + ": "
            + Processes.tail(errorLog), e);
      }
    }

    @Override
    public void close() {
      Processes.stop(process);
    }
  }
}
