package dev.setwise.service.exchange;

import dev.setwise.service.exchange.CsvWorkouts.RowProblem;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, times and durations as the apps write them. Hevy writes its times with the month name of
 * the phone's language ({@code 18 sept. 2026, 17:31}); the names of English, French, German,
 * Spanish, Italian, Portuguese, Dutch and Polish are known, abbreviated or in full, with or without
 * a dot, with or without accents, in any case.
 */
final class CsvDates {

  /** The languages whose month names are read. */
  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.FRENCH, Locale.GERMAN,
      Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("pt"), Locale.forLanguageTag("pt-BR"),
      Locale.forLanguageTag("nl"), Locale.forLanguageTag("pl"));

  private static final Map<String, Month> MONTHS = months();

  private static final List<DateTimeFormatter> STRONG_DATES = List.of(
      formatter("uuuu-MM-dd HH:mm:ss"), formatter("uuuu-MM-dd H:mm:ss"), formatter("uuuu-MM-dd HH:mm"),
      formatter("uuuu-MM-dd H:mm"), formatter("uuuu-MM-dd h:mm:ss a"), formatter("uuuu-MM-dd h:mm a"));
  private static final String TIME = "(\\d{1,2})[:.h](\\d{2})(?::(\\d{2}))?\\s*([ap])?\\.?\\s*(?:m\\.?)?";
  /** {@code 18 sept. 2026, 17:31}, {@code 5 de set. de 2026 07:34}. */
  private static final Pattern DAY_FIRST = Pattern.compile(
      "(\\d{1,2})\\.?\\s+(?:de\\s+)?([\\p{L}.]+)\\s+(?:de\\s+)?(\\d{4})\\s*,?\\s*(?:um\\s+|à\\s+|a las\\s+|alle\\s+|om\\s+|o\\s+)?"
          + TIME, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  /** {@code Sep 18, 2026, 5:31 PM}. */
  private static final Pattern MONTH_FIRST = Pattern.compile(
      "([\\p{L}.]+)\\s+(\\d{1,2}),?\\s+(\\d{4})\\s*,?\\s*(?:at\\s+)?" + TIME,
      Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern STRONG_DURATION =
      Pattern.compile("(?:(\\d{1,4})\\s*h)?\\s*(?:(\\d{1,4})\\s*m(?:in)?)?\\s*(?:(\\d{1,6})\\s*s)?");
  private static final Pattern CLOCK_TIME = Pattern.compile("(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{1,2})");

  private CsvDates() {}

  /** A date and time as Strong writes it ({@code 2026-10-05 07:30:00}, also {@code h:mm:ss AM}). */
  static LocalDateTime strong(String text) throws RowProblem {
    String normal = spaces(text);
    for (DateTimeFormatter format : STRONG_DATES) {
      try {
        return LocalDateTime.parse(normal, format);
      } catch (DateTimeParseException ignored) {
        // try the next spelling
      }
    }
    throw unreadable(text);
  }

  /**
   * A local time as Hevy writes it: {@code d MMM yyyy, HH:mm} with the month in one of
   * {@link #LANGUAGES} (also month first, or with AM/PM), or ISO-8601 without an offset (one with
   * an offset is read by {@link #isoOffset}).
   */
  static LocalDateTime hevy(String text) throws RowProblem {
    String normal = spaces(text);
    if (normal.isEmpty()) {
      throw new RowProblem("has no date");
    }
    try {
      return LocalDateTime.parse(normal);
    } catch (DateTimeParseException notIsoLocal) {
      // a spelled-out date
    }
    Matcher m = DAY_FIRST.matcher(normal);
    if (m.matches()) {
      return at(text, m.group(1), m.group(2), m.group(3), m, 4);
    }
    m = MONTH_FIRST.matcher(normal);
    if (m.matches()) {
      return at(text, m.group(2), m.group(1), m.group(3), m, 4);
    }
    try {
      return LocalDateTime.parse(normal, formatter("uuuu-MM-dd HH:mm:ss"));
    } catch (DateTimeParseException e) {
      // fall through
    }
    try {
      return LocalDateTime.parse(normal, formatter("uuuu-MM-dd HH:mm"));
    } catch (DateTimeParseException e) {
      throw unreadable(text);
    }
  }

  /** An ISO-8601 time with an offset, or null when the text is not one. */
  static OffsetDateTime isoOffset(String text) {
    try {
      return OffsetDateTime.parse(text.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A date as FitNotes writes it ({@code 2026-09-01}). */
  static LocalDate date(String text) throws RowProblem {
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw unreadable(text);
    }
  }

  /** Strong's workout duration: seconds ({@code 4195}), or {@code 1h 5m}, {@code 50m}, {@code 31min}, {@code 45s}. */
  static Duration strongDuration(String text, boolean seconds) throws RowProblem {
    if (text.isEmpty()) {
      return Duration.ZERO;
    }
    if (seconds || text.matches("\\d{1,9}(\\.\\d+)?")) {
      try {
        BigDecimal value = new BigDecimal(text.strip());
        if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(10L * 366 * 86_400)) > 0) {
          throw new NumberFormatException("out of range");
        }
        return Duration.ofSeconds(value.longValue());
      } catch (NumberFormatException e) {
        throw new RowProblem("has a workout duration that cannot be read (\"" + CsvValues.shorten(text) + "\")");
      }
    }
    Matcher m = STRONG_DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new RowProblem("has a workout duration that cannot be read (\"" + CsvValues.shorten(text) + "\")");
    }
    long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long minutes = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long secs = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
    return Duration.ofHours(hours).plusMinutes(minutes).plusSeconds(secs);
  }

  /** {@code 0:01:30}, {@code 1:30} or plain seconds; "" is absent. */
  static Integer clockSeconds(String text) throws RowProblem {
    if (text.isEmpty()) {
      return null;
    }
    if (text.matches("\\d{1,6}")) {
      return Integer.parseInt(text);
    }
    Matcher m = CLOCK_TIME.matcher(text);
    if (!m.matches()) {
      throw new RowProblem("has a time that cannot be read (\"" + CsvValues.shorten(text) + "\")");
    }
    int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
    return hours * 3600 + Integer.parseInt(m.group(2)) * 60 + Integer.parseInt(m.group(3));
  }

  /** The month a name stands for in one of {@link #LANGUAGES}, or null. */
  static Month month(String name) {
    return MONTHS.get(key(name));
  }

  private static LocalDateTime at(String text, String day, String monthName, String year, Matcher m, int timeGroup)
      throws RowProblem {
    Month month = month(monthName);
    if (month == null) {
      throw new RowProblem("has a date with a month name Setwise does not know (\"" + CsvValues.shorten(text)
          + "\")");
    }
    int hour = Integer.parseInt(m.group(timeGroup));
    int minute = Integer.parseInt(m.group(timeGroup + 1));
    int second = m.group(timeGroup + 2) == null ? 0 : Integer.parseInt(m.group(timeGroup + 2));
    String half = m.group(timeGroup + 3);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        throw unreadable(text);
      }
      hour = hour % 12 + (half.equalsIgnoreCase("p") ? 12 : 0);
    }
    try {
      return LocalDateTime.of(Integer.parseInt(year), month, Integer.parseInt(day), hour, minute, second);
    } catch (DateTimeException e) {
      throw unreadable(text);
    }
  }

  private static RowProblem unreadable(String text) {
    return new RowProblem(text.isBlank() ? "has no date" : "has a date that cannot be read (\""
        + CsvValues.shorten(text) + "\")");
  }

  private static String spaces(String text) {
    return text.replace('\u202F', ' ').replace('\u00A0', ' ').strip();
  }

  /** Lower case, no accents, no dots: {@code Févr.} → {@code fevr}. */
  private static String key(String name) {
    String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return plain.replace(".", "").toLowerCase(Locale.ROOT);
  }

  /**
   * Every spelling of every month in {@link #LANGUAGES}: the full and short names (as in dates and
   * standing alone), and every prefix of three letters or more of a full name; a spelling that
   * would mean two months ({@code jui}: juin or juillet) is left out.
   */
  private static Map<String, Month> months() {
    Map<String, Month> found = new HashMap<>();
    Set<String> ambiguous = new HashSet<>();
    for (Locale locale : LANGUAGES) {
      for (Month month : Month.values()) {
        for (TextStyle style : List.of(TextStyle.FULL, TextStyle.FULL_STANDALONE, TextStyle.SHORT,
            TextStyle.SHORT_STANDALONE)) {
          String name = key(month.getDisplayName(style, locale));
          boolean full = style == TextStyle.FULL || style == TextStyle.FULL_STANDALONE;
          for (int length = full ? 3 : name.length(); length <= name.length(); length++) {
            add(found, ambiguous, name.substring(0, length), month);
          }
        }
      }
    }
    // Spellings seen in exports that the language data does not give.
    add(found, ambiguous, "sept", Month.SEPTEMBER);
    add(found, ambiguous, "mrz", Month.MARCH);
    add(found, ambiguous, "mrt", Month.MARCH);
    ambiguous.forEach(found::remove);
    return Map.copyOf(found);
  }

  private static void add(Map<String, Month> found, Set<String> ambiguous, String key, Month month) {
    if (key.length() < 3) {
      return;
    }
    Month before = found.putIfAbsent(key, month);
    if (before != null && before != month) {
      ambiguous.add(key);
    }
  }

  private static DateTimeFormatter formatter(String pattern) {
    return DateTimeFormatter.ofPattern(pattern, Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }
}
