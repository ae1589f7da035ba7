package dev.setwise.service.exchange;

import dev.setwise.domain.Unit;
import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/** Reading the cells of another app's CSV: numbers, units, and the short quotes used in reasons. */
final class CsvValues {

  private CsvValues() {}

  /** The trimmed field at {@code index}, or "" when the column is missing. */
  static String at(List<String> fields, int index) {
    return index < 0 || index >= fields.size() ? "" : fields.get(index).strip();
  }

  /** A decimal such as {@code 102.5} (or {@code 102,5} in a {@code ;} file); "" is absent. */
  static BigDecimal decimal(String text, char delimiter, String what) throws RowProblem {
    if (text.isEmpty()) {
      return null;
    }
    String normal = delimiter == ';' ? text.replace(',', '.') : text;
    if (normal.length() > 32) {
      throw new RowProblem("has a " + what + " that is not a number (\"" + shorten(text) + "\")");
    }
    try {
      return new BigDecimal(normal);
    } catch (NumberFormatException e) {
      throw new RowProblem("has a " + what + " that is not a number (\"" + shorten(text) + "\")");
    }
  }

  /** A whole number; {@code 8.0} is accepted, {@code 8.5} is not; "" is absent. */
  static Integer integer(String text, char delimiter, String what) throws RowProblem {
    BigDecimal value = decimal(text, delimiter, what);
    if (value == null) {
      return null;
    }
    try {
      return value.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      throw new RowProblem("has a " + what + " that is not a whole number (\"" + shorten(text) + "\")");
    }
  }

  /** Zero counts as absent: the apps write 0 into cells that do not apply (seconds of a barbell set). */
  static BigDecimal positive(BigDecimal value) {
    return value == null || value.signum() == 0 ? null : value;
  }

  static Integer positive(Integer value) {
    return value == null || value == 0 ? null : value;
  }

  /** The metres in one of {@code unit} ({@code km}, {@code mi}, {@code m}, {@code ft}, {@code yd}), or null. */
  static BigDecimal metresPer(String unit) {
    return switch (unit.strip().toLowerCase(Locale.ROOT)) {
      case "m", "metre", "metres", "meter", "meters" -> BigDecimal.ONE;
      case "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers" -> BigDecimal.valueOf(1000);
      case "mi", "mile", "miles" -> new BigDecimal("1609.344");
      case "ft", "feet", "foot" -> new BigDecimal("0.3048");
      case "yd", "yds", "yard", "yards" -> new BigDecimal("0.9144");
      default -> null;
    };
  }

  /** A distance in metres from a value and a unit spelling. */
  static BigDecimal metres(BigDecimal value, String unit) throws RowProblem {
    if (value == null) {
      return null;
    }
    BigDecimal factor = metresPer(unit);
    if (factor == null) {
      throw new RowProblem("has a distance in an unknown unit (\"" + shorten(unit) + "\")");
    }
    return value.multiply(factor);
  }

  /** {@code kg}, {@code kgs}, {@code lb}, {@code lbs} (any case), or null. */
  static Unit weightUnitOrNull(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "kg", "kgs", "kilogram", "kilograms" -> Unit.KG;
      case "lb", "lbs", "pound", "pounds" -> Unit.LB;
      default -> null;
    };
  }

  /** As {@link #weightUnitOrNull}; "" gives {@code fallback}. */
  static Unit weightUnit(String text, Unit fallback) throws RowProblem {
    if (text.isBlank()) {
      return fallback;
    }
    Unit unit = weightUnitOrNull(text);
    if (unit == null) {
      throw new RowProblem("has a weight in an unknown unit (\"" + shorten(text) + "\")");
    }
    return unit;
  }

  /** The text in parentheses at the end of a header, {@code Weight (kg)} → {@code kg}; null when none. */
  static String unitInHeader(String header) {
    String h = header.strip();
    int open = h.lastIndexOf('(');
    if (open < 0 || !h.endsWith(")")) {
      return null;
    }
    return h.substring(open + 1, h.length() - 1).strip();
  }

  static String shorten(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }

  static String cut(String text, int max) {
    if (text.codePointCount(0, text.length()) <= max) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, max));
  }
}
