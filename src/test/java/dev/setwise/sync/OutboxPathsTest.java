package dev.setwise.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.sync.OutboxEntry;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.service.sync.PushItem;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.Structures;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every path into a device's data records its change in the outbox, in the change's own
 * transaction: the app's services, an import, a local {@code setwise serve}; setting sync up queues
 * what was there before, plans first.
 */
class OutboxPathsTest {

  @TempDir
  Path dir;

  SyncServer server;
  Device device;

  @BeforeEach
  void start() {
    server = SyncServer.start(dir.resolve("server"));
    device = Device.open(dir.resolve("a"), "Alex", SyncTwoDevicesTest.FAST);
  }

  @AfterEach
  void stop() {
    device.close();
    server.close();
  }

  @Test
  void settingSyncUpQueuesWhatWasThereBeforePlansFirstThenSessionsOldestFirst() {
    Plan first = device.app.plans().create(device.id(), "First", Structures.plan());
    Session early = device.app.sessions().start(device.id(), first.id(), LocalDate.of(2026, 11, 1));
    device.app.sessions().complete(device.id(), early.id(), null);
    Plan second = device.app.plans().create(device.id(), "Second", Structures.plan());
    assertThat(entries()).as("nothing is recorded while sync is off").isEmpty();

    device.setUp(server);

    assertThat(entries()).extracting(OutboxEntry::id).containsExactly(first.id(), second.id(), early.id());
  }

  @Test
  void theAppsServicesRecordEveryChangeOncePerThingWithItsLatestVersion() {
    device.setUp(server);
    Plan plan = device.app.plans().create(device.id(), "Strength A", Structures.plan());
    Session session = device.app.sessions().start(device.id(), plan.id(), LocalDate.of(2026, 11, 24));
    device.app.plans().update(device.id(), plan.id(), "Strength B", null);
    Session logged = device.app.sessions().update(device.id(), session.id(),
        Structures.done(session.structure(), 0, 0, 5, 60, Instant.parse("2026-11-24T07:20:00Z")));
    Session done = device.app.sessions().complete(device.id(), logged.id(), null);
    device.app.sessions().amend(device.id(), done.id(), done.structure().withName("Corrected"), "name");
    Plan gone = device.app.plans().create(device.id(), "Gone", Structures.plan());
    device.app.plans().delete(device.id(), gone.id());

    assertThat(entries()).extracting(e -> e.type().code() + " v" + e.localVersion() + (e.deleted() ? " deleted" : ""))
        .containsExactly("plan v2", "session v4", "plan v2 deleted");
  }

  @Test
  void anImportRecordsEverythingItAdds() throws Exception {
    device.setUp(server);
    Path file = ExportDocuments.history(dir.resolve("h.json"), "Alex", 3, 25, false,
        Instant.parse("2020-01-01T07:00:00Z"));

    device.app.imports().importData(ImportSource.of(file), new ImportOptions("Alex"), Progress.NONE,
        Cancellation.none());

    assertThat(entries()).hasSize(28);
    assertThat(entries().subList(0, 3)).allMatch(e -> e.type() == EntityType.PLAN);
  }

  @Test
  void aLocalServeRecordsWhatItsClientsChange() throws Exception {
    device.setUp(server);
    String token = device.app.tokens().create(device.id(), "phone").text();
    ApiServer local = ApiServer.start(new ApiServer.Services(device.app.sessions(), device.app.plans(),
        device.app.audit(), device.app.tokens(), device.app.idempotency(), device.app.changes(), Version.current()),
        "127.0.0.1", 0);
    try {
      HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(local.url() + "/api/plans")).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"From the phone\", \"structure\": "
              + "{\"unit\": \"kg\", \"exercises\": []}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).isEqualTo(201);
    } finally {
      local.stop();
    }

    assertThat(entries()).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(EntityType.PLAN));
    assertThat(device.sync().inSync()).isTrue();
    assertThat(server.snapshot().plans().values()).extracting(Snapshot.PlanState::name).containsExactly("From the phone");
    assertThat(entries()).isEmpty();
  }

  @Test
  void whatASyncReceivesIsNotSentBack() {
    Plan plan = server.app.plans().create(server.profile.id(), "Made on the server", Structures.plan());
    device.setUp(server);

    SyncReport report = device.sync();

    assertThat(report.pulled()).isEqualTo(1);
    assertThat(entries()).isEmpty();
    assertThat(device.app.plans().get(device.id(), plan.id()).name()).isEqualTo("Made on the server");
    assertThat(device.sync().pushed()).isZero();
  }

  private List<OutboxEntry> entries() {
    return device.app.syncOutbox().next(device.id(), 0, 1000).stream().map(PushItem::entry).toList();
  }
}
