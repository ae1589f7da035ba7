package dev.setwise.bench.suite;

import dev.setwise.bench.raw.RawProfileList;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A command on a folder in use, as a whole process: {@code setwise profile list} against
 * {@link RawProfileList} (open the same file with plain sqlite-jdbc, select, print), both
 * started with {@code java -jar} and no JVM flags.
 */
public final class CliMeasure implements Measure {

  @Override
  public String name() {
    return "cli";
  }

  @Override
  public String description() {
    return "setwise profile list on a folder in use vs open + SELECT in raw JDBC (whole process)";
  }

  @Override
  public List<Row> run(Bench bench) {
    Path data = Folders.existing(bench, "cli-data");
    Path rawJar = bench.jars().main(RawProfileList.class, BenchJars.JDBC);
    List<String> setwise = bench.setwise().command(data, "profile", "list");
    List<String> raw = List.of(bench.java(), "-jar", rawJar.toString(), data.resolve("setwise.db").toString());
    int warmups = 2;
    int pairs = bench.pick(15, 5);
    List<Double> a = new ArrayList<>();
    List<Double> b = new ArrayList<>();
    for (int i = 0; i < warmups + pairs; i++) {
      for (int side : i % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
        Processes.Run run = Processes.run(side == 0 ? setwise : raw, bench.work().resolve("cli-" + side + ".log"), 120);
        if (!run.out().contains(Folders.PROFILE)) {
          throw new IllegalStateException("profile list printed no " + Folders.PROFILE + ": " + run.out());
        }
        if (i >= warmups) {
          (side == 0 ? a : b).add(run.seconds());
        }
      }
    }
    double setwiseSeconds = Stats.median(a);
    double rawSeconds = Stats.median(b);
    bench.log("cli: setwise %s, raw %s over %d pairs", Stats.time(setwiseSeconds), Stats.time(rawSeconds), pairs);
    return List.of(new Row("`profile list` on a folder in use (whole process)", Stats.time(setwiseSeconds),
        Stats.time(rawSeconds) + " (open + SELECT, raw JDBC)", Stats.ratio(setwiseSeconds / rawSeconds), "≤ 1.50×",
        setwiseSeconds / rawSeconds <= 1.5));
  }
}
