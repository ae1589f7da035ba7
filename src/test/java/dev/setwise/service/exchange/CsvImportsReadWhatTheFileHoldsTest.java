package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * Issue 8, "Imports read exactly what the file holds": each test here failed before the fix (the
 * file's numbers were dropped, misread or left out for a wrong reason).
 */
class CsvImportsReadWhatTheFileHoldsTest {

  private static final JsonCodec CODEC = new JsonCodec(JsonLimits.STORED);
  private static final String STRONG_HEADER = "\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";"
      + "\"Exercise Name\";\"Set Order\";\"Weight (%s)\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";"
      + "\"Workout Notes\"\n";
  private static final String HEVY_HEADER = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\","
      + "\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\",\"reps\",\"distance_km\","
      + "\"duration_seconds\",\"rpe\"\n";

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

  // ---- Strong's current layout ----

  @Test
  void strongsCurrentLayoutKeepsEveryWeightDistanceAndTheWorkoutsDuration() {
    String csv = STRONG_HEADER.formatted("kg")
        + "\"1\";\"2020-05-28 12:58:47\";\"Day 3\";\"4195\";\"Pull Up\";\"1\";\"5.0\";\"13\";\"\";\"\";\"\";\"\";\"\"\n"
        + "\"1\";\"2020-05-28 12:58:47\";\"Day 3\";\"4195\";\"Leg Press\";\"1\";\"150,5\";\"8\";\"8.5\";\"\";\"\";\"\";\"\"\n"
        + "\"1\";\"2020-05-28 12:58:47\";\"Day 3\";\"4195\";\"Rowing\";\"1\";\"\";\"\";\"\";\"2500\";\"600.0\";\"\";\"\"\n";

    ImportResult result = importCsv("strong.csv", csv);

    assertThat(result.summary().skippedRows()).isEmpty();
    SessionStructure session = onlySession();
    assertThat(session.unit()).isEqualTo(Unit.KG);
    assertThat(sets(session)).extracting(SetEntry::weight).containsExactly(5.0, 150.5, null);
    assertThat(sets(session).get(1).rpe()).isEqualTo(8.5);
    assertThat(sets(session).get(2).distanceM()).isEqualTo(2500.0);
    assertThat(sets(session).get(2).durationSeconds()).isEqualTo(600);
    Map<?, ?> stored = onlyStoredSession();
    assertThat(Duration.between(Instant.parse((String) stored.get("started_at")),
        Instant.parse((String) stored.get("ended_at")))).isEqualTo(Duration.ofSeconds(4195));
  }

  @Test
  void strongsCurrentLayoutInPoundsReadsTheUnitFromTheHeaderWhateverTheProfilesUnit() {
    String csv = STRONG_HEADER.formatted("lbs")
        + "\"12\";\"2026-09-05 17:00:00\";\"Legs\";\"3600\";\"Squat (Barbell)\";\"1\";\"225\";\"5\";\"\";\"\";\"\";\"\";\"\"\n"
        + "\"12\";\"2026-09-05 17:00:00\";\"Legs\";\"3600\";\"Squat (Barbell)\";\"2\";\"227,5\";\"5\";\"9\";\"\";\"\";\"\";\"\"\n";

    importCsv("strong.csv", csv);

    SessionStructure session = onlySession();
    assertThat(session.unit()).isEqualTo(Unit.LB);
    assertThat(sets(session)).extracting(SetEntry::weight).containsExactly(225.0, 227.5);
  }

  @Test
  void strongsNoteRowsBecomeExerciseNotesAndAreNotSets() throws IOException {
    importResource("strong-2026-semicolon-kg.csv");

    List<Exercise> exercises = exercises();
    Exercise curl = exercises.stream().filter(e -> e.name().equals("Lying Leg Curl (Machine)")).findFirst()
        .orElseThrow();
    assertThat(curl.notes()).isEqualTo("Beine einzeln");
    assertThat(curl.sets()).hasSize(3);
  }

  @Test
  void strongsRestTimerRowsAreCountedOnceAndNotListedAsRowsLeftOut() throws IOException {
    ImportResult result = importResource("strong-2026-semicolon-kg.csv");

    assertThat(result.summary().skippedRows()).isEmpty();
    assertThat(result.summary().skippedRowCount()).isZero();
    assertThat(result.summary().csv().restTimerRows()).isEqualTo(9);
  }

  @Test
  void strongsSpelledOutSetTypesAreRead() throws IOException {
    importResource("strong-2024-semicolon-converted-kg.csv");

    assertThat(exercises().stream().flatMap(e -> e.sets().stream()).map(SetEntry::type).distinct())
        .contains(SetType.WARMUP, SetType.FAILURE, SetType.NORMAL);
  }

  @Test
  void strongExportsInFrenchAreReadByTheirHeaders() {
    // The header and rows of a French export (SimonGomezUniv/strong_Simon, strong_workouts.csv).
    String csv = "Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,Secondes,RPE\n"
        + "2026-04-08 12:57:57,\"Entraînement du midi\",9min,\"Pec Deck (Machine)\",1,32.0,10.0,0,0.0,\n"
        + "2026-04-08 12:57:57,\"Entraînement du midi\",9min,\"Pec Deck (Machine)\",2,36.0,10.0,0,0.0,\n";

    ImportResult result = importCsv("strong_workouts.csv", csv);

    assertThat(result.summary().format()).isEqualTo(ImportFormat.STRONG);
    SessionStructure session = onlySession();
    assertThat(session.name()).isEqualTo("Entraînement du midi");
    assertThat(sets(session)).extracting(SetEntry::weight).containsExactly(32.0, 36.0);
    Map<?, ?> stored = onlyStoredSession();
    assertThat(Duration.between(Instant.parse((String) stored.get("started_at")),
        Instant.parse((String) stored.get("ended_at")))).isEqualTo(Duration.ofMinutes(9));
  }

  // ---- FitNotes ----

  @Test
  void fitNotesWeightInKgsIsRead() throws IOException {
    ImportResult result = importResource("fitnotes-weight-kgs.csv");

    assertThat(result.summary().problems()).isEmpty();
    assertThat(result.summary().sessionsNew()).isEqualTo(2);
    assertThat(exportedSessions()).allSatisfy(s -> assertThat(s.unit()).isEqualTo(Unit.KG));
    assertThat(sets(exportedSessions().get(0)).get(0).weight()).isEqualTo(18.0);
  }

  @Test
  void aRowWithAnUnquotedCommaInTheExerciseNameIsRepaired() throws IOException {
    ImportResult result = importResource("fitnotes-weight-unit-column.csv");

    assertThat(result.summary().skippedRows()).isEmpty();
    Exercise press = exercises().stream().filter(e -> e.name().startsWith("Overhead Press")).findFirst()
        .orElseThrow();
    assertThat(press.name()).isEqualTo("Overhead Press (Each Side, Dumbbells)");
    assertThat(press.sets()).extracting(SetEntry::weight).containsExactly(8.0, 8.0, 10.0, 8.0);
    assertThat(press.sets()).extracting(SetEntry::reps).containsExactly(5, 5, 3, 2);
    assertThat(result.summary().csv().changedRows()).first().isEqualTo(new Problem("line 13",
        "has 10 fields for the header's 9: a \",\" without quotes in Exercise (read as \"Overhead Press (Each "
            + "Side, Dumbbells)\")"));
  }

  @Test
  void aRowWithMoreFieldsThatCanBeReadTwoWaysIsLeftOutWithTheCounts() {
    // "60,5" in a comma file: the 5 could be reps or part of the weight; nothing is guessed.
    String csv = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
        + "2026-03-02,Deadlift,Back,150.0,3,,,,\n"
        + "2026-03-02,Bench,Chest,60,5,10,,,,\n";

    ImportResult result = importCsv("fitnotes.csv", csv);

    assertThat(result.summary().skippedRows()).containsExactly(new Problem("line 3", "has 10 fields; the header has 9"));
    assertThat(sets(onlySession())).hasSize(1);
  }

  @Test
  void aCommentWithAnUnquotedCommaAtTheEndOfTheRowIsRepaired() {
    String csv = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
        + "2026-03-02,Deadlift,Back,150.0,3,,,,felt strong,no belt\n";

    ImportResult result = importCsv("fitnotes.csv", csv);

    assertThat(result.summary().skippedRows()).isEmpty();
    Exercise deadlift = onlySession().exercises().get(0);
    assertThat(deadlift.notes()).isEqualTo("felt strong,no belt");
    assertThat(deadlift.sets()).extracting(SetEntry::weight).containsExactly(150.0);
  }

  @Test
  void aRowWithFewerFieldsThanTheHeaderIsLeftOutRatherThanReadIntoTheWrongColumns() {
    String csv = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n"
        + "2026-03-02,Deadlift,Back,150.0,3,,,\n"
        + "2026-03-02,Deadlift,150.0,3\n";

    ImportResult result = importCsv("fitnotes.csv", csv);

    assertThat(result.summary().skippedRows()).containsExactly(new Problem("line 3", "has 4 fields; the header has 8"));
  }

  // ---- Hevy ----

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "18 Sep 2026, 17:31", "18 September 2026, 17:31", "18 sept. 2026, 17:31", "18 septembre 2026, 17:31",
      "18 Sept. 2026, 17:31", "18 Sep. 2026, 17:31", "18 sept 2026, 17:31", "18 septiembre 2026, 17:31",
      "18 set 2026, 17:31", "18 settembre 2026, 17:31", "18 Set 2026, 17:31", "18 setembro 2026, 17:31",
      "18 sep. 2026, 17:31", "18 wrz 2026, 17:31", "18 września 2026, 17:31", "18 wrzesień 2026, 17:31",
      "18 SEPT. 2026, 17:31", "Sep 18, 2026, 5:31 PM"})
  void hevysLocalisedDatesAreRead(String when) {
    importCsv("hevy.csv", HEVY_HEADER + "\"Legs\",\"" + when + "\",\"" + when
        + "\",\"\",\"Squat\",,\"\",0,\"normal\",100,5,,,\n");

    Map<?, ?> stored = onlyStoredSession();
    assertThat(stored.get("date")).isEqualTo("2026-09-18");
    assertThat(stored.get("started_at")).isEqualTo("2026-09-18T17:31:00Z");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "3 janv. 2026|01", "3 févr. 2026|02", "3 fevr 2026|02", "3 März 2026|03", "3 mrt. 2026|03", "3 abr. 2026|04",
      "3 avr. 2026|04", "3 kwi 2026|04", "3 mai 2026|05", "3 mei 2026|05", "3 maj 2026|05", "3 giu 2026|06",
      "3 juin 2026|06", "3 juil. 2026|07", "3 lug 2026|07", "3 lip 2026|07", "3 août 2026|08", "3 ago 2026|08",
      "3 sie 2026|08", "3 okt. 2026|10", "3 out. 2026|10", "3 ott 2026|10", "3 paź 2026|10", "3 dic 2026|12",
      "3 Dez. 2026|12", "3 déc. 2026|12", "3 gru 2026|12", "3 ene 2026|01", "3 gen 2026|01", "3 sty 2026|01"})
  void everyMonthOfTheCommonLanguagesIsKnown(String day, String month) {
    importCsv("hevy.csv", HEVY_HEADER + "\"Legs\",\"" + day + ", 07:15\",\"\",\"\",\"Squat\",,\"\",0,\"normal\","
        + "100,5,,,\n");

    assertThat(onlyStoredSession().get("date")).isEqualTo("2026-" + month + "-03");
  }

  @Test
  void aDateWithAMonthNoLanguageKnowsIsLeftOutWithTheReason() {
    ImportResult result = importCsv("hevy.csv", HEVY_HEADER
        + "\"Legs\",\"18 Syyskuu 2026, 17:31\",\"\",\"\",\"Squat\",,\"\",0,\"normal\",100,5,,,\n"
        + "\"Legs\",\"19 Sep 2026, 17:31\",\"\",\"\",\"Squat\",,\"\",0,\"normal\",100,5,,,\n");

    assertThat(result.summary().skippedRows()).containsExactly(new Problem("line 2",
        "has a date with a month name Setwise does not know (\"18 Syyskuu 2026, 17:31\")"));
    assertThat(result.summary().sessionsNew()).isEqualTo(1);
  }

  @Test
  void hevysWrittenOutLineBreaksInNotesBecomeLineBreaks() throws IOException {
    importResource("hevy-notes-with-line-breaks.csv");

    Exercise pullUp = exercises().stream().filter(e -> e.name().equals("Pull Up")).findFirst().orElseThrow();
    assertThat(pullUp.notes()).isEqualTo("closed grip\n\nue agr ta contando o pull up como volume antes nao tava");
  }

  // ---- the summary ----

  @Test
  void theSummarySaysWhichUnitItAssumedAndTheDatesTheFileCovers() throws IOException {
    ImportSummary summary = t.app.imports().analyze(resource("strong-2021-comma.csv"), ImportOptions.defaults(),
        Progress.NONE, Cancellation.none());

    assertThat(summary.csv().assumedWeightUnit()).isEqualTo(Unit.KG);
    assertThat(summary.csv().assumedDistanceUnit()).isEqualTo("km");
    assertThat(summary.firstDate()).hasToString("2020-12-30");
    assertThat(summary.lastDate()).hasToString("2021-05-13");
    assertThat(summary.hasWarnings()).isTrue();

    ImportSummary named = t.app.imports().analyze(resource("strong-2026-semicolon-kg.csv"), ImportOptions.defaults(),
        Progress.NONE, Cancellation.none());
    assertThat(named.csv().assumedWeightUnit()).isNull();
    assertThat(named.hasWarnings()).isFalse();
  }

  @Test
  void columnsWithValuesThatAreNotReadAreNamed() {
    String csv = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Heart Rate\n"
        + "2026-03-02,Deadlift,Back,150.0,3,,,,142\n";

    ImportSummary summary = t.app.imports().analyze(text("fitnotes.csv", csv), ImportOptions.defaults(),
        Progress.NONE, Cancellation.none());

    assertThat(summary.csv().unreadColumns()).containsExactly("Heart Rate");
    assertThat(summary.hasWarnings()).isTrue();
  }

  // ---- files that are not files ----

  @Test
  void aDeviceIsRefusedWithoutBeingRead() {
    Path zero = Path.of("/dev/zero");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "a system with /dev/zero");
    assertThatThrownBy(() -> t.app.imports().analyze(ImportSource.of(zero), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot read zero: it is not a regular file (a device, a pipe or a socket); save the export to "
            + "a file and import that");
  }

  @Test
  void aFolderIsRefused() {
    assertThatThrownBy(() -> t.app.imports().analyze(ImportSource.of(dir), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("Cannot read " + dir.getFileName() + ": it is a folder");
  }

  // ---- helpers ----

  private ImportResult importCsv(String name, String content) {
    return t.app.imports().importData(text(name, content), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
  }

  private ImportResult importResource(String name) throws IOException {
    return t.app.imports().importData(resource(name), ImportOptions.defaults(), Progress.NONE, Cancellation.none());
  }

  private static ImportSource resource(String name) {
    return new ImportSource(name, () -> RealSamplesImportTest.stream(name));
  }

  static ImportSource text(String name, String content) {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    return new ImportSource(name, () -> new ByteArrayInputStream(bytes));
  }

  private List<Map<?, ?>> storedSessions() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.app.exports().export(alex.id(), out, Progress.NONE, Cancellation.none());
    Map<?, ?> document = (Map<?, ?>) CODEC.read(out.toByteArray(), "bad export");
    List<Map<?, ?>> list = new ArrayList<>();
    for (Object item : (List<?>) document.get("sessions")) {
      list.add((Map<?, ?>) item);
    }
    return list;
  }

  private Map<?, ?> onlyStoredSession() {
    List<Map<?, ?>> sessions = storedSessions();
    assertThat(sessions).hasSize(1);
    return sessions.get(0);
  }

  private List<SessionStructure> exportedSessions() {
    List<SessionStructure> list = new ArrayList<>();
    for (Map<?, ?> session : storedSessions()) {
      Problems problems = new Problems();
      list.add(StructureValidator.read(session.get("session"), "session", problems));
      assertThat(problems.list()).isEmpty();
    }
    return list;
  }

  private SessionStructure onlySession() {
    List<SessionStructure> sessions = exportedSessions();
    assertThat(sessions).hasSize(1);
    return sessions.get(0);
  }

  private List<Exercise> exercises() {
    return exportedSessions().stream().flatMap(s -> s.exercises().stream()).toList();
  }

  private static List<SetEntry> sets(SessionStructure session) {
    return session.exercises().stream().flatMap(e -> e.sets().stream()).toList();
  }
}
