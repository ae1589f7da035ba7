package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.GeneratedInputStream;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile and malformed files: each gets a specific problem with its path, changes nothing, makes
 * no backup, and is given up on after reading a bounded number of bytes (so memory stays bounded:
 * the generated inputs are far larger than the heap).
 */
class HostileImportTest {

  private static final String HEAD = "{\"format\":\"setwise-export\",\"version\":1,";
  private static final long GIB = 1024L * 1024 * 1024;

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;
  String valid;
  String before;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    alex = t.profile("Alex");
    Plan plan = t.plan(alex, "Strength A");
    t.app.sessions().complete(alex.id(), t.app.sessions().start(alex.id(), plan.id(), null).id(), null);
    valid = Files.readString(ExportDocuments.history(dir.resolve("valid.json"), "Alex", 2, 4, false));
    before = fingerprint();
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void gigabytesOfWhiteSpaceAreRefusedAfterOneMebibyte() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEAD, ' ', 8 * GIB, "}"),
        "$", "holds more than 1 MiB of white space in a row");
    assertThat(input[0].bytesRead()).isLessThan(4L * 1024 * 1024);
  }

  @Test
  void gigabytesOfWhiteSpaceBeforeTheDocumentAreRefusedToo() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream("", '\n', 8 * GIB, HEAD + "}"),
        "$", "holds more than 1 MiB of white space in a row");
    assertThat(input[0].bytesRead()).isLessThan(4L * 1024 * 1024);
  }

  @Test
  void deepNestingIsRefused() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEAD + "\"profile\":", '[', GIB, ""),
        "profile[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]",
        "is nested too deeply");
    assertThat(input[0].bytesRead()).isLessThan(1024L * 1024);
  }

  @Test
  void aHugeStringIsRefusedWhileItIsRead() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEAD + "\"exported_by\":\"", 'x', 4 * GIB, "\"}"),
        "exported_by", "holds a string that is too long");
    assertThat(input[0].bytesRead()).isLessThan(1024L * 1024);
  }

  @Test
  void aHugeNumberIsRefusedWhileItIsRead() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEAD + "\"counts\":{\"plans\":", '9', GIB, "}}"),
        "$", "holds a number that is too long");
    assertThat(input[0].bytesRead()).isLessThan(1024L * 1024);
  }

  @Test
  void anArrayTooLongForAnyStructureIsRefused() {
    String head = valid.substring(0, valid.indexOf("\"exercises\":[") + "\"exercises\":[".length());
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(head + "0", ",0", GIB, "]}]}"),
        "plans[0].structure.exercises", "has too many items (more than 10000)");
    assertThat(input[0].bytesRead()).isLessThan(1024L * 1024);
  }

  @Test
  void aHugeNumberValueIsARangeErrorNotAnInfinity() {
    assertRefused(text(valid.replaceFirst("\"target_weight\":[0-9.]+", "\"target_weight\":1e999999")),
        "plans[0].structure.exercises[0].sets[0].target_weight", "must be from 0 to 10000");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertRefused(text(HEAD.replace("\"version\":1,", "\"version\":1,\"version\":1,") + "}"),
        "$", "holds a duplicate property \"version\"");
  }

  @Test
  void aDuplicateKeyDeepInsideASessionIsRefusedWithItsPath() {
    assertRefused(text(valid.replaceFirst("\"reps\":", "\"reps\":1,\"reps\":")),
        "sessions[0].session.exercises[0].sets[0]",
        "holds a duplicate property \"reps\"");
  }

  @Test
  void wrongTypesAreEachReportedWithTheirPath() {
    String broken = valid.replaceFirst("\"unit\":\"(kg|lb)\"", "\"unit\":3")
        .replaceFirst("(\"structure\":\\{[^}]*?)\"unit\":\"(kg|lb)\"", "$1\"unit\":null")
        .replaceFirst("\"has_sessions\":true", "\"has_sessions\":\"yes\"")
        .replaceFirst("\"date\":\"[0-9-]+\"", "\"date\":20240201");
    ValidationException e = refused(text(broken));
    assertThat(e.problems()).containsExactlyInAnyOrder(
        new Problem("profile.unit", "must be one of: kg, lb"),
        new Problem("plans[0].structure.unit", "is required"),
        new Problem("plans[0].has_sessions", "must be true or false"),
        new Problem("sessions[0].date", "must be a date as YYYY-MM-DD"));
  }

  @Test
  void truncatedJsonIsRefused() {
    ValidationException e = refused(text(valid.substring(0, valid.length() / 2)));
    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.path()).startsWith("sessions[");
      assertThat(p.message()).startsWith("is not complete JSON (it ends too early) at line 1, column ");
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "``|$|is empty",
      "`[1,2]`|$|must be a JSON object",
      "`{\"hello\":1}`|$|is not a Setwise export",
      "`{\"format\":\"setwise-export\",\"version\":3}`|version|the file was written by a newer Setwise",
      "`{\"format\":\"setwise-export\",\"version\":\"1\"}`|version|must be a whole number",
      "`{\"format\":\"setwise-export\",\"version\":1,\"sessions\":[]}`|sessions|must come after plans",
      "`{\"format\":\"setwise-export\",\"version\":1}  x`|$|has content after the JSON value",
      "`{\"format\":\"setwise-export\",\"version\":1}`|profile|is required",
  })
  void malformedDocumentsGetASpecificProblem(String document, String path, String message) {
    assertRefused(text(document), path, message);
  }

  @Test
  void anUnknownPropertyIsReported() {
    assertRefused(text(valid.replaceFirst("\"counts\":", "\"extra\":{\"a\":[1]},\"counts\":")), "extra",
        "is not a known property");
  }

  @Test
  void aSessionOfAPlanNotInTheFileIsRefused() {
    String broken = valid.replaceFirst("(\"sessions\":\\[\\{\"id\":\"[^\"]+\",\"plan_id\":)\"[^\"]+\"",
        "$1\"01234567-89ab-4def-8123-456789abcdef\"");
    assertRefused(text(broken), "sessions[0].plan_id", "refers to a plan that is not in the file");
  }

  @Test
  void countsThatDisagreeWithTheContentAreRefused() {
    assertRefused(text(valid.replace("\"counts\":{\"plans\":2,\"sessions\":4}",
        "\"counts\":{\"plans\":2,\"sessions\":5}")), "counts.sessions",
        "says 5, but the file holds 4 sessions");
  }

  @Test
  void aSessionIdTwiceInTheFileIsRefused() {
    String firstId = valid.replaceFirst("(?s).*?\"sessions\":\\[\\{\"id\":\"([^\"]+)\".*", "$1");
    String broken = valid.replaceFirst("(\"sessions\":\\[.*?\\},\\{\"id\":)\"[^\"]+\"", "$1\"" + firstId + "\"");
    assertRefused(text(broken), "sessions", "holds session " + firstId + " more than once");
  }

  @Test
  void twoInProgressSessionsInOneFileAreRefused() {
    String broken = valid.replaceFirst("\"ended_at\":\"[^\"]+\",\"status\":\"completed\"",
        "\"ended_at\":null,\"status\":\"in_progress\"")
        .replaceFirst("\"ended_at\":\"[^\"]+\",\"status\":\"completed\"", "\"ended_at\":null,\"status\":\"in_progress\"");
    assertRefused(text(broken), "sessions[1]", "is in progress, and so is sessions[0]");
  }

  @Test
  void anInProgressSessionWhileTheProfileHasOneIsAConflictAndNothingIsImported() throws IOException {
    t.app.sessions().start(alex.id(), t.app.plans().list(alex.id()).get(0).id(), null);
    before = fingerprint();
    String withInProgress = Files.readString(ExportDocuments.history(dir.resolve("p.json"), "Alex", 2, 4, true));

    ImportSummary summary = t.app.imports().analyze(new ImportSource("p.json", text(withInProgress)::get),
        new ImportOptions("Alex"), Progress.NONE, Cancellation.none());
    assertThat(summary.conflicts()).singleElement().satisfies(c -> {
      assertThat(c.path()).isEqualTo("sessions[3]");
      assertThat(c.message()).contains("already has a session in progress");
    });
    assertThat(summary.importable()).isFalse();
    assertThatThrownBy(() -> t.app.imports().importData(new ImportSource("p.json", text(withInProgress)::get),
        new ImportOptions("Alex"), Progress.NONE, Cancellation.none()))
        .isInstanceOf(ConflictException.class)
        .hasMessageStartingWith("Nothing was imported: sessions[3]: is in progress");
    assertThat(fingerprint()).isEqualTo(before);
  }

  @Test
  void theDryRunOfABadFileListsEveryProblemAndChangesNothing() {
    String broken = valid.replaceFirst("\"reps\":[0-9]+", "\"reps\":-1").replaceFirst("\"name\":\"Plan [^\"]+\"",
        "\"name\":\"\"");
    ImportSummary summary = t.app.imports().analyze(new ImportSource("x.json", text(broken)::get),
        ImportOptions.defaults(), Progress.NONE, Cancellation.none());
    assertThat(summary.importable()).isFalse();
    assertThat(summary.problems()).extracting(Problem::path)
        .contains("plans[0].name", "sessions[0].session.exercises[0].sets[0].reps");
    assertThat(fingerprint()).isEqualTo(before);
  }

  private Supplier<GeneratedInputStream> text(String document) {
    byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
    return () -> new GeneratedInputStream(new String(bytes, StandardCharsets.UTF_8), ' ', 0, "");
  }

  private void assertRefused(Supplier<GeneratedInputStream> input, String path, String message) {
    ValidationException e = refused(input);
    assertThat(e.problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo(path);
      assertThat(p.message()).contains(message);
    });
  }

  private ValidationException refused(Supplier<GeneratedInputStream> input) {
    AtomicReference<ValidationException> thrown = new AtomicReference<>();
    assertThatThrownBy(() -> t.app.imports().importData(new ImportSource("hostile.json", input::get),
        ImportOptions.defaults(), Progress.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(ImportService.INVALID_FILE);
          thrown.set(e);
        });
    assertThat(fingerprint()).isEqualTo(before);
    return thrown.get();
  }

  /** Everything an import could change, in one comparable string. */
  private String fingerprint() {
    List<Profile> profiles = t.app.profiles().list();
    StringBuilder print = new StringBuilder();
    for (Profile profile : profiles) {
      print.append(profile.name()).append(':')
          .append(t.app.plans().list(profile.id(), true).size()).append(" plans, ")
          .append(t.app.sessions().list(profile.id(), SessionQuery.defaults()).total()).append(" sessions, ")
          .append(t.app.audit().list(profile.id(), 1, 0).total()).append(" audit; ");
    }
    print.append(t.app.backups().list().size()).append(" backups");
    return print.toString();
  }
}
