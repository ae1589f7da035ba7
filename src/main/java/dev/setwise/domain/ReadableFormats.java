package dev.setwise.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates, times and durations written for people, the same in the app and at the command line:
 * dates and times as the system's locale writes them (its medium date, "Nov 24, 2026" in English,
 * "24.11.2026" in German; its short time, "7:15 PM" or "19:15"), durations of a workout as
 * "1 h 06 min" or "48 min". Files, JSON, CSV and the REST API keep ISO-8601 ({@link Timestamps}).
 * See docs/decisions/0040.
 */
public final class ReadableFormats {

  private ReadableFormats() {}

  /** The locale dates are written in: the system's format locale. */
  public static Locale locale() {
    return Locale.getDefault(Locale.Category.FORMAT);
  }

  /** A day: "Nov 24, 2026" (the locale's medium date); "" for null. */
  public static String date(LocalDate date) {
    return date(date, locale());
  }

  public static String date(LocalDate date, Locale locale) {
    return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
  }

  /** A time of day: "7:15 PM" or "19:15" (the locale's short time); "" for null. */
  public static String time(Instant instant, ZoneId zone) {
    return time(instant, zone, locale());
  }

  public static String time(Instant instant, ZoneId zone, Locale locale) {
    return instant == null ? ""
        : DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(instant.atZone(zone));
  }

  /** A time of day to the second: "7:15:04 PM" or "19:15:04"; "" for null. */
  public static String timeWithSeconds(Instant instant, ZoneId zone) {
    return timeWithSeconds(instant, zone, locale());
  }

  public static String timeWithSeconds(Instant instant, ZoneId zone, Locale locale) {
    return instant == null ? ""
        : DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM).withLocale(locale).format(instant.atZone(zone));
  }

  /** A moment: the date, then the time, as the locale joins them ("Nov 24, 2026, 7:15 AM"); "" for null. */
  public static String dateTime(Instant instant, ZoneId zone) {
    return dateTime(instant, zone, locale());
  }

  public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
    return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale).format(instant.atZone(zone));
  }

  /** A month: "Nov 2026" in the locale's words; "" for null. */
  public static String month(YearMonth month) {
    return month(month, locale());
  }

  public static String month(YearMonth month, Locale locale) {
    return month == null ? "" : DateTimeFormatter.ofPattern("LLL yyyy", locale).format(month);
  }

  /**
   * How long a workout took, in whole minutes: "48 min", and from an hour on "1 h 06 min" (the
   * minutes in two digits, so lengths line up in a column); negative durations count as zero.
   */
  public static String duration(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    return minutes >= 60 ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60)
        : minutes + " min";
  }
}
