package dev.setwise.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.AuditEntry;
import dev.setwise.ui.common.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActivityDetailsTest {

  @Test
  void theDayOfAStartIsWrittenAsEveryOtherDate() {
    AuditEntry started = new AuditEntry(1, "session_started", "session", "s1", Instant.parse("2026-11-24T18:00:00Z"),
        Map.of("name", "Push A", "date", "2026-11-24"));
    assertThat(ActivityViewModel.details(started))
        .isEqualTo("Push A · " + Formats.date(LocalDate.of(2026, 11, 24)))
        .doesNotContain("2026-11-24");
  }

  @Test
  void aDateThatIsNotADayIsShownAsItIs() {
    AuditEntry odd = new AuditEntry(2, "session_started", "session", "s2", Instant.parse("2026-11-24T18:00:00Z"),
        Map.of("date", "sometime"));
    assertThat(ActivityViewModel.details(odd)).isEqualTo("sometime");
  }
}
