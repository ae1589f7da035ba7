package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SessionQueryTest {

  @Test
  void defaultsFollowTheContract() {
    SessionQuery query = SessionQuery.parse(Map.of());

    assertThat(query).isEqualTo(SessionQuery.defaults());
    assertThat(query.limit()).isEqualTo(20);
    assertThat(query.offset()).isZero();
    assertThat(query.sort()).isEqualTo(SessionQuery.Sort.STARTED_AT);
    assertThat(query.order()).isEqualTo(SessionQuery.Order.DESC);
  }

  @Test
  void readsEveryParameter() {
    UUID plan = UUID.randomUUID();
    SessionQuery query = SessionQuery.parse(params(
        "plan_id", plan.toString(), "date_from", "2026-01-01", "date_to", "2026-12-31", "completed", "true",
        "limit", "100", "offset", "40", "sort", "ended_at", "order", "asc"));

    assertThat(query).isEqualTo(new SessionQuery(plan, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), true,
        null, 100, 40, SessionQuery.Sort.ENDED_AT, SessionQuery.Order.ASC));
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "limit, 1, true", "limit, 100, true", "limit, 0, false", "limit, 101, false", "limit, -1, false",
      "limit, abc, false", "limit, 1.5, false", "limit, '', false", "limit, 99999999999, false",
      "offset, 0, true", "offset, 2147483647, true", "offset, -1, false", "offset, x, false",
      "completed, true, true", "completed, false, true", "completed, TRUE, false", "completed, 1, false",
      "sort, started_at, true", "sort, date, true", "sort, ended_at, true", "sort, name, false",
      "order, asc, true", "order, desc, true", "order, ASC, false", "order, up, false",
      "date_from, 2026-11-24, true", "date_from, 2026-13-01, false", "date_from, 24.11.2026, false",
      "date_to, 2026-02-28, true", "date_to, 2026-02-30, false",
      "plan_id, 0193b0a4-7c1e-7a3b-9f00-0123456789ab, true", "plan_id, 42, false",
      "unknown, x, false", "session, x, false"})
  void validatesEachParameter(String name, String value, boolean valid) {
    Map<String, List<String>> parameters = params(name, value);
    if (valid) {
      assertThat(SessionQuery.parse(parameters)).isNotNull();
    } else {
      assertThatThrownBy(() -> SessionQuery.parse(parameters))
          .isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.getMessage()).isEqualTo(Messages.INVALID_QUERY);
            assertThat(e.problems()).extracting(Problem::path).containsExactly(name);
          });
    }
  }

  @Test
  void aRepeatedParameterIsInvalid() {
    assertThatThrownBy(() -> SessionQuery.parse(Map.of("limit", List.of("1", "2"))))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.INVALID_QUERY);
  }

  @Test
  void anInvertedDateRangeIsInvalid() {
    assertThatThrownBy(() -> SessionQuery.parse(params("date_from", "2026-12-01", "date_to", "2026-11-01")))
        .isInstanceOf(ValidationException.class);
    assertThat(SessionQuery.parse(params("date_from", "2026-12-01", "date_to", "2026-12-01")).dateFrom())
        .isEqualTo(LocalDate.of(2026, 12, 1));
  }

  private static Map<String, List<String>> params(String... pairs) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], List.of(pairs[i + 1]));
    }
    return map;
  }
}
