package dev.setwise.service.folder;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A holder's record is written without {@code Properties.store} (docs/decisions/0059) and reads back the same. */
class FolderHolderTest {

  @TempDir
  Path dir;

  @Test
  void aRecordReadsBackAsWrittenWhateverItsLabelHolds() throws Exception {
    Instant since = Instant.parse("2026-12-02T14:00:00.123Z");
    for (String label : new String[] {"setwise profile list", " leading space", "a=b:c#d!e\\f", "tab\there\nline",
        "Übung — 練習 \u0001", null}) {
      FolderHolder holder = new FolderHolder(FolderLease.Kind.COMMAND, label, 1234, Instant.parse("2026-12-02T13:59:59Z"),
          since);
      Path file = dir.resolve("holder.lease");

      holder.write(file);

      assertThat(FolderHolder.read(file)).contains(holder);
      Properties plain = new Properties();
      try (var in = Files.newBufferedReader(file)) {
        plain.load(in);
      }
      assertThat(plain.getProperty("label")).isEqualTo(label);
      assertThat(plain.getProperty("kind")).isEqualTo("command");
    }
  }
}
