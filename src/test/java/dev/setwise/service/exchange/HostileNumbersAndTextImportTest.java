package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.ExportDocuments;
import dev.setwise.support.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Setwise export with numbers or text that Jackson alone would misread is refused with the
 * value's path, as the REST API refuses them, instead of failing without a reason or being
 * imported altered.
 */
class HostileNumbersAndTextImportTest {

  @TempDir
  Path dir;

  TestContext t;
  Profile alex;
  String valid;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
    alex = t.profile("Alex");
    Plan plan = t.plan(alex, "Strength A");
    t.app.sessions().complete(alex.id(), t.app.sessions().start(alex.id(), plan.id(), null).id(), null);
    valid = Files.readString(ExportDocuments.history(dir.resolve("valid.json"), "Alex", 2, 4, false));
  }

  @AfterEach
  void close() {
    t.close();
  }

  private ValidationException refused(byte[] document) {
    ValidationException[] thrown = new ValidationException[1];
    assertThatThrownBy(() -> t.app.imports().importData(
        new ImportSource("hostile.json", () -> new ByteArrayInputStream(document)), ImportOptions.defaults(),
        Progress.NONE, Cancellation.none()))
        .isInstanceOfSatisfying(ValidationException.class, e -> thrown[0] = e);
    assertThat(t.app.plans().list(alex.id(), true)).hasSize(1);
    return thrown[0];
  }

  @Test
  void anExponentBeyondTheIntRangeIsRefusedWithItsPath() {
    String hostile = valid.replaceFirst("\"target_weight\":[0-9.]+", "\"target_weight\":1e2147483648");

    assertThat(refused(hostile.getBytes(StandardCharsets.UTF_8)).problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("plans[0].structure.exercises[0].sets[0].target_weight");
      assertThat(p.message()).isEqualTo("is a number whose exponent is out of range");
    });
  }

  @Test
  void aHugeVersionIsNamedWithoutWritingOutItsDigits() {
    String hostile = valid.replaceFirst("\"version\":1", "\"version\":1e999999999");

    assertThat(refused(hostile.getBytes(StandardCharsets.UTF_8)).problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("version");
      assertThat(p.message()).startsWith("is 1E+999999999: the file was written by a newer Setwise");
    });
  }

  @Test
  void aWeightTooSmallToKeepIsRefusedRatherThanImportedAsZero() {
    String hostile = valid.replaceFirst("\"target_weight\":[0-9.]+", "\"target_weight\":1e-400");

    assertThat(refused(hostile.getBytes(StandardCharsets.UTF_8)).problems()).anySatisfy(p -> {
      assertThat(p.path()).isEqualTo("plans[0].structure.exercises[0].sets[0].target_weight");
      assertThat(p.message()).isEqualTo("is too small to be kept (it would become 0)");
    });
  }

  @Test
  void overlongUtf8IsRefusedRatherThanImportedAsOtherText() {
    int at = valid.indexOf("\"name\":\"") + "\"name\":\"".length();
    ByteArrayOutputStream hostile = new ByteArrayOutputStream();
    hostile.writeBytes(valid.substring(0, at).getBytes(StandardCharsets.UTF_8));
    hostile.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
    hostile.writeBytes(valid.substring(at).getBytes(StandardCharsets.UTF_8));

    assertThat(refused(hostile.toByteArray()).problems()).anySatisfy(
        p -> assertThat(p.message()).startsWith("is not valid UTF-8"));
  }

  @Test
  void anEscapedLoneSurrogateIsRefusedWithItsPath() {
    String hostile = valid.replaceFirst("\"name\":\"", "\"name\":\"\\\\ud800");

    assertThat(refused(hostile.getBytes(StandardCharsets.UTF_8)).problems()).anySatisfy(
        p -> assertThat(p.message()).startsWith("holds a lone surrogate (\\ud800)"));
  }
}
