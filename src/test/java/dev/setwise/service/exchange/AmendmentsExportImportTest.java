package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.MutableClock;
import dev.setwise.support.Structures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Version 2 of the export format: amendments travel with their sessions. Export, then import into a
 * fresh folder, gives the same originals, amendments, reasons, times and versions; a second import
 * changes nothing; version 1 files are still read; a hostile file is refused with paths.
 */
class AmendmentsExportImportTest {

  @TempDir
  Path dir;

  MutableClock clock = new MutableClock(Instant.parse("2026-11-24T07:15:00Z"));
  Path exported;
  UUID amendedId;
  UUID plainId;
  UUID inProgressId;

  /** Alex: a session amended twice, one never amended, one in progress; exported to a file. */
  @BeforeEach
  void anExportWithAmendments() throws IOException {
    exported = dir.resolve("alex.json");
    try (AppContext a = AppContext.open(folder("a"), clock)) {
      Profile alex = a.profiles().create("Alex", null);
      Plan plan = a.plans().create(alex.id(), "Strength A", Structures.plan());
      Session first = a.sessions().start(alex.id(), plan.id(), null);
      SessionStructure logged = Structures.done(first.structure(), 0, 1, 5, 100, clock.instant());
      a.sessions().update(alex.id(), first.id(), logged);
      clock.advance(Duration.ofMinutes(50));
      Session completed = a.sessions().complete(alex.id(), first.id(), null);
      clock.advance(Duration.ofDays(1));
      a.sessions().amend(alex.id(), completed.id(), Structures.done(logged, 0, 2, 5, 100, completed.endedAt()),
          "Forgot a set");
      clock.advance(Duration.ofHours(2));
      Session twice = a.sessions().amend(alex.id(), completed.id(),
          Structures.done(Structures.done(logged, 0, 2, 5, 100, completed.endedAt()), 0, 1, 5, 105, clock.instant()),
          "It was 105, not 100");
      amendedId = twice.id();
      clock.advance(Duration.ofDays(2));
      Session second = a.sessions().start(alex.id(), plan.id(), null);
      clock.advance(Duration.ofMinutes(30));
      plainId = a.sessions().complete(alex.id(), second.id(),
          Structures.done(second.structure(), 1, 0, 8, 60, clock.instant())).id();
      clock.advance(Duration.ofDays(1));
      inProgressId = a.sessions().start(alex.id(), plan.id(), null).id();
      a.exports().exportToFile(alex.id(), exported, Progress.NONE, Cancellation.none());
    }
  }

  @Test
  void anExportIsVersionTwoWithTheOriginalsAndEveryAmendment() throws IOException {
    String text = Files.readString(exported);

    assertThat(text).startsWith("{\"format\":\"setwise-export\",\"version\":2,");
    assertThat(text).contains("\"counts\":{\"plans\":1,\"sessions\":3,\"amendments\":2}");
    assertThat(text).contains("\"reason\":\"Forgot a set\"", "\"reason\":\"It was 105, not 100\"",
        "\"amended\":true", "\"amended\":false");
    assertThat(text.indexOf("\"amendments\":[")).isGreaterThan(text.indexOf("\"sessions\":["));
  }

  @Test
  void exportThenImportIntoAFreshFolderGivesTheSameOriginalsAmendmentsTimesAndVersions() throws IOException {
    Map<UUID, List<SessionAmendment>> before;
    Map<UUID, Session> sessionsBefore;
    List<SessionSummary> summariesBefore;
    try (AppContext a = AppContext.open(dir.resolve("a"), clock)) {
      Profile alex = a.profiles().findByName("Alex").orElseThrow();
      before = histories(a, alex);
      sessionsBefore = sessions(a, alex);
      summariesBefore = a.sessions().list(alex.id(), SessionQuery.defaults()).items();
    }
    Path again = dir.resolve("again.json");
    clock.advance(Duration.ofDays(5));
    try (AppContext b = AppContext.open(folder("b"), clock)) {
      ImportResult result = b.imports().importData(ImportSource.of(exported), ImportOptions.defaults(),
          Progress.NONE, Cancellation.none());
      assertThat(result.summary().amendmentsNew()).isEqualTo(2);
      assertThat(result.summary().sessionsNew()).isEqualTo(3);
      Profile alex = b.profiles().findByName("Alex").orElseThrow();

      assertThat(histories(b, alex)).isEqualTo(before);
      assertThat(sessions(b, alex)).isEqualTo(sessionsBefore);
      assertThat(b.sessions().list(alex.id(), SessionQuery.defaults()).items()).isEqualTo(summariesBefore);
      SessionSummary amended = summariesBefore.stream().filter(s -> s.id().equals(amendedId)).findFirst().orElseThrow();
      assertThat(amended.volume()).isEqualTo(1025.0);
      b.exports().exportToFile(alex.id(), again, Progress.NONE, Cancellation.none());
    }
    assertThat(withoutExportTime(again)).isEqualTo(withoutExportTime(exported));
  }

  @Test
  void importingTheSameFileTwiceChangesNothing() throws IOException {
    try (AppContext b = AppContext.open(folder("b"), clock)) {
      b.imports().importData(ImportSource.of(exported), ImportOptions.defaults(), Progress.NONE, Cancellation.none());
      Profile alex = b.profiles().findByName("Alex").orElseThrow();
      Map<UUID, List<SessionAmendment>> once = histories(b, alex);
      long audited = b.audit().list(alex.id(), 100, 0).total();

      ImportResult twice = b.imports().importData(ImportSource.of(exported), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none());

      assertThat(twice.applied()).isFalse();
      assertThat(twice.summary().amendmentsNew()).isZero();
      assertThat(twice.summary().amendmentsDuplicate()).isEqualTo(2);
      assertThat(histories(b, alex)).isEqualTo(once);
      assertThat(b.audit().list(alex.id(), 100, 0).total()).isEqualTo(audited);
    }
  }

  @Test
  void aVersionOneFileIsStillReadAndItsSessionsLaterTakeTheAmendmentsOfAVersionTwoFile() throws IOException {
    Path v1 = dir.resolve("v1.json");
    Files.writeString(v1, asVersionOne(Files.readString(exported)));
    try (AppContext b = AppContext.open(folder("b"), clock)) {
      ImportResult first = b.imports().importData(ImportSource.of(v1), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none());
      assertThat(first.summary().sessionsNew()).isEqualTo(3);
      Profile alex = b.profiles().findByName("Alex").orElseThrow();
      assertThat(b.sessions().get(alex.id(), amendedId).amended()).isFalse();

      ImportResult second = b.imports().importData(ImportSource.of(exported), ImportOptions.defaults(),
          Progress.NONE, Cancellation.none());

      assertThat(second.summary().amendmentsNew()).isEqualTo(2);
      assertThat(second.summary().sessionsNew()).isZero();
      List<SessionAmendment> states = b.sessions().amendments(alex.id(), amendedId);
      assertThat(states).extracting(SessionAmendment::reason)
          .containsExactly(null, "Forgot a set", "It was 105, not 100");
      // the copy made from the version 1 file started at version 1: the amendments follow it
      assertThat(states).extracting(SessionAmendment::version).containsExactly(1L, 2L, 3L);
      assertThat(b.sessions().list(alex.id(), SessionQuery.defaults()).items())
          .filteredOn(s -> s.id().equals(amendedId)).singleElement()
          .satisfies(s -> assertThat(s.volume()).isEqualTo(1025.0));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "an amendment of the session in progress|IN_PROGRESS|amendments[0].session_id|refers to a session in progress",
      "an amendment of an unknown session|UNKNOWN|amendments[0].session_id|refers to a session that is not in the file",
      "an empty reason|EMPTY_REASON|amendments[0].reason|must be 1 to 500 characters",
      "a reason of 501 characters|LONG_REASON|amendments[0].reason|must be 1 to 500 characters",
      "a version that does not follow|GAP|amendments[1].version|must be",
      "amended without an amendment|NO_AMENDMENTS|sessions[0].amended|no amendment of the session follows",
      "the session in progress marked amended|AMENDED_IN_PROGRESS|sessions[2].amended|the session is in progress",
      "amendments before the sessions|BEFORE_SESSIONS|amendments|must come after sessions",
      "amendments in a version 1 file|IN_VERSION_ONE|amendments|is not a known property",
      "counts that do not match|COUNTS|counts.amendments|but the file holds 2 amendments"})
  void aHostileVersionTwoFileIsRefusedWithItsPathAndImportsNothing(String what, Hostility hostility, String path,
      String message) throws IOException {
    Path file = dir.resolve("hostile.json");
    Files.writeString(file, hostility.apply(Files.readString(exported), this));
    try (AppContext b = AppContext.open(folder("b"), clock)) {
      ImportSummary summary = b.imports().analyze(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none());
      assertThat(summary.problems()).as(summary.problems().toString())
          .anySatisfy(p -> assertThat(p.toString()).startsWith(path + ": ").contains(message));

      assertThatThrownBy(() -> b.imports().importData(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none())).isInstanceOf(ValidationException.class);
      assertThat(b.profiles().list()).isEmpty();
    }
  }

  @Test
  void moreAmendmentsOfOneSessionThanASessionHoldsAreRefused() throws IOException {
    String text = Files.readString(exported);
    int start = text.indexOf("\"amendments\":[") + "\"amendments\":[".length();
    int firstEnd = text.indexOf("},{\"session_id\"", start) + 1;
    String template = text.substring(start, firstEnd);
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= AmendmentImport.MAX_PER_SESSION; i++) {
      if (i > 0) {
        many.append(',');
      }
      many.append(template.replace("\"version\":4,", "\"version\":" + (4 + i) + ",")
          .replace("\"reason\":\"Forgot a set\"", "\"reason\":\"Fix " + i + "\""));
    }
    String hostile = text.substring(0, start) + many + "]}";
    hostile = hostile.replace("\"amendments\":2}", "\"amendments\":" + (AmendmentImport.MAX_PER_SESSION + 1) + "}");
    Path file = dir.resolve("many.json");
    Files.writeString(file, hostile);
    try (AppContext b = AppContext.open(folder("b"), clock)) {
      ImportSummary summary = b.imports().analyze(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none());

      assertThat(summary.problems()).extracting(Problem::toString).anySatisfy(p -> assertThat(p)
          .startsWith("amendments[" + AmendmentImport.MAX_PER_SESSION + "]: is one of more than "
              + AmendmentImport.MAX_PER_SESSION + " amendments"));
      assertThatThrownBy(() -> b.imports().importData(ImportSource.of(file), ImportOptions.defaults(), Progress.NONE,
          Cancellation.none())).isInstanceOf(ValidationException.class);
    }
  }

  /** Ways to spoil the exported file. */
  enum Hostility {
    IN_PROGRESS((text, t) -> text.replaceFirst("(\"amendments\":\\[\\{\"session_id\":\")[^\"]+", "$1" + t.inProgressId)),
    UNKNOWN((text, t) -> text.replaceFirst("(\"amendments\":\\[\\{\"session_id\":\")[^\"]+",
        "$1" + UUID.randomUUID())),
    EMPTY_REASON((text, t) -> text.replace("\"reason\":\"Forgot a set\"", "\"reason\":\"  \"")),
    LONG_REASON((text, t) -> text.replace("\"reason\":\"Forgot a set\"", "\"reason\":\"" + "x".repeat(501) + "\"")),
    GAP((text, t) -> text.replace("\"version\":5,\"reason\"", "\"version\":6,\"reason\"")),
    NO_AMENDMENTS((text, t) -> (text.substring(0, text.indexOf(",\"amendments\":[")) + ",\"amendments\":[]}")
        .replace("\"amendments\":2}", "\"amendments\":0}")),
    AMENDED_IN_PROGRESS((text, t) -> text.replaceFirst("(\"status\":\"in_progress\".*?\"amended\":)false", "$1true")),
    BEFORE_SESSIONS((text, t) -> {
      int sessions = text.indexOf(",\"sessions\":[");
      int amendments = text.indexOf(",\"amendments\":[");
      return text.substring(0, sessions) + text.substring(amendments, text.length() - 1)
          + text.substring(sessions, amendments) + "}";
    }),
    IN_VERSION_ONE((text, t) -> {
      String v1 = asVersionOne(text);
      return v1.substring(0, v1.length() - 1) + ",\"amendments\":[]}";
    }),
    COUNTS((text, t) -> text.replace("\"amendments\":2}", "\"amendments\":3}"));

    private final java.util.function.BiFunction<String, AmendmentsExportImportTest, String> spoil;

    Hostility(java.util.function.BiFunction<String, AmendmentsExportImportTest, String> spoil) {
      this.spoil = spoil;
    }

    String apply(String text, AmendmentsExportImportTest test) {
      String spoiled = spoil.apply(text, test);
      assertThat(spoiled).as("the file was changed").isNotEqualTo(text);
      return spoiled;
    }
  }

  /** The same history as version 1 wrote it: no versions, no amendments. */
  static String asVersionOne(String text) {
    String v1 = text.replace("\"version\":2,", "\"version\":1,")
        .replaceAll(",\"version\":\\d+,\"amended\":(true|false)", "")
        .replaceFirst(",\"amendments\":\\d+}", "}");
    return v1.substring(0, v1.indexOf(",\"amendments\":[")) + "}";
  }

  private static Map<UUID, List<SessionAmendment>> histories(AppContext context, Profile owner) {
    return context.sessions().list(owner.id(), SessionQuery.defaults()).items().stream()
        .collect(Collectors.toMap(SessionSummary::id, s -> context.sessions().amendments(owner.id(), s.id())));
  }

  private static Map<UUID, Session> sessions(AppContext context, Profile owner) {
    return context.sessions().list(owner.id(), SessionQuery.defaults()).items().stream()
        .collect(Collectors.toMap(SessionSummary::id, s -> context.sessions().get(owner.id(), s.id())));
  }

  private Path folder(String name) throws IOException {
    return Files.createDirectories(dir.resolve(name));
  }

  private static String withoutExportTime(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
        .replaceFirst("\"exported_at\":\"[^\"]+\"", "\"exported_at\":\"…\"");
  }
}
