package dev.setwise.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads one JSON object given as a plain Java tree ({@code Map}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}) and reports every wrong or missing field to a
 * {@link Problems} with its path. A getter returns {@code null} for an absent, {@code null} or
 * invalid value; the caller checks {@link Problems#isEmpty()} before trusting the result.
 */
public final class TreeObject {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern UUID_TEXT =
      Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private final Map<?, ?> map;
  private final String path;
  private final Problems problems;

  private TreeObject(Map<?, ?> map, String path, Problems problems) {
    this.map = map;
    this.path = path;
    this.problems = problems;
  }

  /** The object at {@code path}, or {@code null} (with a problem) when {@code node} is not an object. */
  public static TreeObject of(Object node, String path, Problems problems) {
    if (node instanceof Map<?, ?> map) {
      return new TreeObject(map, path, problems);
    }
    problems.add(path, node == null ? "is required" : "must be an object");
    return null;
  }

  /** Reports every property not in {@code allowed}: validation is strict. */
  public TreeObject allowOnly(Set<String> allowed) {
    for (Object key : map.keySet()) {
      if (!allowed.contains(String.valueOf(key))) {
        problems.add(at(String.valueOf(key)), "is not a known property");
      }
    }
    return this;
  }

  public String at(String key) {
    return Problems.child(path, key);
  }

  public boolean has(String key) {
    return map.get(key) != null;
  }

  public Object raw(String key) {
    return map.get(key);
  }

  /** A string trimmed of surrounding white space, {@code min..max} characters long after trimming. */
  public String string(String key, boolean required, int min, int max) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(at(key), "must be a string");
      return null;
    }
    String trimmed = text.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < min || length > max) {
      problems.add(at(key), min > 0
          ? "must be " + min + " to " + max + " characters"
          : "must be at most " + max + " characters");
      return null;
    }
    return trimmed;
  }

  /** Free text kept as written (notes), at most {@code max} characters. */
  public String text(String key, int max) {
    Object value = present(key, false);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String text)) {
      problems.add(at(key), "must be a string");
      return null;
    }
    if (text.codePointCount(0, text.length()) > max) {
      problems.add(at(key), "must be at most " + max + " characters");
      return null;
    }
    return text;
  }

  public Integer integer(String key, boolean required, long min, long max) {
    BigDecimal number = number(key, required);
    if (number == null) {
      return null;
    }
    if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.add(at(key), "must be an integer from " + min + " to " + max);
      return null;
    }
    if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
      problems.add(at(key), "must be an integer");
      return null;
    }
    return number.intValueExact();
  }

  /**
   * A finite number in {@code [min, max]} ({@code (min, max]} when {@code minExclusive}); when
   * {@code step} is not null the number must also be a multiple of it.
   */
  public Double decimal(String key, boolean required, BigDecimal min, boolean minExclusive, BigDecimal max,
      BigDecimal step) {
    BigDecimal number = number(key, required);
    if (number == null) {
      return null;
    }
    boolean belowMin = minExclusive ? number.compareTo(min) <= 0 : number.compareTo(min) < 0;
    if (belowMin || number.compareTo(max) > 0) {
      problems.add(at(key), minExclusive
          ? "must be greater than " + plain(min) + " and at most " + plain(max)
          : "must be from " + plain(min) + " to " + plain(max));
      return null;
    }
    if (step != null && number.remainder(step).signum() != 0) {
      problems.add(at(key), "must be a multiple of " + plain(step));
      return null;
    }
    double value = number.doubleValue();
    if (value == 0.0 && number.signum() != 0) {
      // 1e-400 is in range but would be kept as 0: refuse it rather than store another number
      problems.add(at(key), "is too small to be kept (it would become 0)");
      return null;
    }
    return value;
  }

  public Boolean bool(String key, boolean required) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Boolean flag)) {
      problems.add(at(key), "must be true or false");
      return null;
    }
    return flag;
  }

  public List<?> array(String key, boolean required, int maxItems) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> list)) {
      problems.add(at(key), "must be an array");
      return null;
    }
    if (list.size() > maxItems) {
      problems.add(at(key), "must have at most " + maxItems + " items");
      return null;
    }
    return list;
  }

  /** One of the given spellings ({@code "kg"}, {@code "lb"} …), mapped to its value. */
  public <E> E oneOf(String key, boolean required, Map<String, E> choices) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    E choice = value instanceof String text ? choices.get(text) : null;
    if (choice == null) {
      problems.add(at(key), "must be one of: " + String.join(", ", choices.keySet()));
    }
    return choice;
  }

  public Instant instant(String key, boolean required) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    Instant parsed = value instanceof String text && text.length() <= 64 ? parseInstant(text) : null;
    if (parsed == null) {
      problems.add(at(key), "must be an ISO-8601 instant such as 2026-11-24T07:15:00Z");
    }
    return parsed;
  }

  public LocalDate date(String key, boolean required) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    LocalDate parsed = value instanceof String text ? parseDate(text) : null;
    if (parsed == null) {
      problems.add(at(key), "must be a date as YYYY-MM-DD");
    }
    return parsed;
  }

  public UUID uuid(String key, boolean required) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    UUID parsed = value instanceof String text ? parseUuid(text) : null;
    if (parsed == null) {
      problems.add(at(key), "must be a UUID");
    }
    return parsed;
  }

  /** {@code YYYY-MM-DD} as a real calendar date, or {@code null}. */
  public static LocalDate parseDate(String text) {
    if (text == null || !DATE.matcher(text).matches()) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A UUID in its canonical 8-4-4-4-12 spelling, or {@code null}. */
  public static UUID parseUuid(String text) {
    if (text == null || !UUID_TEXT.matcher(text).matches()) {
      return null;
    }
    return UUID.fromString(text);
  }

  /** An ISO-8601 instant ({@code Z} or an offset), or {@code null}. */
  public static Instant parseInstant(String text) {
    Instant canonical = InstantText.parseCanonical(text);
    if (canonical != null) {
      return canonical;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private BigDecimal number(String key, boolean required) {
    Object value = present(key, required);
    if (value == null) {
      return null;
    }
    BigDecimal number = toDecimal(value);
    if (number == null) {
      problems.add(at(key), value instanceof Number ? "must be a finite number" : "must be a number");
    }
    return number;
  }

  private static BigDecimal toDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof BigInteger integer) {
      return new BigDecimal(integer);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    return null;
  }

  private Object present(String key, boolean required) {
    Object value = map.get(key);
    if (value == null && required) {
      problems.add(at(key), "is required");
    }
    return value;
  }

  private static String plain(BigDecimal number) {
    return number.stripTrailingZeros().toPlainString();
  }
}
