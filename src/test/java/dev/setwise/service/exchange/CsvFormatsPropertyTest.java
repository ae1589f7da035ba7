package dev.setwise.service.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.StructureValidator;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.support.TestContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A property per layout: random workouts written the way each app writes its CSV import with the
 * same sets, in order, with the same weights and reps, so the same set count and volume. Each run
 * tries {@value #RUNS} seeds; a failure names its seed (rerun it with that seed to see the file).
 */
class CsvFormatsPropertyTest {

  private static final int RUNS = 12;
  private static final JsonCodec CODEC = new JsonCodec(JsonLimits.STORED);
  /** Names as people type them: commas, quotes, semicolons, brackets, accents, emoji. */
  private static final List<String> NAMES = List.of("Squat (Barbell)", "Bench Press, Close Grip",
      "Overhead Press (Each Side, Dumbbells)", "Curl \"21s\"", "Row; chest supported", "Développé couché",
      "Kniebeuge", "Pull Up 💪", "Leg Press", "Face Pull (Cable)");

  /** The layouts written. */
  enum Layout { STRONG_CURRENT_KG, STRONG_CURRENT_LBS, STRONG_EARLIER, STRONG_UNIT_COLUMNS, HEVY_KG, HEVY_LBS,
    FITNOTES_KGS, FITNOTES_LBS, FITNOTES_UNIT_COLUMN }

  /** One generated set. */
  record Set(String exercise, BigDecimal weight, int reps) {}

  /** One generated workout. */
  record Workout(LocalDateTime start, String name, List<Set> sets) {}

  @TempDir
  Path dir;

  TestContext t;

  @BeforeEach
  void open() throws IOException {
    t = new TestContext(Files.createDirectories(dir.resolve("data")));
  }

  @AfterEach
  void close() {
    t.close();
  }

  @ParameterizedTest
  @EnumSource(Layout.class)
  void randomWorkoutsImportWithTheSameSetsVolumeAndSetCount(Layout layout) {
    for (int seed = 1; seed <= RUNS; seed++) {
      Random random = new Random(layout.ordinal() * 1000L + seed);
      List<Workout> workouts = workouts(random, layout.name().startsWith("FITNOTES"));
      String csv = write(layout, workouts, random);
      String profile = "P" + layout.ordinal() + "-" + seed;

      ImportResult result = t.app.imports().importData(CsvImportsReadWhatTheFileHoldsTest.text("random.csv", csv),
          new ImportOptions(profile), Progress.NONE, Cancellation.none());

      String why = layout + ", seed " + seed + ":\n" + csv;
      assertThat(result.summary().problems()).as(why).isEmpty();
      assertThat(result.summary().skippedRows()).as(why).isEmpty();
      List<SetEntry> imported = sets(profile);
      List<Set> written = workouts.stream().flatMap(w -> w.sets().stream()).toList();
      assertThat(imported).as(why).hasSize(written.size());
      BigDecimal volume = BigDecimal.ZERO;
      BigDecimal importedVolume = BigDecimal.ZERO;
      for (int i = 0; i < written.size(); i++) {
        assertThat(imported.get(i).weight()).as(why + "\nset " + i).isEqualTo(written.get(i).weight().doubleValue());
        assertThat(imported.get(i).reps()).as(why + "\nset " + i).isEqualTo(written.get(i).reps());
        volume = volume.add(written.get(i).weight().multiply(BigDecimal.valueOf(written.get(i).reps())));
        importedVolume = importedVolume.add(BigDecimal.valueOf(imported.get(i).weight())
            .multiply(BigDecimal.valueOf(imported.get(i).reps())));
      }
      assertThat(importedVolume).as(why).isEqualByComparingTo(volume);
    }
  }

  private static List<Workout> workouts(Random random, boolean onePerDay) {
    List<Workout> workouts = new ArrayList<>();
    LocalDateTime start = LocalDateTime.of(2019 + random.nextInt(7), 1 + random.nextInt(12), 1 + random.nextInt(28),
        6 + random.nextInt(14), random.nextInt(60));
    int count = 1 + random.nextInt(4);
    for (int w = 0; w < count; w++) {
      start = start.plusDays(1 + random.nextInt(5)).withSecond(onePerDay ? 0 : random.nextInt(60));
      List<Set> sets = new ArrayList<>();
      List<String> names = new ArrayList<>(NAMES);
      java.util.Collections.shuffle(names, random);
      int exercises = 1 + random.nextInt(4);
      for (int e = 0; e < exercises; e++) {
        String name = names.get(e);
        int many = 1 + random.nextInt(5);
        for (int s = 0; s < many; s++) {
          // Whole, half and odd weights, and the long decimals of a weight converted between units.
          BigDecimal weight = switch (random.nextInt(4)) {
            case 0 -> BigDecimal.valueOf(1 + random.nextInt(300));
            case 1 -> BigDecimal.valueOf(5 + random.nextInt(600)).divide(BigDecimal.valueOf(2));
            case 2 -> BigDecimal.valueOf(101 + random.nextInt(30000), 2);
            default -> BigDecimal.valueOf(1 + random.nextInt(200)).multiply(CsvWorkouts.KG_PER_LB)
                .setScale(9, RoundingMode.HALF_UP);
          };
          sets.add(new Set(name, weight.stripTrailingZeros(), 1 + random.nextInt(30)));
        }
      }
      workouts.add(new Workout(start, "Workout " + (char) ('A' + random.nextInt(3)), sets));
    }
    return workouts;
  }

  private static String write(Layout layout, List<Workout> workouts, Random random) {
    StringBuilder out = new StringBuilder();
    switch (layout) {
      case STRONG_CURRENT_KG, STRONG_CURRENT_LBS -> {
        out.append("\"Workout #\";\"Date\";\"Workout Name\";\"Duration (sec)\";\"Exercise Name\";\"Set Order\";\"Weight (")
            .append(layout == Layout.STRONG_CURRENT_KG ? "kg" : "lbs")
            .append(")\";\"Reps\";\"RPE\";\"Distance (meters)\";\"Seconds\";\"Notes\";\"Workout Notes\"\n");
        int number = 1;
        for (Workout w : workouts) {
          String date = w.start().toString().replace('T', ' ') + (w.start().getSecond() == 0 ? ":00" : "");
          int order = 1;
          for (Set s : w.sets()) {
            String head = q(String.valueOf(number)) + ";" + q(date) + ";" + q(w.name()) + ";\"3600\";" + q(s.exercise());
            if (random.nextInt(6) == 0) {
              out.append(head).append(";\"Note\";\"\";\"\";\"\";\"\";\"\";").append(q("a note; with \"quotes\""))
                  .append(";\"\"\n");
            }
            String weight = s.weight().toPlainString();
            out.append(head).append(';').append(q(random.nextInt(5) == 0 ? "W" : String.valueOf(order++))).append(';')
                .append(q(random.nextBoolean() ? weight : weight.replace('.', ','))).append(';')
                .append(q(String.valueOf(s.reps()))).append(";\"\";\"\";\"\";\"\";\"\"\n");
            if (random.nextInt(3) == 0) {
              out.append(head).append(";\"Rest Timer\";\"\";\"\";\"\";\"\";\"120.0\";\"\";\"\"\n");
            }
          }
          number++;
        }
      }
      case STRONG_EARLIER -> {
        out.append("Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n");
        for (Workout w : workouts) {
          String date = w.start().toString().replace('T', ' ') + (w.start().getSecond() == 0 ? ":00" : "");
          int order = 1;
          for (Set s : w.sets()) {
            out.append(date).append(',').append(q(w.name())).append(",1h 5m,").append(q(s.exercise())).append(',')
                .append(order++).append(',').append(s.weight().toPlainString()).append(',').append(s.reps())
                .append(".0,0,0.0,\"\",\"\",\n");
          }
        }
      }
      case STRONG_UNIT_COLUMNS -> {
        out.append("Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;"
            + "Seconds;Notes;Workout Notes;Workout Duration\n");
        for (Workout w : workouts) {
          String date = w.start().toString().replace('T', ' ') + (w.start().getSecond() == 0 ? ":00" : "");
          int order = 1;
          for (Set s : w.sets()) {
            out.append(date).append(';').append(q(w.name())).append(';').append(q(s.exercise())).append(';')
                .append(order++).append(';').append(s.weight().toPlainString().replace('.', ',')).append(";kg;")
                .append(s.reps()).append(";;;;0;\"\";\"\";45m\n");
          }
        }
      }
      case HEVY_KG, HEVY_LBS -> {
        out.append("\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\",\"superset_id\","
            + "\"exercise_notes\",\"set_index\",\"set_type\",\"").append(layout == Layout.HEVY_KG ? "weight_kg" : "weight_lbs")
            .append("\",\"reps\",\"").append(layout == Layout.HEVY_KG ? "distance_km" : "distance_miles")
            .append("\",\"duration_seconds\",\"rpe\"\n");
        for (Workout w : workouts) {
          Locale language = CsvDates.LANGUAGES.get(random.nextInt(CsvDates.LANGUAGES.size()));
          String when = w.start().getDayOfMonth() + " " + w.start().getMonth().getDisplayName(
              random.nextBoolean() ? TextStyle.SHORT : TextStyle.FULL, language) + " " + w.start().getYear() + ", "
              + String.format(Locale.ROOT, "%02d:%02d", w.start().getHour(), w.start().getMinute());
          int index = 0;
          for (Set s : w.sets()) {
            out.append(q(w.name())).append(',').append(q(when)).append(',').append(q(when)).append(",\"line one\\nline two\",")
                .append(q(s.exercise())).append(",,\"\",").append(index++).append(",\"normal\",")
                .append(s.weight().toPlainString()).append(',').append(s.reps()).append(",,0,\n");
          }
        }
      }
      case FITNOTES_KGS, FITNOTES_LBS, FITNOTES_UNIT_COLUMN -> {
        boolean column = layout == Layout.FITNOTES_UNIT_COLUMN;
        out.append("Date,Exercise,Category,").append(column ? "Weight,Weight Unit"
            : layout == Layout.FITNOTES_KGS ? "Weight (kgs)" : "Weight (lbs)").append(",Reps,Distance,Distance Unit,Time\n");
        for (Workout w : workouts) {
          for (Set s : w.sets()) {
            // FitNotes writes names as they are, an unquoted comma included; a quote is doubled and quoted.
            String name = s.exercise().contains("\"") || s.exercise().contains(";") ? q(s.exercise()) : s.exercise();
            out.append(w.start().toLocalDate()).append(',').append(name).append(",Legs,")
                .append(s.weight().toPlainString()).append(column ? ",kgs," : ",").append(s.reps()).append(",,,\n");
          }
        }
      }
      default -> throw new IllegalArgumentException(layout.name());
    }
    return out.toString();
  }

  private static String q(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private List<SetEntry> sets(String profileName) {
    Profile profile = t.app.profiles().list().stream().filter(p -> p.name().equals(profileName)).findFirst()
        .orElseThrow();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    t.app.exports().export(profile.id(), out, Progress.NONE, Cancellation.none());
    Map<?, ?> document = (Map<?, ?>) CODEC.read(out.toByteArray(), "bad export");
    List<SetEntry> sets = new ArrayList<>();
    for (Object item : (List<?>) document.get("sessions")) {
      Problems problems = new Problems();
      SessionStructure session = StructureValidator.read(((Map<?, ?>) item).get("session"), "session", problems);
      session.exercises().forEach(e -> sets.addAll(e.sets()));
    }
    return sets;
  }
}
