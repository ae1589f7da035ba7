package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.api.ApiHarness.Caller;
import dev.setwise.domain.SessionQuery;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The rule "one session in progress per profile" holds when a client fires at once. */
class ConcurrencyApiTest extends ApiTestBase {

  @Test
  void fiftyParallelStartsMakeOneSessionAndFortyNineConflicts() {
    Caller alex = api.caller("Alex");
    String planId = alex.plan("Strength A");
    HttpRequest start = HttpRequest.newBuilder(api.base.resolve("/api/sessions"))
        .header("Authorization", "Bearer " + alex.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"plan_id\": \"" + planId + "\"}")).build();

    List<CompletableFuture<HttpResponse<String>>> sent = IntStream.range(0, 50)
        .mapToObj(i -> api.http.sendAsync(start, HttpResponse.BodyHandlers.ofString())).toList();
    List<HttpResponse<String>> answers = sent.stream().map(CompletableFuture::join).toList();

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() == 409)).hasSize(49)
        .allSatisfy(a -> assertThat(a.body()).contains("An in-progress session already exists"));
    SessionQuery inProgress = new SessionQuery(null, null, null, false, null, 100, 0, null, null);
    assertThat(api.t.app.sessions().list(alex.profile.id(), inProgress).total()).isEqualTo(1);
    assertThat(api.t.app.sessions().list(alex.profile.id(), SessionQuery.defaults()).total()).isEqualTo(1);
    assertThat(api.t.app.audit().list(alex.profile.id(), 100, 0).items().stream()
        .filter(e -> e.action().equals("session_started"))).hasSize(1);
  }
}
