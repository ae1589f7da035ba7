package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.GeneratedInputStream;
import dev.setwise.support.TestContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken CSV files, read by Commons CSV behind the guard: each gets a specific problem
 * with its line, changes nothing, and is given up on after a bounded read (the generated inputs
 * are far larger than the heap).
 */
class HostileCsvImportTest {

  private static final String HEADER = "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time\n";
  private static final long GIB = 1024L * 1024 * 1024;
  private static final long MIB = 1024L * 1024;

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

  @Test
  void aRowOfGigabytesOfDelimitersIsRefusedAtTwoHundredColumns() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEADER + "2026-01-01", ',', 8 * GIB, "\n"),
        new Problem("line 2", "has more than 200 columns"));
    assertThat(input[0].bytesRead()).isLessThan(MIB);
  }

  @Test
  void aFieldOfGigabytesIsRefusedWhileItIsRead() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEADER + "2026-01-01,", 'x', 4 * GIB, "\n"),
        new Problem("line 2", "holds a field longer than 65536 characters"));
    assertThat(input[0].bytesRead()).isLessThan(MIB);
  }

  @Test
  void aQuoteLeftOpenOverGigabytesOfLinesIsRefusedWithTheLineOfTheRow() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEADER + "2026-01-01,\"Squat", '\n', 4 * GIB, ""),
        new Problem("line 2", "holds a field longer than 65536 characters"));
    assertThat(input[0].bytesRead()).isLessThan(MIB);
  }

  @Test
  void aQuoteNeverClosedIsRefusedWithTheLineItOpensOn() {
    assertRefused(() -> text(HEADER + "2026-01-01,Squat,Legs,100,5,,,\n2026-01-02,\"Squat,Legs,100,5,,,\n"
        + "2026-01-03,Squat,Legs,100,5,,,\n"), new Problem("line 3", "opens a quote that is never closed"));
  }

  @Test
  void gigabytesOfRowsAreRefusedAfterSixtyFourMebibytes() {
    GeneratedInputStream[] input = new GeneratedInputStream[1];
    assertRefused(() -> input[0] = new GeneratedInputStream(HEADER, "2026-01-01,Squat,Legs,100,5,,,\n", GIB, ""),
        new Problem("$", "is larger than 64 MiB; a CSV export that large is not supported"));
    assertThat(input[0].bytesRead()).isLessThan(65 * MIB);
  }

  @Test
  void bytesThatAreNotUtf8AreRefused() {
    byte[] latin1 = (HEADER + "2026-01-01,Squat,Legs,100,5,,,\n2026-01-02,D\u00e9velopp\u00e9,Chest,60,5,,,\n")
        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    ValidationException e = refused(() -> new ByteArrayInputStream(latin1));
    assertThat(e.problems()).containsExactly(new Problem("$", "is not UTF-8 text"));
  }

  @Test
  void anEmptyFileIsRefused() {
    assertRefused(() -> text("\n\n"), new Problem("$", "is empty"));
  }

  private static GeneratedInputStream text(String content) {
    return new GeneratedInputStream(content, ' ', 0, "");
  }

  private void assertRefused(Supplier<? extends InputStream> input, Problem problem) {
    assertThat(refused(input).problems()).contains(problem);
  }

  private ValidationException refused(Supplier<? extends InputStream> input) {
    ValidationException[] thrown = new ValidationException[1];
    assertThatThrownBy(() -> t.app.imports().importData(new ImportSource("hostile.csv", input::get),
        ImportOptions.defaults(), Progress.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(ImportService.INVALID_FILE);
          thrown[0] = e;
        });
    assertThat(t.app.sessions().list(alex.id(), SessionQuery.defaults()).total()).isZero();
    assertThat(t.app.backups().list()).isEmpty();
    return thrown[0];
  }
}
