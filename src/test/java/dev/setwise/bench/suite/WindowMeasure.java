package dev.setwise.bench.suite;

import dev.setwise.bench.raw.FirstFrameAgent;
import dev.setwise.bench.raw.MinimalWindow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * First visible window and peak memory 10 s after start: {@code java -jar target/setwise.jar
 * --data-dir D} on a folder in use against the smallest JavaFX window started the same way
 * ({@link MinimalWindow} in a jar of its own, JavaFX from {@code target/lib}), on a real X server.
 *
 * <p>Both processes get the same JVM flags: {@code -javaagent:} {@link FirstFrameAgent}, which
 * writes the time the first frame was rendered, and the time of the first frame rendered with the
 * first screen in it ("first screen filled": informational, against the same window, whose one
 * screen is there in its first frame). Each launch is timed from just before the
 * process starts; 10 s after that start its {@code VmHWM} is read and it is stopped.
 */
public final class WindowMeasure implements Measure {

  private static final long RSS_AT_NANOS = TimeUnit.SECONDS.toNanos(10);

  @Override
  public String name() {
    return "window";
  }

  @Override
  public String description() {
    return "first visible window, first screen filled and peak RSS at 10 s: setwise.jar vs the smallest JavaFX window"
        + " (needs X)";
  }

  @Override
  public List<Row> run(Bench bench) throws Exception {
    if (System.getenv("DISPLAY") == null) {
      throw new IllegalStateException("no DISPLAY: run through bench/all.sh, which starts Xvfb");
    }
    Path data = Folders.existing(bench, "window-data");
    Path agent = bench.jars().agent(FirstFrameAgent.class);
    Path baselineJar = bench.jars().main(MinimalWindow.class, BenchJars.JAVAFX);
    List<String> setwise = new ArrayList<>(List.of(bench.java(), "-javaagent:" + agent + "=MARKER", "-jar",
        bench.setwise().jar().toString(), "--data-dir", data.toString()));
    List<String> baseline = List.of(bench.java(), "-javaagent:" + agent + "=MARKER", "-jar", baselineJar.toString());

    int warmups = 1;
    int pairs = bench.pick(5, 2);
    List<Double> setwiseFrame = new ArrayList<>();
    List<Double> baselineFrame = new ArrayList<>();
    List<Double> setwiseFilled = new ArrayList<>();
    List<Double> baselineFilled = new ArrayList<>();
    List<Double> setwiseRss = new ArrayList<>();
    List<Double> baselineRss = new ArrayList<>();
    for (int i = 0; i < warmups + pairs; i++) {
      boolean keep = i >= warmups;
      // A B, then B A: a drift in the machine's load falls on both sides alike.
      for (int side : i % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
        Launch launch = launch(bench, side == 0 ? setwise : baseline, (side == 0 ? "setwise" : "baseline") + i);
        bench.log("window %s %s: first frame %.3f s (%.2f s of CPU by then), first screen filled %.3f s (%.2f s"
            + " of CPU), peak RSS %.0f MiB", keep ? "run" : "warm-up", side == 0 ? "setwise " : "baseline",
            launch.firstFrameSeconds, launch.cpuSecondsAtFrame, launch.filledSeconds, launch.cpuSecondsAtFilled,
            launch.peakKiB / 1024.0);
        if (keep) {
          (side == 0 ? setwiseFrame : baselineFrame).add(launch.firstFrameSeconds);
          (side == 0 ? setwiseFilled : baselineFilled).add(launch.filledSeconds);
          (side == 0 ? setwiseRss : baselineRss).add(launch.peakKiB);
        }
      }
    }
    double frameA = Stats.median(setwiseFrame);
    double frameB = Stats.median(baselineFrame);
    double filledA = Stats.median(setwiseFilled);
    double filledB = Stats.median(baselineFilled);
    double rssA = Stats.median(setwiseRss);
    double rssB = Stats.median(baselineRss);
    return List.of(
        new Row("First visible window (process start → first frame rendered)", Stats.time(frameA),
            Stats.time(frameB) + " (smallest JavaFX window)", Stats.ratio(frameA / frameB), "≤ 1.30×",
            frameA / frameB <= 1.3),
        new Row("First screen filled (process start → first frame with the first screen)", Stats.time(filledA),
            Stats.time(filledB) + " (same window)", Stats.ratio(filledA / filledB), "—", null),
        new Row("Peak RSS 10 s after start (VmHWM)", Stats.mebibytes(rssA), Stats.mebibytes(rssB) + " (same window)",
            Stats.ratio(rssA / rssB), "≤ 1.50×", rssA / rssB <= 1.5));
  }

  /** CPU time is logged, not judged: on a loaded machine it says more about the work than wall time. */
  private record Launch(double firstFrameSeconds, double filledSeconds, double cpuSecondsAtFrame,
      double cpuSecondsAtFilled, double peakKiB) {}

  private static double cpuSeconds(Process process) {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  private static Launch launch(Bench bench, List<String> template, String name) throws Exception {
    Path marker = bench.work().resolve(name + ".first-frame");
    Files.deleteIfExists(marker);
    List<String> command = template.stream().map(arg -> arg.replace("MARKER", marker.toString())).toList();
    long t0 = System.nanoTime();
    Process process = Processes.start(command, bench.work().resolve(name + ".log"));
    try {
      long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
      Path filledMarker = marker.resolveSibling(marker.getFileName() + FirstFrameAgent.FILLED);
      Files.deleteIfExists(filledMarker);
      double cpuAtFrame = Double.NaN;
      while (!Files.exists(marker) || !Files.exists(filledMarker)) {
        if (Double.isNaN(cpuAtFrame) && Files.exists(marker)) {
          cpuAtFrame = cpuSeconds(process);
        }
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new IllegalStateException("no first frame from " + name + " (" + (process.isAlive() ? "timed out"
              : "exit " + process.exitValue()) + "): " + Processes.tail(bench.work().resolve(name + ".log.err")));
        }
        // The marker holds the frame's own time stamp, so how often it is looked for does not matter.
        try {
          process.onExit().get(2, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
          // look for the marker again
        }
      }
      long frame = Long.parseLong(Files.readString(marker).strip());
      long filled = Long.parseLong(Files.readString(filledMarker).strip());
      double cpu = cpuSeconds(process);
      if (Double.isNaN(cpuAtFrame)) {
        cpuAtFrame = cpu;
      }
      long untilRss = t0 + RSS_AT_NANOS - System.nanoTime();
      if (untilRss > 0) {
        TimeUnit.NANOSECONDS.sleep(untilRss);
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited before 10 s: " + process.exitValue());
      }
      return new Launch((frame - t0) / 1e9, (filled - t0) / 1e9, cpuAtFrame, cpu, Processes.peakRssKiB(process.pid()));
    } finally {
      Processes.stop(process);
    }
  }
}
