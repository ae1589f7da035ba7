package dev.setwise.bench.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The product through its real entry point, {@code java -jar target/setwise.jar --data-dir D …},
 * with the commands of the contract only (§4): so the suite keeps working whatever changes inside.
 */
public final class SetwiseJar {

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
  public ServerProcess serve(Path dataDir) {
    return ServerProcess.start(command(dataDir, "serve", "--port", "0"), nextLog("serve"));
  }

  private synchronized Path nextLog(String what) {
    return bench.work().resolve("setwise-" + (++logs) + "-" + what + ".log");
  }
}
