package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The hand-written samples in {@code src/test/resources/csv} (written from the apps' published
 * column layouts) against their {@code .expected.json}: the sessions the import must create and
 * the rows it must leave out, with line numbers.
 */
class OtherAppCsvImportTest {

  private static final JsonCodec CODEC = new JsonCodec(JsonLimits.STORED);

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;

  /** A session as compared with the expected file. */
  record Expected(String date, String startedAt, String endedAt, SessionStructure session) {}

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
  @CsvSource({"strong, STRONG", "strong-legacy, STRONG", "hevy, HEVY", "fitnotes, FITNOTES"})
  void aSampleImportsAsExpectedAndReimportingChangesNothing(String sample, ImportFormat format) throws IOException {
    ImportSource source = resource(sample + ".csv");
    Map<?, ?> expectedFile = (Map<?, ?>) CODEC.read(bytes(sample + ".expected.json"), "bad expected file");
    List<Expected> expected = expected((List<?>) expectedFile.get("sessions"));
    List<?> expectedSkipped = (List<?>) expectedFile.get("skipped");

    ImportSummary dryRun = t.app.imports().analyze(source, ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
    assertThat(dryRun.format()).isEqualTo(format);
    assertThat(dryRun.profileName()).isEqualTo("Alex");
    assertThat(dryRun.sessionsNew()).isEqualTo(expected.size());
    assertThat(dryRun.skippedRows()).extracting(Problem::toString).containsExactlyElementsOf(
        expectedSkipped.stream().map(String::valueOf).toList());
    assertThat(dryRun.skippedRowCount()).isEqualTo(expectedSkipped.size());
    Object restTimers = expectedFile.get("rest_timer_rows");
    assertThat(dryRun.csv().restTimerRows()).isEqualTo(restTimers == null ? 0 : ((Number) restTimers).longValue());
    assertThat(sessionCount()).isZero();

    ImportResult result = t.app.imports().importData(source, ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
    assertThat(result.applied()).isTrue();
    assertThat(exportedSessions()).containsExactlyElementsOf(expected);
    assertThat(t.app.audit().list(alex.id(), 1, 0).items().get(0).action()).isEqualTo("data_imported");

    String before = state();
    ImportResult again = t.app.imports().importData(source, ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
    assertThat(again.applied()).isFalse();
    assertThat(again.summary().sessionsDuplicate()).isEqualTo(expected.size());
    assertThat(again.summary().sessionsNew()).isZero();
    assertThat(again.summary().previousImport()).isNotNull();
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void hevyInPoundsKeepsPounds() {
    String csv = "title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,"
        + "set_type,weight_lbs,reps,distance_miles,duration_seconds,rpe\n"
        + "Legs,\"3 Nov 2026, 06:00\",\"3 Nov 2026, 07:00\",,Squat,,,0,normal,225,5,,,\n"
        + "Legs,\"3 Nov 2026, 06:00\",\"3 Nov 2026, 07:00\",,Run,,,0,normal,,,1,600,\n";
    t.app.imports().importData(text("lbs.csv", csv), ImportOptions.defaults(), Progress.NONE, Cancellation.none());

    SessionStructure session = exportedSessions().get(0).session();
    assertThat(session.unit()).isEqualTo(Unit.LB);
    assertThat(session.exercises().get(0).sets().get(0).weight()).isEqualTo(225.0);
    assertThat(session.exercises().get(1).sets().get(0).distanceM()).isEqualTo(1609.34);
  }

  @Test
  void aCsvGoesToTheNamedProfileAndSeveralProfilesNeedAName() throws IOException {
    Profile sam = t.profile("Sam");
    ImportSource source = resource("hevy.csv");

    assertThatThrownBy(() -> t.app.imports().analyze(source, ImportOptions.defaults(), Progress.NONE,
        Cancellation.none()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("There are several profiles (Alex, Sam): choose one with --profile NAME");
    // A profile that does not exist yet is created by the import (the dry run only says so).
    ImportSummary forKim = t.app.imports().analyze(source, new ImportOptions("Kim"), Progress.NONE,
        Cancellation.none());
    assertThat(forKim.profileName()).isEqualTo("Kim");
    assertThat(forKim.createsProfile()).isTrue();
    assertThat(forKim.sessionsNew()).isEqualTo(2);
    assertThat(t.app.profiles().list()).extracting(Profile::name).containsExactly("Alex", "Sam");

    t.app.imports().importData(source, new ImportOptions("sam"), Progress.NONE, Cancellation.none());
    ImportResult forAlex = t.app.imports().importData(source, new ImportOptions("Alex"), Progress.NONE,
        Cancellation.none());

    assertThat(forAlex.summary().sessionsNew()).isEqualTo(2);
    assertThat(t.app.sessions().list(sam.id(), SessionQuery.defaults()).total()).isEqualTo(2);
    assertThat(sessionCount()).isEqualTo(2);
  }

  @Test
  void aCsvOfNoKnownAppIsRefused() {
    assertThatThrownBy(() -> t.app.imports().importData(text("x.csv", "a,b,c\n1,2,3\n"), ImportOptions.defaults(),
        Progress.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("$", "is neither a Setwise export nor a CSV export of Strong, Hevy or FitNotes "
                + "(its first line is: a,b,c)")));
  }

  @Test
  void anUnclosedQuoteIsRefusedWithItsLine() {
    String csv = "Date,Exercise,Category,Weight (kg),Reps\n2026-09-01,Bench,Chest,60,10\n2026-09-02,\"Bench,Chest,60,10\n";
    assertThatThrownBy(() -> t.app.imports().importData(text("x.csv", csv), ImportOptions.defaults(),
        Progress.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems()).containsExactly(
            new Problem("line 3", "opens a quote that is never closed")));
    assertThat(sessionCount()).isZero();
  }

  private long sessionCount() {
    return t.app.sessions().list(alex.id(), SessionQuery.defaults()).total();
  }

  private String state() {
    return sessionCount() + " sessions, " + t.app.audit().list(alex.id(), 1, 0).total() + " audit, "
        + t.app.backups().list().size() + " backups";
  }

  private List<Expected> exportedSessions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.app.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());
    Map<?, ?> document = (Map<?, ?>) CODEC.read(out.toByteArray(), "bad export");
    return expected((List<?>) document.get("sessions"));
  }

  private static List<Expected> expected(List<?> sessions) {
    List<Expected> list = new ArrayList<>();
    for (Object item : sessions) {
      Map<?, ?> session = (Map<?, ?>) item;
      Problems problems = new Problems();
      SessionStructure structure = StructureValidator.read(session.get("session"), "session", problems);
      assertThat(problems.list()).isEmpty();
      list.add(new Expected((String) session.get("date"), (String) session.get("started_at"),
          (String) session.get("ended_at"), structure));
    }
    return list;
  }

  private static ImportSource resource(String name) {
    return new ImportSource(name, () -> stream(name));
  }

  private static ImportSource text(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new ImportSource(name, () -> new ByteArrayInputStream(bytes));
  }

  private static InputStream stream(String name) {
    InputStream in = OtherAppCsvImportTest.class.getResourceAsStream("/csv/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static byte[] bytes(String name) throws IOException {
    try (InputStream in = stream(name)) {
      return in.readAllBytes();
    }
  }
}
