package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.StructureValidator;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real exports written by other people ({@code src/test/resources/csv/real}, origins in its
 * README): each imports with the session count, set count and total volume computed from its raw
 * rows outside Setwise ({@code .expected.json}), and leaves nothing out that it should not.
 */
class RealSamplesImportTest {

  private static final JsonCodec CODEC = new JsonCodec(JsonLimits.STORED);

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    alex = t.profile("Alex");
  }

  @AfterEach
  void close() {
    t.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "strong-2026-semicolon-kg", "strong-2024-semicolon-converted-kg", "strong-2021-comma",
      "strong-2026-comma-no-notes", "strong-2025-german", "hevy-kg", "hevy-lbs", "hevy-portuguese-months", "hevy-notes-with-line-breaks",
      "fitnotes-weight-kgs", "fitnotes-weight-lbs", "fitnotes-weight-unit-column", "fitnotes-cardio-lbs"})
  void aRealExportImportsWithItsSessionsSetsAndVolume(String sample) throws IOException {
    Map<?, ?> expected = (Map<?, ?>) CODEC.read(bytes(sample + ".expected.json"), "bad expected file");
    ImportSource source = new ImportSource(sample + ".csv", () -> stream(sample + ".csv"));

    ImportResult result = t.app.imports().importData(source, ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());

    ImportSummary s = result.summary();
    assertThat(s.problems()).isEmpty();
    assertThat(s.skippedRows()).as("rows left out").hasSize(number(expected, "skipped_rows").intValue());
    assertThat(s.csv().restTimerRows()).isEqualTo(number(expected, "rest_timer_rows").longValue());
    assertThat(s.csv().changedRowCount()).isEqualTo(number(expected, "changed_rows").longValue());
    assertThat(s.sessionsNew()).isEqualTo(number(expected, "sessions").longValue());
    List<SessionStructure> sessions = exported();
    assertThat(sessions).hasSize(number(expected, "sessions").intValue());
    List<SetEntry> sets = sessions.stream().flatMap(x -> x.exercises().stream())
        .flatMap(e -> e.sets().stream()).toList();
    assertThat(sets).hasSize(number(expected, "sets").intValue());
    double volume = sets.stream().filter(x -> x.reps() != null && x.weight() != null)
        .mapToDouble(x -> x.reps() * x.weight()).sum();
    assertThat(volume).isCloseTo(new BigDecimal((String) expected.get("volume")).doubleValue(), within(0.01));
    // A number of the file is stored as it is: never turned into a zero.
    assertThat(sets).allSatisfy(x -> {
      assertThat(x.weight()).satisfiesAnyOf(w -> assertThat(w).isNull(), w -> assertThat(w).isPositive());
      assertThat(x.completed()).isTrue();
    });
  }

  private static Number number(Map<?, ?> map, String key) {
    return (Number) map.get(key);
  }

  private List<SessionStructure> exported() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.app.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());
    Map<?, ?> document = (Map<?, ?>) CODEC.read(out.toByteArray(), "bad export");
    List<SessionStructure> list = new ArrayList<>();
    for (Object item : (List<?>) document.get("sessions")) {
      Problems problems = new Problems();
      list.add(StructureValidator.read(((Map<?, ?>) item).get("session"), "session", problems));
      assertThat(problems.list()).isEmpty();
    }
    return list;
  }

  static List<Exercise> exercises(List<SessionStructure> sessions) {
    return sessions.stream().flatMap(x -> x.exercises().stream()).toList();
  }

  static InputStream stream(String name) {
    InputStream in = RealSamplesImportTest.class.getResourceAsStream("/csv/real/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = stream(name)) {
      return in.readAllBytes();
    }
  }
}
