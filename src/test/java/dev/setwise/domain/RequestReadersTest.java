package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestReadersTest {

  private static final String PLAN_ID = "0193b0a4-7c1e-7a3b-9f00-0123456789ab";
  private final JsonCodec codec = JsonCodec.forRequests();

  @Test
  void createSessionReadsAllThreeParts() {
    SessionRequests.Create request = SessionRequests.create(tree("""
        {"plan_id": "%s", "date": "2026-11-24", "session": {"unit": "kg", "exercises": []}}""".formatted(PLAN_ID)));

    assertThat(request.planId()).isEqualTo(UUID.fromString(PLAN_ID));
    assertThat(request.date()).isEqualTo(LocalDate.of(2026, 11, 24));
    assertThat(request.session().unit()).isEqualTo(Unit.KG);
  }

  @Test
  void createSessionNeedsOnlyAPlan() {
    SessionRequests.Create request = SessionRequests.create(tree("{\"plan_id\": \"" + PLAN_ID + "\"}"));

    assertThat(request.date()).isNull();
    assertThat(request.session()).isNull();
  }

  @Test
  void createSessionReportsEveryProblem() {
    assertThatThrownBy(() -> SessionRequests.create(tree("""
        {"plan_id": "nope", "date": "2026-02-30", "session": {"unit": "g"}, "extra": 1}""")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(Messages.INVALID_SESSION_DATA);
          assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
              "plan_id", "date", "session.unit", "session.exercises", "extra");
        });
  }

  @Test
  void aBodyThatIsNotAnObjectIsInvalidSessionData() {
    for (String body : new String[] {"[]", "1", "\"x\"", "null", "true"}) {
      assertThatThrownBy(() -> SessionRequests.create(tree(body)))
          .as(body)
          .isInstanceOf(ValidationException.class)
          .hasMessage(Messages.INVALID_SESSION_DATA);
    }
  }

  @Test
  void updateNeedsASession() {
    assertThatThrownBy(() -> SessionRequests.update(tree("{}")))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.problems()).containsExactly(new Problem("session", "is required")));
  }

  @Test
  void completeAcceptsNoBodyAnEmptyObjectOrASession() {
    assertThat(SessionRequests.complete(null).session()).isNull();
    assertThat(SessionRequests.complete(tree("{}")).session()).isNull();
    assertThat(SessionRequests.complete(tree("{\"session\": {\"unit\": \"lb\", \"exercises\": []}}"))
        .session().unit()).isEqualTo(Unit.LB);
    assertThatThrownBy(() -> SessionRequests.complete(tree("{\"sesion\": {}}")))
        .isInstanceOf(ValidationException.class);
  }

  @Test
  void planRequestsUseThePlanMessage() {
    PlanRequests.Create create = PlanRequests.create(tree("""
        {"name": " Upper ", "structure": {"unit": "kg", "exercises": []}}"""));
    assertThat(create.name()).isEqualTo("Upper");

    assertThatThrownBy(() -> PlanRequests.create(tree("{\"name\": \"\"}")))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(Messages.INVALID_PLAN_DATA);
          assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder("name", "structure");
        });
    assertThat(PlanRequests.update(tree("{}"))).isEqualTo(new PlanRequests.Update(null, null));
    assertThatThrownBy(() -> PlanRequests.update(tree("{\"name\": \"" + "x".repeat(121) + "\"}")))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.INVALID_PLAN_DATA);
  }

  private Object tree(String json) {
    return codec.read(json.getBytes(StandardCharsets.UTF_8), "bad test json");
  }
}
