package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Page;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.Unit;
import dev.setwise.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link SummaryPageWriter} writes the very bytes the codec writes for {@code Views.page(page, Views::summary)}. */
class SummaryPageWriterTest {

  private static final JsonCodec CODEC = JsonCodec.forRequests();

  private static final String[] NAMES = {
    "Push A", "", "Bänkdrücken – schwer", "Жим лёжа", "深蹲 🏋️‍♀️", "quote \" backslash \\ slash /",
    "tab\tnew line\ncarriage\r", "control \u0001\u001f", "line sep \u2028 para \u2029", "<script>&amp;</script>",
    "\uD83D\uDE00 surrogate pair", "x".repeat(200)
  };

  private static final double[] VOLUMES = {
    0, 0.5, 100.25, 12345.678, 1e-7, 1e21, 2.5e9, 99999999.99, Double.MIN_VALUE, 1234567890123.5, 0.1 + 0.2
  };

  private static void same(Page<SessionSummary> page) {
    byte[] expected = CODEC.writeBytes(Views.page(page, Views::summary));
    byte[] actual = SummaryPageWriter.write(CODEC.mapper(), page);
    assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(actual).isEqualTo(expected);
  }

  private static SessionSummary summary(Random random, int i) {
    Instant created = Instant.ofEpochMilli(random.nextLong(-62_000_000_000_000L, 250_000_000_000_000L));
    boolean completed = random.nextBoolean();
    boolean started = completed || random.nextBoolean();
    return new SessionSummary(UUID.randomUUID(), random.nextBoolean() ? null : UUID.randomUUID(),
        LocalDate.ofEpochDay(random.nextLong(-700_000, 3_000_000)),
        started ? created : null, completed ? created.plusMillis(random.nextInt(10_000_000)) : null,
        random.nextInt(5) == 0 ? null : NAMES[i % NAMES.length], Unit.values()[random.nextInt(2)],
        random.nextInt(0, 100), random.nextInt(0, 2000), random.nextInt(0, 2000), VOLUMES[i % VOLUMES.length],
        created, created.plusNanos(random.nextLong(0, 1_000_000_000_000L)),
        i % 7 == 0 ? Long.MAX_VALUE : random.nextLong(1, 1_000_000), random.nextBoolean());
  }

  @Test
  void anEmptyPage() {
    same(new Page<>(List.of(), 0, 50, 0));
    same(new Page<>(List.of(), 100_000, 1, 99_999));
  }

  @Test
  void pagesOfVariedSummariesWithUnicodeNamesAndNulls() {
    Random random = new Random(58);
    for (int round = 0; round < 40; round++) {
      int size = random.nextInt(1, 101);
      List<SessionSummary> items = new ArrayList<>(size);
      for (int i = 0; i < size; i++) {
        items.add(summary(random, round * 101 + i));
      }
      same(new Page<>(items, random.nextLong(size, Long.MAX_VALUE), random.nextInt(1, 101),
          random.nextInt(0, Integer.MAX_VALUE)));
    }
  }

  @Test
  void aSummaryWithEveryOptionalFieldNull() {
    Instant at = Instant.parse("2026-11-24T07:15:00.250Z");
    same(new Page<>(List.of(new SessionSummary(UUID.randomUUID(), null, LocalDate.of(2026, 11, 24), null, null,
        null, Unit.LB, 0, 0, 0, 0, at, at, 1, false)), 1, 50, 0));
  }
}
