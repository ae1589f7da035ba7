package dev.setwise.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.backup.BackupException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextHelpersTest {

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"5,5,null", "'  7 ',7,null", "'',null,null", "5.0,5,null",
      "5.5,null,must be a whole number", "x,null,must be a whole number", "99999999999,2147483647,null"})
  void integersAreReadFromText(String text, Integer value, String problem) {
    NumberText.Parsed<Integer> parsed = NumberText.integer(text);
    assertThat(parsed.value()).isEqualTo(value);
    assertThat(parsed.problem()).isEqualTo(problem);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "null", value = {"62.5,62.5,null", "'62,5',62.5,null", ".5,0.5,null",
      "1e3,null,must be a number", "abc,null,must be a number"})
  void decimalsAcceptACommaAsDecimalPoint(String text, Double value, String problem) {
    NumberText.Parsed<Double> parsed = NumberText.decimal(text);
    assertThat(parsed.value()).isEqualTo(value);
    assertThat(parsed.problem()).isEqualTo(problem);
  }

  @Test
  void numbersAndVolumesAreWrittenPlainly() {
    assertThat(NumberText.format(100.0)).isEqualTo("100");
    assertThat(NumberText.format(62.5)).isEqualTo("62.5");
    assertThat(NumberText.format(null)).isEmpty();
    assertThat(NumberText.volume(43200)).isEqualTo("43,200");
    assertThat(NumberText.volume(1012.5)).isEqualTo("1,012.5");
  }

  @Test
  void pathsAreReadAsPlaces() {
    Problem problem = new Problem("structure.exercises[0].sets[2].target_reps", "must be an integer from 0 to 1000");
    assertThat(FieldNames.describe(problem))
        .isEqualTo("Exercise 1, set 3: target reps must be an integer from 0 to 1000");
    assertThat(FieldNames.inline(problem)).isEqualTo("Target reps must be an integer from 0 to 1000");
    assertThat(FieldNames.describe(new Problem("name", "must be 1 to 120 characters")))
        .isEqualTo("Name must be 1 to 120 characters");
  }

  @Test
  void failuresBecomeShortSentences() {
    assertThat(ErrorText.of("save the plan", new ConflictException("An in-progress session already exists")))
        .isEqualTo("An in-progress session already exists");
    assertThat(ErrorText.of("save the plan", new ValidationException("Invalid plan data",
        List.of(new Problem("name", "must be 1 to 120 characters"), new Problem("structure.unit", "is required")))))
        .isEqualTo("Invalid plan data: Name must be 1 to 120 characters (and 1 more)");
    assertThat(ErrorText.of("save the plan", new IllegalStateException("SQLITE_BUSY at /tmp/x.db")))
        .isEqualTo("Could not save the plan. Nothing was lost; the details are in the log file.");
  }

  @Test
  void backupAndDiskFailuresSayWhatWentWrongInWords() {
    assertThat(ErrorText.of("make a backup", new BackupException("Could not make a backup in /data/backups: "
        + "AccessDeniedException", new AccessDeniedException("/data/backups"))))
        .isEqualTo("Could not make a backup in /data/backups: permission denied");
    assertThat(ErrorText.of("make a backup", new BackupException("The backup failed its check: it is not a Setwise "
        + "database"))).isEqualTo("The backup failed its check: it is not a Setwise database");
    assertThat(ErrorText.of("export your data", new UncheckedIOException("Could not write the export to /x.json",
        new FileSystemException("/x.json", null, "No space left on device"))))
        .isEqualTo("Could not write the export to /x.json: the disk is full.");
    assertThat(ErrorText.of("export your data", new CancellationException("Cancelled")))
        .isEqualTo("Cancelled: nothing was changed.");
    assertThat(ErrorText.sentence("It failed")).isEqualTo("It failed.");
    assertThat(ErrorText.sentence("It failed.")).isEqualTo("It failed.");
    assertThat(ErrorText.sentence(null)).isEmpty();
  }

  @Test
  void progressReachesTheScreenCoalesced() {
    List<ProgressRelay.Step> seen = new ArrayList<>();
    ProgressRelay relay = new ProgressRelay(BackgroundTasks.sameThread(), seen::add);
    relay.update("Exporting", 0, -1);
    relay.update("Exporting", 50, 200);
    assertThat(seen).extracting(ProgressRelay.Step::fraction).containsExactly(-1.0, 0.25);
    assertThat(new ProgressRelay.Step("x", 300, 200).fraction()).isEqualTo(1.0);
  }

  @Test
  void sizesAreShortAndReadable() {
    assertThat(Formats.size(1)).isEqualTo("1 byte");
    assertThat(Formats.size(812)).isEqualTo("812 bytes");
    assertThat(Formats.size(46_000)).isEqualTo("45 KB");
    assertThat(Formats.size(1_250_000)).isEqualTo("1.2 MB");
    assertThat(Formats.size(3L * 1024 * 1024 * 1024)).isEqualTo("3.0 GB");
  }

  @Test
  void targetsAndClocksReadNaturally() {
    assertThat(Formats.target(SetEntry.target(SetType.NORMAL, 5, 100.0, 8.0), Unit.KG)).isEqualTo("5 × 100 kg @ 8");
    assertThat(Formats.target(SetEntry.target(SetType.NORMAL, 8, null, null), Unit.KG)).isEqualTo("8 reps");
    assertThat(Formats.target(SetEntry.target(SetType.NORMAL, null, null, null), Unit.LB)).isEqualTo("—");
    assertThat(Formats.clock(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
    assertThat(Formats.clock(Duration.ofSeconds(-3))).isEqualTo("0:00");
    assertThat(Formats.length(Duration.ofMinutes(65))).isEqualTo("1 h 05 min");
    assertThat(Formats.length(Duration.ofMinutes(66))).isEqualTo("1 h 06 min");
    assertThat(Formats.length(Duration.ofMinutes(48))).isEqualTo("48 min");
  }
}
