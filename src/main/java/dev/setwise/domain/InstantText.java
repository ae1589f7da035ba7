package dev.setwise.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A fast reading of the one spelling Setwise itself writes, {@code 2026-11-24T07:15:00Z} or
 * {@code 2026-11-24T07:15:00.250Z} (four-digit year, upper-case {@code T} and {@code Z}, seconds,
 * zero to nine fraction digits, every field in its range). An import reads millions of them and
 * the general formatter was a large part of its time.
 *
 * <p>It never decides that a text is wrong: anything else (another offset, a lower-case letter,
 * hour 24, a leap second, a day the month does not have, missing seconds …) returns {@code null}
 * and the caller asks the general parser, so what is accepted and rejected stays exactly what
 * {@link TreeObject#parseInstant} accepted and rejected before. Every text it does read, the general
 * parser reads to the same instant ({@code InstantTextTest} compares them).
 */
final class InstantText {

  private static final int LENGTH_WITHOUT_FRACTION = 20; // 2026-11-24T07:15:00Z

  private InstantText() {}

  /** The instant, or {@code null} when the text is not in the canonical spelling (not necessarily wrong). */
  static Instant parseCanonical(String text) {
    int length = text.length();
    if (length < LENGTH_WITHOUT_FRACTION || length > LENGTH_WITHOUT_FRACTION + 10
        || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
        || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59) {
      return null;
    }
    int nanos = 0;
    if (length > LENGTH_WITHOUT_FRACTION) {
      // a point, then one to nine digits, then Z
      int fractionDigits = length - LENGTH_WITHOUT_FRACTION - 1;
      if (text.charAt(19) != '.' || fractionDigits < 1) {
        return null;
      }
      int fraction = digits(text, 20, fractionDigits);
      if (fraction < 0) {
        return null;
      }
      nanos = fraction;
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochDay;
    try {
      epochDay = LocalDate.of(year, month, day).toEpochDay();
    } catch (DateTimeException noSuchDay) {
      return null;
    }
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
  }

  /** The ASCII digits {@code text[from, from + count)} as a number, or -1 when one is not a digit. */
  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
