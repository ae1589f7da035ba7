package dev.setwise.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** How instants are kept and written: UTC, millisecond precision, ISO-8601 with {@code Z}. */
public final class Timestamps {

  private Timestamps() {}

  /** Drops anything finer than a millisecond, the precision the store keeps. */
  public static Instant truncate(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  /** {@code 2026-11-24T07:15:00Z}, or {@code 2026-11-24T07:15:00.250Z} when there are milliseconds. */
  public static String format(Instant instant) {
    if (instant == null) {
      return null;
    }
    long seconds = instant.getEpochSecond();
    // Every answer writes several instants: from 1970 to 9999 they are written here, digit by
    // digit, exactly as Instant.toString writes them (its formatter is most of an answer's cost).
    if (seconds < 0 || seconds >= LAST_FAST_SECONDS) {
      return truncate(instant).toString();
    }
    long days = seconds / 86_400L;
    int ofDay = (int) (seconds % 86_400L) * 1000 + instant.getNano() / 1_000_000;
    java.time.LocalDate date = java.time.LocalDate.ofEpochDay(days);
    char[] text = new char[ofDay % 1000 == 0 ? 20 : 24];
    digits(text, 0, date.getYear(), 4);
    text[4] = '-';
    digits(text, 5, date.getMonthValue(), 2);
    text[7] = '-';
    digits(text, 8, date.getDayOfMonth(), 2);
    text[10] = 'T';
    digits(text, 11, ofDay / 3_600_000, 2);
    text[13] = ':';
    digits(text, 14, ofDay / 60_000 % 60, 2);
    text[16] = ':';
    digits(text, 17, ofDay / 1000 % 60, 2);
    if (text.length == 24) {
      text[19] = '.';
      digits(text, 20, ofDay % 1000, 3);
    }
    text[text.length - 1] = 'Z';
    return new String(text);
  }

  /** 10000-01-01T00:00:00Z: from there on years have five digits and a sign. */
  private static final long LAST_FAST_SECONDS = 253_402_300_800L;

  private static void digits(char[] text, int at, int value, int count) {
    for (int i = at + count - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
