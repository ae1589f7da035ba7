package dev.setwise.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.support.PostgresServer;
import dev.setwise.support.TcpRelay;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/health} on PostgreSQL tells whether the database answers: 503 with the contract's
 * error body while the server cannot be reached (a relay in front of it cut, as a server gone
 * away), 200 again as soon as it can, without restarting Setwise.
 */
class PostgresHealthApiTest {

  private static final String UNAVAILABLE = "{\"error\":\"ServiceUnavailable\",\"message\":\"The database is unavailable\"}";

  @TempDir
  Path dir;

  @Test
  void healthAnswers503WhileTheDatabaseIsUnreachableAnd200WhenItIsBack() throws Exception {
    PostgresServer pg = PostgresServer.get();
    String database = pg.newDatabase();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    try (TcpRelay relay = TcpRelay.to(pg.port())) {
      String url = "postgresql://127.0.0.1:" + relay.port() + "/" + database + "?user=" + PostgresServer.ROLE;
      AppContext context = AppContext.openPostgres(dir, Clock.systemUTC(), url, PostgresServer.PASSWORD, false);
      ApiServer server = ApiServer.start(new ApiServer.Services(context.sessions(), context.plans(), context.audit(),
          context.tokens(), context.idempotency(), context.changes(), Version.current(), context::databaseProblem),
          "127.0.0.1", 0);
      try {
        URI health = URI.create(server.url() + "/api/health");
        HttpResponse<String> fine = get(http, health);
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("\"status\":\"ok\"");

        relay.cut();
        HttpResponse<String> gone = get(http, health);
        assertThat(gone.statusCode()).isEqualTo(503);
        assertThat(gone.body()).isEqualTo(UNAVAILABLE);
        assertThat(head(http, health)).isEqualTo(503);

        relay.restore();
        HttpResponse<String> back = get(http, health);
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.body()).contains("\"status\":\"ok\"");
      } finally {
        server.stop();
        context.close();
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int head(HttpClient http, URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
