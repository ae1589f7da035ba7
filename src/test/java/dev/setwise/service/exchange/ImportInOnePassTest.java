package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.TestContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import reads and validates a clean file once, inserting as it goes in batches; a file with a
 * problem anywhere is still refused whole, with the same full report as the dry run.
 */
class ImportInOnePassTest {

  private static final int SESSIONS = 1_200;

  @TempDir
  Path dir;

  TestContext t;
  Path export;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    export = ExportDocuments.history(dir.resolve("history.json"), "Alex", 3, SESSIONS, true);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aCleanFileIsReadOnceAndImportedWhole() {
    AtomicInteger opened = new AtomicInteger();
    ImportSource source = new ImportSource("history.json", () -> {
      opened.incrementAndGet();
      return Files.newInputStream(export);
    });

    ImportResult result = t.app.imports().importData(source, ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());

    assertThat(opened).hasValue(1);
    assertThat(result.applied()).isTrue();
    assertThat(result.backup()).exists();
    assertThat(result.summary().sessionsNew()).isEqualTo(SESSIONS);
    Profile alex = t.app.profiles().findByName("Alex").orElseThrow();
    assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isEqualTo(SESSIONS);
    assertThat(t.app.sessions().findInProgress(alex.id())).isPresent();
    assertThat(t.app.audit().list(alex.id(), 10, 0).items()).extracting(e -> e.action())
        .containsExactly("data_imported", "profile_created");
  }

  @Test
  void problemsEarlyAndLateAreAllReportedAndNothingIsImported() throws IOException {
    String text = Files.readString(export, StandardCharsets.UTF_8);
    // the first session's start and the last completed session's end: timestamps that do not exist
    Matcher starts = Pattern.compile("\"started_at\":\"([^\"]+)\"").matcher(text);
    List<String> all = starts.results().map(m -> m.group(0)).toList();
    String first = all.get(0); // plans have none: the first session's
    text = text.replaceFirst(Pattern.quote(first), "\"started_at\":\"2025-02-29T07:00:00Z\"");
    int last = text.lastIndexOf("\"ended_at\":\"");
    int end = text.indexOf('"', last + 12);
    text = text.substring(0, last) + "\"ended_at\":\"2026-11-24T24:00:01Z" + text.substring(end);
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, text, StandardCharsets.UTF_8);

    ImportSummary dryRun = t.app.imports().analyze(ImportSource.of(broken), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
    ValidationException refused = catchThrowableOfType(() -> t.app.imports().importData(ImportSource.of(broken),
        ImportOptions.defaults(), Progress.NONE, Cancellation.none()), ValidationException.class);

    assertThat(dryRun.problems()).extracting(Problem::message)
        .contains("must be an ISO-8601 instant such as 2026-11-24T07:15:00Z");
    assertThat(dryRun.problems()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(dryRun.problems().get(0).path()).startsWith("sessions[0].");
    assertThat(dryRun.problems()).anySatisfy(p -> assertThat(p.path()).startsWith("sessions[" + (SESSIONS - 2) + "]"));
    assertThat(refused.getMessage()).isEqualTo(ImportService.INVALID_FILE);
    assertThat(refused.problems()).isEqualTo(dryRun.problems());
    assertThat(t.app.profiles().findByName("Alex")).isEmpty();
    assertThat(t.app.backups().list()).isEmpty();
  }

  @Test
  void importingTheSameFileAgainChangesNothingAndMakesNoBackup() {
    ImportResult first = t.app.imports().importData(ImportSource.of(export), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());
    int backups = t.app.backups().list().size();
    Profile alex = t.app.profiles().findByName("Alex").orElseThrow();
    long audit = t.app.audit().list(alex.id(), 1, 0).total();

    ImportResult again = t.app.imports().importData(ImportSource.of(export), ImportOptions.defaults(), Progress.NONE,
        Cancellation.none());

    assertThat(first.applied()).isTrue();
    assertThat(again.applied()).isFalse();
    assertThat(again.summary().sessionsDuplicate()).isEqualTo(SESSIONS);
    assertThat(again.summary().previousImport()).isNotNull();
    assertThat(t.app.backups().list()).hasSize(backups);
    assertThat(t.app.audit().list(alex.id(), 1, 0).total()).isEqualTo(audit);
  }
}
