package dev.setwise.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Setwise in a child JVM, as a user runs it: {@code dev.setwise.Main} on this test run's class
 * path (during {@code mvn verify} the jar does not exist yet when tests run).
 */
final class ChildProcess {

  private static final long TIMEOUT_SECONDS = 120;

  final Process process;
  final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final StringBuilder stdout = new StringBuilder();
  private final Thread reader;

  private ChildProcess(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          synchronized (stdout) {
            stdout.append(line).append('\n');
          }
          lines.add(line);
        }
      } catch (IOException e) {
        // the process ended or was killed
      }
    }, "child-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildProcess start(Path dataDir, String... arguments) {
    return start(List.of(), dataDir, ProcessBuilder.Redirect.PIPE, arguments);
  }

  /** Like {@link #start(Path, String...)} with stdout sent where {@code stdout} says ({@code /dev/full} …). */
  static ChildProcess start(Path dataDir, ProcessBuilder.Redirect stdout, String... arguments) {
    return start(List.of(), dataDir, stdout, arguments);
  }

  /**
   * Starts Setwise under {@code wrapper} (a command that runs the rest of its arguments, such as
   * {@code unshare -U}), with its stderr in a file beside {@code dataDir}.
   */
  static ChildProcess startWrapped(List<String> wrapper, Path dataDir, String... arguments) {
    return start(wrapper, dataDir, ProcessBuilder.Redirect.PIPE, arguments);
  }

  private static ChildProcess start(List<String> wrapper, Path dataDir, ProcessBuilder.Redirect stdout,
      String... arguments) {
    List<String> command = new ArrayList<>(wrapper);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("dev.setwise.Main");
    command.add("--data-dir");
    command.add(dataDir.toString());
    command.addAll(List.of(arguments));
    try {
      Path stderr = Files.createTempFile(dataDir.getParent(), "child-stderr", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile()).redirectOutput(stdout);
      builder.environment().remove("SETWISE_DATA_DIR");
      return new ChildProcess(builder.start(), stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a command to its end. */
  static Result run(Path dataDir, String... arguments) {
    return run(dataDir, ProcessBuilder.Redirect.PIPE, arguments);
  }

  /** Runs a command to its end with stdout sent where {@code stdout} says. */
  static Result run(Path dataDir, ProcessBuilder.Redirect stdout, String... arguments) {
    return finish(start(dataDir, stdout, arguments));
  }

  /** Runs a command to its end under {@code wrapper} (see {@link #startWrapped}). */
  static Result runWrapped(List<String> wrapper, Path dataDir, String... arguments) {
    return finish(startWrapped(wrapper, dataDir, arguments));
  }

  private static Result finish(ChildProcess child) {
    int code = child.waitFor();
    return new Result(code, child.stdout(), child.stderr());
  }

  /** The next line of stdout that contains {@code text}. */
  String awaitLine(String text) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
    try {
      while (System.nanoTime() < deadline) {
        String line = lines.poll(100, TimeUnit.MILLISECONDS);
        if (line != null && line.contains(text)) {
          return line;
        }
        if (line == null && !process.isAlive() && lines.isEmpty()) {
          throw new AssertionError("the process ended (" + process.exitValue() + ") without printing '" + text
              + "'; stderr: " + stderr());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new AssertionError("no line with '" + text + "' in time; stdout: " + stdout());
  }

  int waitFor() {
    try {
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the process did not end in time");
      }
      reader.join(TimeUnit.SECONDS.toMillis(TIMEOUT_SECONDS));
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  String stdout() {
    synchronized (stdout) {
      return stdout.toString();
    }
  }

  String stderr() {
    try {
      return Files.readString(stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exit code and output of a finished command. */
  record Result(int code, String stdout, String stderr) {}
}
