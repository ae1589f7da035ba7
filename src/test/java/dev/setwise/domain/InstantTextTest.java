package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fast reading of canonical timestamps ({@link InstantText}) must change nothing about what
 * {@link TreeObject#parseInstant} accepts, rejects or returns: the general parsers it replaced
 * (Instant.parse, then OffsetDateTime.parse) are the reference.
 */
class InstantTextTest {

  /** What parseInstant did before the fast path: the reference. */
  private static Instant general(String text) {
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

  @ParameterizedTest
  @ValueSource(strings = {"", "Z", "2026-11-24", "2026-11-24 07:15:00Z", "2026-11-24T07:15:00",
      "2026-02-29T07:15:00Z", "2025-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-13-01T00:00:00Z",
      "2026-00-10T00:00:00Z", "2026-11-00T00:00:00Z", "2026-11-24T25:00:00Z", "2026-11-24T24:00:01Z",
      "2026-11-24T07:60:00Z", "2026-11-24T07:15:61Z", "2026-11-24T07:15:60Z", 
      "2026-11-24T07:15:00.1234567890Z", "2026-11-24T07:15:00,5Z", "2026-11-24T07:15:00ZZ", "2026-11-24T07:15:00+25:00",
      "2026-11-24T07:15:00 Z", " 2026-11-24T07:15:00Z", "2026-11-24T07:15:00Z ", "+2026-11-24T07:15:00Z",
      "2026-1-24T07:15:00Z", "2026-11-24T7:15:00Z", "2026-11-24T07:15:0Z",
      "20261124T071500Z", "2026-11-24T07:15:00.12a4Z", "２０２６-11-24T07:15:00Z", "2026-11-24T07:15:00.٣Z",
      "2026-11-24T07:15:00+0200", "2026-11-24T07:15:00Q", "2026/11/24T07:15:00Z",
      "2026-11-24T07-15-00Z", "2026-11-24X07:15:00Z", "1e3", "null", "2026-11-24T07:15:00.000000000001Z"})
  void badTimestampsAreRejectedAsBefore(String text) {
    assertThat(InstantText.parseCanonical(text)).isNull();
    assertThat(general(text)).isNull();
    assertThat(TreeObject.parseInstant(text)).isNull();
  }

  @Test
  void whatOnlyTheGeneralParserReadsIsStillRead() {
    // not the canonical spelling, but accepted before: still accepted, to the same instant
    for (String text : List.of("2026-11-24T07:15:00+02:00", "2026-11-24t07:15:00z", "2026-11-24T24:00:00Z",
        "2026-11-24T23:59:60Z", "2026-11-24T07:15Z", "2026-11-24T07:15:00.5+01:00", "+12026-11-24T07:15:00Z",
        "2026-11-24T07:15:00-00:30", "2026-11-24T07:15:00.Z", "-2026-11-24T07:15:00Z", "2026-11-24T07:15:00+02")) {
      assertThat(InstantText.parseCanonical(text)).as(text).isNull();
      assertThat(TreeObject.parseInstant(text)).as(text).isNotNull().isEqualTo(general(text));
    }
  }

  @Test
  void canonicalTimestampsReadToTheSameInstantAsTheGeneralParser() {
    Random random = new Random(12);
    for (int i = 0; i < 200_000; i++) {
      Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_799L + 1),
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          });
      String text = instant.toString();
      assertThat(InstantText.parseCanonical(text)).as(text).isEqualTo(instant).isEqualTo(general(text));
    }
    // every fraction length, and the edges of the calendar
    for (String text : List.of("2026-11-24T07:15:00.2Z", "2026-11-24T07:15:00.25Z", "2026-11-24T07:15:00.250Z",
        "2026-11-24T07:15:00.2500Z", "2026-11-24T07:15:00.123456789Z", "2024-02-29T23:59:59.999Z",
        "2000-02-29T00:00:00Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59.999Z", "1900-01-01T00:00:00Z")) {
      assertThat(InstantText.parseCanonical(text)).as(text).isNotNull().isEqualTo(general(text));
    }
  }

  @Test
  void mutatedTimestampsAreAcceptedAndRejectedExactlyAsBefore() {
    Random random = new Random(7);
    char[] alphabet = "0123456789-:.TZtz+ 5x".toCharArray();
    List<String> seeds = List.of("2026-11-24T07:15:00Z", "2026-11-24T07:15:00.250Z", "2024-02-29T23:59:59.123456789Z",
        "2026-12-31T23:59:59Z");
    int fastRead = 0;
    for (int i = 0; i < 300_000; i++) {
      StringBuilder text = new StringBuilder(seeds.get(i % seeds.size()));
      for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
        int at = random.nextInt(text.length() + 1);
        char c = alphabet[random.nextInt(alphabet.length)];
        switch (random.nextInt(3)) {
          case 0 -> { if (at < text.length()) text.setCharAt(at, c); }
          case 1 -> text.insert(at, c);
          default -> { if (at < text.length()) text.deleteCharAt(at); }
        }
      }
      String mutated = text.toString();
      Instant fast = InstantText.parseCanonical(mutated);
      if (fast != null) {
        fastRead++;
        assertThat(fast).as(mutated).isEqualTo(general(mutated));
      }
      assertThat(TreeObject.parseInstant(mutated)).as(mutated).isEqualTo(general(mutated));
    }
    assertThat(fastRead).isGreaterThan(1000);
  }

  @Test
  void everyDayOfEveryMonthIsReadLikeTheGeneralParser() {
    List<String> texts = new ArrayList<>();
    for (int year : new int[] {1900, 1999, 2000, 2023, 2024, 2100, 2400}) {
      for (int month = 1; month <= 12; month++) {
        for (int day = 0; day <= 32; day++) {
          texts.add(String.format("%04d-%02d-%02dT12:00:00Z", year, month, day));
        }
      }
    }
    for (String text : texts) {
      assertThat(TreeObject.parseInstant(text)).as(text).isEqualTo(general(text));
      Instant fast = InstantText.parseCanonical(text);
      assertThat(fast == null ? general(text) == null : fast.equals(general(text))).as(text).isTrue();
    }
  }
}
