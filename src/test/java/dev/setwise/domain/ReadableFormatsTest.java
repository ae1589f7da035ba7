package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReadableFormatsTest {

  static final LocalDate DAY = LocalDate.of(2026, 11, 24);
  static final Instant MORNING = Instant.parse("2026-11-24T07:15:00Z");

  @Test
  void datesAreWrittenAsTheLocaleWritesThem() {
    assertThat(ReadableFormats.date(DAY, Locale.US)).isEqualTo("Nov 24, 2026");
    assertThat(ReadableFormats.date(DAY, Locale.UK)).isEqualTo("24 Nov 2026");
    assertThat(ReadableFormats.date(DAY, Locale.GERMANY)).isEqualTo("24.11.2026");
    assertThat(ReadableFormats.date(null, Locale.US)).isEmpty();
  }

  @Test
  void timesAndMomentsFollowTheLocaleToo() {
    assertThat(ReadableFormats.time(MORNING, ZoneOffset.UTC, Locale.US)).isEqualTo("7:15 AM");
    assertThat(ReadableFormats.time(MORNING, ZoneOffset.UTC, Locale.UK)).isEqualTo("07:15");
    assertThat(ReadableFormats.time(MORNING, ZoneId.of("Europe/Berlin"), Locale.GERMANY)).isEqualTo("08:15");
    assertThat(ReadableFormats.timeWithSeconds(MORNING.plusSeconds(7), ZoneOffset.UTC, Locale.UK)).isEqualTo("07:15:07");
    assertThat(ReadableFormats.dateTime(MORNING, ZoneOffset.UTC, Locale.US)).isEqualTo("Nov 24, 2026, 7:15 AM");
    assertThat(ReadableFormats.dateTime(MORNING, ZoneOffset.UTC, Locale.UK)).isEqualTo("24 Nov 2026, 07:15");
    assertThat(ReadableFormats.time(null, ZoneOffset.UTC, Locale.UK)).isEmpty();
  }

  @Test
  void aMomentCarriesTheSameDateAsADay() {
    for (Locale locale : new Locale[] {Locale.US, Locale.UK, Locale.GERMANY, Locale.FRANCE}) {
      assertThat(ReadableFormats.dateTime(MORNING, ZoneOffset.UTC, locale)).startsWith(ReadableFormats.date(DAY, locale));
    }
  }

  @Test
  void monthsAreShortNamesWithTheYear() {
    assertThat(ReadableFormats.month(YearMonth.of(2026, 11), Locale.US)).isEqualTo("Nov 2026");
    assertThat(ReadableFormats.month(null, Locale.US)).isEmpty();
  }

  @Test
  void durationsAreHoursAndTwoDigitMinutesFromAnHourOn() {
    assertThat(ReadableFormats.duration(Duration.ofMinutes(66))).isEqualTo("1 h 06 min");
    assertThat(ReadableFormats.duration(Duration.ofMinutes(60))).isEqualTo("1 h 00 min");
    assertThat(ReadableFormats.duration(Duration.ofMinutes(125).plusSeconds(59))).isEqualTo("2 h 05 min");
    assertThat(ReadableFormats.duration(Duration.ofMinutes(48))).isEqualTo("48 min");
    assertThat(ReadableFormats.duration(Duration.ofSeconds(-30))).isEqualTo("0 min");
  }

  @Test
  void theDefaultIsTheSystemFormatLocale() {
    Locale system = Locale.getDefault(Locale.Category.FORMAT);
    assertThat(ReadableFormats.locale()).isEqualTo(system);
    assertThat(ReadableFormats.date(DAY)).isEqualTo(ReadableFormats.date(DAY, system));
  }
}
