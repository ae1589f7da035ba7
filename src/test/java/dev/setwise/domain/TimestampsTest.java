package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Timestamps#format} writes what {@code Instant.toString} of the truncated instant writes. */
class TimestampsTest {

  private static void same(Instant instant) {
    assertThat(Timestamps.format(instant)).as("%s", instant)
        .isEqualTo(instant.truncatedTo(ChronoUnit.MILLIS).toString());
  }

  @Test
  void edgesAndWholeSecondsAreWrittenAsInstantWritesThem() {
    same(Instant.EPOCH);
    same(Instant.ofEpochMilli(1));
    same(Instant.ofEpochMilli(-1));
    same(Instant.parse("2026-11-24T07:15:00Z"));
    same(Instant.parse("2026-11-24T07:15:00.250Z"));
    same(Instant.parse("2026-11-24T07:15:00.000999Z"));
    same(Instant.parse("2028-02-29T23:59:59.999Z"));
    same(Instant.parse("9999-12-31T23:59:59.999Z"));
    same(Instant.parse("+10000-01-01T00:00:00Z"));
    same(Instant.parse("1969-12-31T23:59:59.500Z"));
    same(Instant.MIN);
    same(Instant.MAX);
    assertThat(Timestamps.format(null)).isNull();
  }

  @Test
  void aMillionRandomInstantsAreWrittenAsInstantWritesThem() {
    SplittableRandom random = new SplittableRandom(47);
    for (int i = 0; i < 1_000_000; i++) {
      long millis = random.nextLong(-10_000_000_000_000L, 260_000_000_000_000L);
      Instant instant = Instant.ofEpochMilli(millis);
      same(i % 3 == 0 ? instant.truncatedTo(ChronoUnit.SECONDS) : instant.plusNanos(random.nextInt(1_000_000)));
    }
  }
}
