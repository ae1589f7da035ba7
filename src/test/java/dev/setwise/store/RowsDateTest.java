package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** {@link Rows#date(String)} reads what {@link LocalDate#parse} reads and refuses what it refuses. */
class RowsDateTest {

  @Test
  void everyDayOfFourHundredYearsIsReadAsLocalDateParseReadsIt() {
    for (LocalDate day = LocalDate.of(1900, 1, 1); day.isBefore(LocalDate.of(2300, 1, 1)); day = day.plusDays(1)) {
      assertThat(Rows.date(day.toString())).isEqualTo(day);
    }
    assertThat(Rows.date("0000-01-01")).isEqualTo(LocalDate.parse("0000-01-01"));
    assertThat(Rows.date("9999-12-31")).isEqualTo(LocalDate.of(9999, 12, 31));
  }

  @Test
  void whatLocalDateParseRefusesIsRefused() {
    for (String bad : new String[] {"2026-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "2026-1-01",
        "2026/01/01", "20a6-01-01", "+2026-01-01", "2026-01-01 ", "", "2026-01-1x", "2025-02-29", "-001-01-01"}) {
      assertThatThrownBy(() -> Rows.date(bad)).as(bad).isInstanceOf(DateTimeParseException.class);
    }
  }
}
