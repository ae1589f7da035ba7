package dev.setwise.bench.suite;

import java.util.List;

/** One or more lines of the table, each Setwise against its raw baseline measured in the same run. */
public interface Measure {

  /** The name that selects it on the command line ({@code bench/all.sh NAME}). */
  String name();

  /** What it compares, in one line (for {@code --help}). */
  String description();

  List<Row> run(Bench bench) throws Exception;
}
