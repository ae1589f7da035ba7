package dev.setwise.ui.common;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Reads and writes numbers typed into fields. A comma works as decimal point (many gyms are in
 * countries that write 62,5). Parsing only turns text into numbers; the ranges are the domain's.
 */
public final class NumberText {

  private NumberText() {}

  /** The result of reading a field: a value (null for an empty field) or why the text is not a number. */
  public record Parsed<T>(T value, String problem) {

    public boolean ok() {
      return problem == null;
    }
  }

  /** Whole numbers; a value too large for an int becomes {@link Integer#MAX_VALUE} so the range check names it. */
  public static Parsed<Integer> integer(String text) {
    BigDecimal number = decimalOrNull(text);
    if (text == null || text.isBlank()) {
      return new Parsed<>(null, null);
    }
    if (number == null) {
      return new Parsed<>(null, "must be a whole number");
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      return new Parsed<>(null, "must be a whole number");
    }
    if (number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
      return new Parsed<>(Integer.MAX_VALUE, null);
    }
    if (number.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) < 0) {
      return new Parsed<>(Integer.MIN_VALUE, null);
    }
    return new Parsed<>(number.intValue(), null);
  }

  public static Parsed<Double> decimal(String text) {
    if (text == null || text.isBlank()) {
      return new Parsed<>(null, null);
    }
    BigDecimal number = decimalOrNull(text);
    if (number == null) {
      return new Parsed<>(null, "must be a number");
    }
    return new Parsed<>(number.doubleValue(), null);
  }

  /** "100", "62.5", "" for null: no trailing ".0". */
  public static String format(Number number) {
    if (number == null) {
      return "";
    }
    if (number instanceof Integer || number instanceof Long) {
      return number.toString();
    }
    double value = number.doubleValue();
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** A volume with thousands grouping and at most one decimal: "4,320" or "1,012.5". */
  public static String volume(double volume) {
    if (volume == Math.rint(volume)) {
      return String.format(Locale.ROOT, "%,d", (long) volume);
    }
    return String.format(Locale.ROOT, "%,.1f", volume);
  }

  private static BigDecimal decimalOrNull(String text) {
    if (text == null) {
      return null;
    }
    String cleaned = text.strip().replace(',', '.');
    if (cleaned.isEmpty() || cleaned.length() > 40 || !cleaned.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)")) {
      return null;
    }
    return new BigDecimal(cleaned);
  }
}
