package dev.setwise.bench.suite;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Medians and the way figures are written in the table. */
public final class Stats {

  private Stats() {}

  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** {@code 2.1 s}, {@code 530 ms}, {@code 0.59 ms}: three significant digits at most. */
  public static String time(double seconds) {
    if (seconds >= 1) {
      return String.format(Locale.ROOT, "%.2f s", seconds);
    }
    return millis(seconds * 1e3);
  }

  public static String millis(double ms) {
    if (ms >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", ms);
    }
    if (ms >= 10) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    return String.format(Locale.ROOT, "%.2f ms", ms);
  }

  public static String ratio(double ratio) {
    return String.format(Locale.ROOT, ratio >= 10 ? "%.0f×" : "%.2f×", ratio);
  }

  /** {@code 15.4k req/s}, {@code 436 req/s}. */
  public static String rate(double perSecond) {
    return perSecond >= 10_000 ? String.format(Locale.ROOT, "%.1fk req/s", perSecond / 1e3)
        : String.format(Locale.ROOT, "%.0f req/s", perSecond);
  }

  public static String mebibytes(double kib) {
    return String.format(Locale.ROOT, "%.0f MiB", kib / 1024);
  }
}
