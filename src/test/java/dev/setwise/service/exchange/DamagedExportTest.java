package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.DamagedDataException;
import dev.setwise.service.Progress;
import dev.setwise.support.DamagedRows;
import dev.setwise.support.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An export of a damaged database fails, naming the first damaged session by id and date, and
 * writes nothing: no invalid JSON, no document with sessions left out, no file under the name.
 */
class DamagedExportTest {

  @TempDir
  Path dir;

  TestContext t;
  DamagedRows damage;
  Profile alex;
  Plan plan;
  List<Session> sessions = new ArrayList<>();

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    damage = new DamagedRows(t.dataDir);
    alex = t.profile("Alex");
    plan = t.plan(alex, "Strength A");
    for (int i = 0; i < 3; i++) {
      Session started = t.app.sessions().start(alex.id(), plan.id(), null);
      sessions.add(t.app.sessions().complete(alex.id(), started.id(), null));
      t.clock.advance(Duration.ofDays(1));
    }
  }

  @AfterEach
  void close() {
    t.close();
  }

  private Session second() {
    return sessions.get(1);
  }

  /** Exported to a stream, a file and a file that already exists: each fails the same way and writes nothing. */
  private void assertEveryExportFails(String... messageParts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    assertThatThrownBy(() -> t.app.exports().export(alex.id(), bytes, Progress.NONE, Cancellation.none()))
        .isInstanceOf(DamagedDataException.class).message().contains(messageParts);
    assertThat(bytes.size()).as("nothing written to the stream").isZero();

    StringWriter chars = new StringWriter();
    assertThatThrownBy(() -> t.app.exports().export(alex.id(), chars, Progress.NONE, Cancellation.none()))
        .isInstanceOf(DamagedDataException.class).message().contains(messageParts);
    assertThat(chars.toString()).as("nothing written to the writer").isEmpty();

    Path target = dir.resolve("out").resolve("alex.json");
    Files.createDirectories(target.getParent());
    assertThatThrownBy(() -> t.app.exports().exportToFile(alex.id(), target, Progress.NONE, Cancellation.none()))
        .isInstanceOf(DamagedDataException.class).message().contains(messageParts);
    Files.writeString(target, "an older export");
    assertThatThrownBy(() -> t.app.exports().exportToFile(alex.id(), target, Progress.NONE, Cancellation.none()))
        .isInstanceOf(DamagedDataException.class);
    assertThat(Files.readString(target)).isEqualTo("an older export");
    try (Stream<Path> files = Files.list(target.getParent())) {
      assertThat(files).as("no temporary file is left").containsExactly(target);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"unit\": \"kg\", \"exercises\": 5}",
      "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": 100000}]}]}",
      "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"\", \"sets\": []}]}",
      "{\"unit\": \"kg\", \"exercises\": [], \"colour\": \"red\"}",
      "{\"exercises\": []}",
      "{\"unit\": \"kg\", \"exercises\": [], \"notes\": \"\\ud800\"}",
      "[]", "null", "0", "\"text\""})
  void aSnapshotThatIsJsonButBreaksTheStructureRulesStopsTheExport(String stored) throws IOException {
    damage.snapshot(second().id().toString(), stored.getBytes(StandardCharsets.UTF_8));

    assertEveryExportFails("session " + second().id() + " of " + second().date() + " is damaged");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"unit\": \"kg\", \"exercises\": [",
      "{\"unit\": \"kg\", \"exercises\": []}}",
      "{\"unit\": \"kg\"\u0000, \"exercises\": []}",
      "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": [{\"reps\": 5, \"weight\": 1e2147483648}]}]}",
      "{\"unit\": \"kg\", \"unit\": \"lb\", \"exercises\": []}",
      ""})
  void aSnapshotThatIsNotValidJsonStopsTheExportInsteadOfBreakingTheDocument(String stored) throws IOException {
    damage.snapshot(second().id().toString(), stored.getBytes(StandardCharsets.UTF_8));

    assertEveryExportFails("session " + second().id() + " of " + second().date() + " is damaged: its snapshot");
  }

  @Test
  void aFlippedBitThatBreaksUtf8StopsTheExportInsteadOfWritingReplacementCharacters() throws IOException {
    byte[] stored = "{\"unit\": \"kg\", \"exercises\": [{\"name\": \"Squat\", \"sets\": []}]}"
        .getBytes(StandardCharsets.UTF_8);
    int a = new String(stored, StandardCharsets.UTF_8).indexOf("Squat") + 3;
    stored[a] = (byte) (stored[a] | 0x80); // 'a' (0x61) becomes 0xE1, a sequence that never ends
    damage.snapshot(second().id().toString(), stored);

    assertEveryExportFails("session " + second().id() + " of " + second().date() + " is damaged: its snapshot",
        "not readable text");
  }

  @Test
  void aSessionWhoseDateCannotBeReadIsNamedByWhatTheRowHolds() throws IOException {
    damage.column("sessions", "date", second().id().toString(), "2026-91-25");

    assertEveryExportFails("session " + second().id() + " of 2026-91-25 is damaged");
  }

  @Test
  void aDamagedPlanStructureStopsTheExport() throws IOException {
    damage.structure(plan.id().toString(), "{\"unit\": \"kg\", \"exercises\": [{\"sets\": []}]}"
        .getBytes(StandardCharsets.UTF_8));

    assertEveryExportFails("plan " + plan.id() + " (\"Strength A\") is damaged: its structure");
  }

  @Test
  void aSessionLeftOutByADamagedIndexStopsTheExportInsteadOfExportingTheRest() throws IOException {
    damage.dropIndexEntry("sessions_by_started", "sessions", "user_id, started_at, id", second().id().toString());

    assertEveryExportFails("the database is damaged: it holds 3 sessions", "only 2 sessions");
  }

  @Test
  void anUndamagedDatabaseStillExportsEverySessionOnce() {
    StringWriter out = new StringWriter();
    ExportResult result = t.app.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());

    Map<?, ?> document = (Map<?, ?>) new JsonCodec(JsonLimits.STORED)
        .read(out.toString().getBytes(StandardCharsets.UTF_8), "bad");
    assertThat(result.sessions()).isEqualTo(3);
    assertThat((List<?>) document.get("sessions")).hasSize(3);
  }
}
