package dev.setwise.bench.suite;

/**
 * One line of the results table. {@code met} is null when the line has no budget of its own.
 *
 * @param measure what is measured
 * @param setwise Setwise's figure (median)
 * @param baseline the raw baseline's figure, measured in the same run (median)
 * @param ratio Setwise against the baseline
 * @param budget the budget for the line
 */
public record Row(String measure, String setwise, String baseline, String ratio, String budget, Boolean met) {

  public String verdict() {
    return met == null ? "" : met ? "yes" : "no";
  }

  /** A measure that could not run: the table says why instead of a figure. */
  public static Row failed(String measure, Throwable error) {
    String why = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new Row(measure, "failed: " + why.lines().findFirst().orElse(""), "", "", "", false);
  }
}
