package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.StoredSession;
import dev.setwise.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Views#sessionBytes} writes the very bytes the codec writes for {@link Views#session(StoredSession)}. */
class SessionBytesTest {

  private static final String SNAPSHOT = "{\"name\":\"Push \\\"A\\\" – Bänk\",\"unit\":\"kg\",\"exercises\":[{\"name\":"
      + "\"Bench press 🏋\",\"sets\":[{\"type\":\"working\",\"reps\":5,\"weight\":100.5,\"completed\":true}]}]}";

  private static void same(StoredSession session) {
    byte[] expected = JsonCodec.forRequests().writeBytes(Views.session(session));
    assertThat(new String(Views.sessionBytes(session), StandardCharsets.UTF_8))
        .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(Views.sessionBytes(session)).isEqualTo(expected);
  }

  @Test
  void aCompletedAmendedSessionOfAPlan() {
    same(new StoredSession(UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 11, 24),
        Instant.parse("2026-11-24T07:15:00.250Z"), Instant.parse("2026-11-24T08:01:00Z"), SNAPSHOT,
        Instant.parse("2026-11-24T07:15:00.250Z"), Instant.parse("2026-11-25T10:00:00.001Z"), 7, true));
  }

  @Test
  void aSessionInProgressWithoutAPlanFarInThePastAndFuture() {
    same(new StoredSession(UUID.randomUUID(), null, LocalDate.of(1, 1, 1), Instant.parse("1900-01-01T00:00:00Z"),
        null, "{}", Instant.parse("+12000-01-01T00:00:00Z"), Instant.EPOCH, Long.MAX_VALUE, false));
  }
}
