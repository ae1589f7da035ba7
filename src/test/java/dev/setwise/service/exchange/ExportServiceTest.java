package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportServiceTest {

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;
  Plan plan;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    alex = t.profile("Alex");
    plan = t.plan(alex, "Strength A");
    t.app.sessions().complete(alex.id(), t.app.sessions().start(alex.id(), plan.id(), null).id(), null);
    t.app.plans().delete(alex.id(), plan.id());
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void theDocumentHoldsTheProfileArchivedPlansAndSessionsWithIdsAndTimestamps() {
    StringWriter out = new StringWriter();
    ExportResult result = t.app.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());

    Map<String, Object> document = object(new JsonCodec(JsonLimits.STORED)
        .read(out.toString().getBytes(StandardCharsets.UTF_8), "bad"));
    assertThat(List.copyOf(document.keySet())).containsExactly("format", "version", "exported_at", "exported_by",
        "profile", "counts", "plans", "sessions", "amendments");
    assertThat(document.get("format")).isEqualTo("setwise-export");
    assertThat(document.get("version").toString()).isEqualTo("2");
    assertThat(document.get("exported_at")).isEqualTo("2026-11-24T07:15:00Z");
    assertThat(object(document.get("profile"))).containsEntry("id", alex.id().toString())
        .containsEntry("name", "Alex").containsEntry("unit", "kg");
    Map<String, Object> exportedPlan = object(((List<?>) document.get("plans")).get(0));
    assertThat(exportedPlan).containsEntry("id", plan.id().toString()).containsEntry("archived", true)
        .containsEntry("has_sessions", true).containsKeys("structure", "created_at", "updated_at");
    Map<String, Object> session = object(((List<?>) document.get("sessions")).get(0));
    assertThat(session).containsEntry("plan_id", plan.id().toString()).containsEntry("status", "completed")
        .containsKeys("id", "date", "started_at", "ended_at", "session", "created_at", "updated_at");
    assertThat(result.plans()).isEqualTo(1);
    assertThat(result.sessions()).isEqualTo(1);
  }

  @Test
  void aCancelledExportLeavesNoFileAndKeepsAnOldOne() throws IOException {
    Path target = dir.resolve("export.json");
    Files.writeString(target, "the previous export");
    Cancellation cancellation = new Cancellation();

    assertThatThrownBy(() -> t.app.exports().exportToFile(alex.id(), target, (step, done, total) -> {
      if (done > 0) {
        cancellation.cancel();
      }
    }, cancellation)).isInstanceOf(CancellationException.class);

    assertThat(Files.readString(target)).isEqualTo("the previous export");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("data", "export.json");
    }
  }

  @Test
  void aFailedExportLeavesNoFile() throws IOException {
    Path target = dir.resolve("export.json");

    assertThatThrownBy(() -> t.app.exports().exportToFile(java.util.UUID.randomUUID(), target, Progress.NONE,
        Cancellation.none())).isInstanceOf(NotFoundException.class);

    assertThat(target).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("data");
    }
  }

  @Test
  void anExportToAMissingFolderSaysSo() {
    Path target = dir.resolve("nowhere/export.json");
    assertThatThrownBy(() -> t.app.exports().exportToFile(alex.id(), target, Progress.NONE, Cancellation.none()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot write " + target + ": the folder does not exist");
  }

  @Test
  void theProfileIsTheOnlyOneOrTheNamedOne() {
    assertThat(t.app.exports().chooseProfile(null)).isEqualTo(alex);
    t.profile("Sam");

    assertThatThrownBy(() -> t.app.exports().chooseProfile(null))
        .isInstanceOf(ValidationException.class)
        .hasMessage("There are several profiles (Alex, Sam): choose one with --profile NAME");
    assertThat(t.app.exports().chooseProfile(" alex ")).isEqualTo(alex);
    assertThatThrownBy(() -> t.app.exports().chooseProfile("Kim"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("No profile is named \"Kim\" (profiles: Alex, Sam)");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object tree) {
    return (Map<String, Object>) tree;
  }
}
