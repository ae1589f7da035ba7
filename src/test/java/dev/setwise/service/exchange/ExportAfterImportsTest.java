package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.TestContext;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check before an export passes after imports that grew the name index (FTS5) until it merged
 * its segments, on the same read connection that checked before them. SQLite's FTS5 check used a
 * structure cached in that connection and reported segments merged away as corruption.
 */
class ExportAfterImportsTest {

  @TempDir
  Path dir;

  @Test
  void exportsAfterEachOfManyImportsWithNewWorkoutNames() {
    try (TestContext t = new TestContext(dir)) {
      for (int i = 0; i < 24; i++) {
        String csv = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
            + "Workout Notes,RPE\n2025-03-" + String.format("%02d", 1 + i) + " 10:00:00,\"Workout " + i
            + "\",1h 5m,\"Squat\",1,100,5.0,0,0.0,\"\",\"\",\n";
        String name = "P" + i;
        ImportResult result = t.app.imports().importData(CsvImportsReadWhatTheFileHoldsTest.text("w.csv", csv),
            new ImportOptions(name), Progress.NONE, Cancellation.none());
        assertThat(result.summary().problems()).isEmpty();
        Profile profile = t.app.profiles().list().stream().filter(p -> p.name().equals(name)).findFirst()
            .orElseThrow();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        t.app.exports().export(profile.id(), out, Progress.NONE, Cancellation.none());

        assertThat(out.toString()).as("import %d", i).contains("Workout " + i);
      }
    }
  }
}
