package dev.setwise.bench.suite;

import java.util.ArrayList;
import java.util.List;

/** The results table, as aligned text for the terminal and as markdown for the README. */
public final class Report {

  private static final String[] HEADER = {"measure", "Setwise", "baseline", "ratio", "budget", "met"};

  private final List<Row> rows;
  private final List<String> about;

  /** @param about lines said above the table (when, which commit, which machine, how loaded) */
  public Report(List<Row> rows, List<String> about) {
    this.rows = List.copyOf(rows);
    this.about = List.copyOf(about);
  }

  public String text() {
    List<String[]> cells = cells();
    int[] widths = new int[HEADER.length];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    about.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
    for (int r = 0; r < cells.size(); r++) {
      String[] line = cells.get(r);
      for (int c = 0; c < line.length; c++) {
        out.append(c == 0 ? "" : "  ").append(line[c]).append(" ".repeat(widths[c] - line[c].length()));
      }
      out.append('\n');
      if (r == 0) {
        for (int c = 0; c < widths.length; c++) {
          out.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  public String markdown() {
    StringBuilder out = new StringBuilder();
    about.forEach(line -> out.append(line).append("  \n"));
    out.append('\n');
    List<String[]> cells = cells();
    for (int r = 0; r < cells.size(); r++) {
      out.append("| ").append(String.join(" | ", escape(cells.get(r)))).append(" |\n");
      if (r == 0) {
        out.append("|---|---|---|---|---|---|\n");
      }
    }
    return out.toString();
  }

  public boolean allMet() {
    return rows.stream().allMatch(row -> row.met() == null || row.met());
  }

  private List<String[]> cells() {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    for (Row row : rows) {
      cells.add(new String[] {row.measure(), row.setwise(), row.baseline(), row.ratio(), row.budget(), row.verdict()});
    }
    return cells;
  }

  private static String[] escape(String[] line) {
    String[] escaped = new String[line.length];
    for (int i = 0; i < line.length; i++) {
      escaped[i] = line[i].replace("|", "\\|");
    }
    return escaped;
  }
}
