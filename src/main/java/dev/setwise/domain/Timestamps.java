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
    return instant == null ? null : truncate(instant).toString();
  }
}
