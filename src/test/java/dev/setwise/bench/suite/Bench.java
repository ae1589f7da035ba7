package dev.setwise.bench.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a run of the suite works and how hard: the built jar and its libraries, the cache of
 * generated data ({@code target/bench/cache}, kept between runs), a scratch folder emptied at
 * start ({@code target/bench/work}), full or quick repetitions, and a log on stderr.
 */
public final class Bench {

  private final Path root;
  private final boolean quick;
  private final long started = System.nanoTime();
  private final BenchJars jars;
  private final SetwiseJar setwise;
  private final java.io.PrintWriter logWriter;

  public Bench(Path root, boolean quick) {
    this.root = root.toAbsolutePath().normalize();
    this.quick = quick;
    Path jar = this.root.resolve("target/setwise.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with mvn -q package -DskipTests");
    }
    deleteTree(work());
    createDirectories(work());
    createDirectories(cache());
    this.jars = new BenchJars(jar, this.root.resolve("target/bench/jars"));
    this.setwise = new SetwiseJar(this, jar);
    try {
      this.logWriter = new java.io.PrintWriter(Files.newBufferedWriter(runLog()), true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line of {@link #log}, kept after the run ({@code target/bench/run.log}). */
  public Path runLog() {
    return root.resolve("target/bench/run.log");
  }

  /** The repository. */
  public Path root() {
    return root;
  }

  public boolean quick() {
    return quick;
  }

  /** {@code full} repetitions normally, {@code quick} with {@code --quick}. */
  public int pick(int full, int quickly) {
    return quick ? quickly : full;
  }

  /** Generated data kept between runs (each entry keyed by what it was generated from). */
  public Path cache() {
    return root.resolve("target/bench/cache");
  }

  /** Scratch space of this run. */
  public Path work() {
    return root.resolve("target/bench/work");
  }

  /** A fresh, empty folder under the scratch space. */
  public Path freshDir(String name) {
    Path dir = work().resolve(name);
    deleteTree(dir);
    createDirectories(dir);
    return dir;
  }

  /** The JVM that runs the suite, used for every process it starts. */
  public String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public BenchJars jars() {
    return jars;
  }

  /** {@code java -jar target/setwise.jar …}: the product as a user starts it. */
  public SetwiseJar setwise() {
    return setwise;
  }

  /** One line on stderr and in the run log, with the seconds since the suite started. */
  public void log(String format, Object... args) {
    String line = String.format(Locale.ROOT, "[%4.0fs] %s", (System.nanoTime() - started) / 1e9,
        String.format(Locale.ROOT, format, args));
    System.err.println(line);
    logWriter.println(line);
  }

  public static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
