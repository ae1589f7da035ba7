package dev.setwise.bench.suite;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A server in a process of its own (Setwise or a baseline) that printed the URL it listens on. */
public record ServerProcess(Process process, String url) implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("(http://[0-9.]+:[0-9]+)");

  /** Starts {@code command} and waits (up to a minute) for the first URL on its stdout. */
  public static ServerProcess start(List<String> command, Path errorLog) {
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
      return new ServerProcess(process, url.get(60, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      Processes.stop(process);
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
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
