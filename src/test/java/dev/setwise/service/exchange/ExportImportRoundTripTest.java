package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export → import into an empty data folder → export again gives the same document. */
class ExportImportRoundTripTest {

  private static final int PLANS = 12;
  private static final int SESSIONS = 3000;

  @TempDir
  Path dir;

  @Test
  void exportImportExportOfThousandsOfSessionsGivesTheSameDocument() throws IOException {
    Path generated = ExportDocuments.history(dir.resolve("generated.json"), "Alex", PLANS, SESSIONS, true);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T07:15:00Z"));

    Path first = dir.resolve("first.json");
    try (AppContext a = AppContext.open(folder("a"), clock)) {
      ImportResult imported = a.imports().importData(ImportSource.of(generated), ImportOptions.defaults(),
          Progress.NONE, Cancellation.none());
      assertThat(imported.summary().plansNew()).isEqualTo(PLANS);
      assertThat(imported.summary().sessionsNew()).isEqualTo(SESSIONS);
      Profile alex = a.profiles().findByName("Alex").orElseThrow();
      assertThat(alex.id().toString()).isEqualTo(ExportDocuments.PROFILE_ID);
      AtomicLong lastDone = new AtomicLong();
      ExportResult exported = a.exports().exportToFile(alex.id(), first, (step, done, total) -> {
        assertThat(total).isEqualTo(PLANS + SESSIONS);
        lastDone.set(done);
      }, Cancellation.none());
      assertThat(exported.sessions()).isEqualTo(SESSIONS);
      assertThat(lastDone.get()).isEqualTo(PLANS + SESSIONS);
    }

    clock.advance(Duration.ofDays(3));
    Path second = dir.resolve("second.json");
    try (AppContext b = AppContext.open(folder("b"), clock)) {
      assertThat(b.profiles().list()).isEmpty();
      b.imports().importData(ImportSource.of(first), ImportOptions.defaults(), Progress.NONE, Cancellation.none());
      Profile alex = b.profiles().list().get(0);
      assertThat(b.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(SESSIONS);
      assertThat(b.sessions().findInProgress(alex.id())).isPresent();
      assertThat(b.plans().list(alex.id(), true)).hasSize(PLANS);
      b.exports().exportToFile(alex.id(), second, Progress.NONE, Cancellation.none());
    }

    String firstText = withoutExportTime(first);
    String secondText = withoutExportTime(second);
    assertThat(firstText).contains("\"completed_at\"", "\"distance_m\"", "\"duration_seconds\"", "\"superset\"",
        "\"bodyweight\"", "\"target_rpe\"", "\"warmup\"", "\"drop\"", "\"failure\"", "\"amrap\"", "\"in_progress\"",
        "\"archived\":true", "\"plan_id\":null");
    assertThat(secondText).isEqualTo(firstText);
    assertThat(Files.readString(first)).isNotEqualTo(Files.readString(second));
  }

  private Path folder(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private static String withoutExportTime(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
        .replaceFirst("\"exported_at\":\"[^\"]+\"", "\"exported_at\":\"…\"");
  }
}
