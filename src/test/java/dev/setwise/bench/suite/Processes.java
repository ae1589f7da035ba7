package dev.setwise.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting, timing, measuring and stopping the processes the suite compares. */
public final class Processes {

  private Processes() {}

  /** Starts {@code command} with stdout and stderr to {@code log} and {@code log}.err. */
  public static Process start(List<String> command, Path log) {
    try {
      return new ProcessBuilder(command)
          .redirectOutput(log.toFile())
          .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A finished run: wall time from just before the start to the exit, and what it printed. */
  public record Run(long nanos, String out) {

    public double seconds() {
      return nanos / 1e9;
    }
  }

  /** Runs {@code command} to its end (at most {@code timeoutSeconds}); fails unless it exits 0. */
  public static Run run(List<String> command, Path log, long timeoutSeconds) {
    long t0 = System.nanoTime();
    Process process = start(command, log);
    try {
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        stop(process);
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
      }
      long nanos = System.nanoTime() - t0;
      if (process.exitValue() != 0) {
        throw new IllegalStateException("exit " + process.exitValue() + " from " + String.join(" ", command)
            + ": " + tail(log.resolveSibling(log.getFileName() + ".err")));
      }
      return new Run(nanos, Files.readString(log, StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop(process);
      throw new IllegalStateException("interrupted", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Peak resident set size so far ({@code VmHWM} of {@code /proc/PID/status}), in KiB. */
  public static long peakRssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
      throw new IllegalStateException("no VmHWM for process " + pid);
    } catch (IOException e) {
      throw new UncheckedIOException("process " + pid + " is gone", e);
    }
  }

  /** SIGTERM, then SIGKILL after 10 s; waits for the end. */
  public static void stop(Process process) {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** The last lines of a log, for an error message. */
  public static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(unreadable log " + log + ")";
    }
  }
}
