package dev.setwise.cli;

import static dev.setwise.support.ProgressFixture.done;
import static dev.setwise.support.ProgressFixture.exercise;
import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Profile;
import dev.setwise.domain.ReadableFormats;
import dev.setwise.domain.Session;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.json.JsonCodec;
import dev.setwise.support.ProgressFixture;
import dev.setwise.support.TestContext;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code setwise stats records} and {@code setwise stats exercise NAME} as contract §4a prints them. */
class StatsCommandTest {

  @TempDir
  Path dir;

  private Path data;
  private Session first;
  private Session second;

  record Run(int code, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] all = new String[args.length + 2];
    all[0] = "--data-dir";
    all[1] = data.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = Cli.run(all, Map.of(), new PrintWriter(out), new PrintWriter(err), (d, console) -> {
      throw new AssertionError("no desktop");
    });
    return new Run(code, out.toString(), err.toString());
  }

  @BeforeEach
  void history() {
    data = dir.resolve("data");
    try (TestContext t = new TestContext(data)) {
      Profile sam = t.app.profiles().create("Sam", Unit.LB);
      ProgressFixture fixture = new ProgressFixture(t);
      first = fixture.complete(sam, "2026-11-01", Unit.LB, exercise("Bench Press",
          done(SetType.WARMUP, 10, 95), done(5, 185), done(3, 195)), exercise("Squat", done(5, 225)));
      second = fixture.complete(sam, "2026-11-08", Unit.KG, exercise("bench  press", done(1, 100), done(13, 60)));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(String text) {
    return (Map<String, Object>) JsonCodec.forRequests().read(text.getBytes(StandardCharsets.UTF_8), "bad");
  }

  private static BigDecimal number(Object value) {
    return new BigDecimal(value.toString());
  }

  @Test
  @SuppressWarnings("unchecked")
  void exerciseAsJsonInTheProfilesUnitRoundedToHundredths() {
    Run run = run("stats", "exercise", " BENCH   press", "--format", "json");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    Map<String, Object> root = json(run.out());
    assertThat(root.get("exercise")).isEqualTo("bench press");
    assertThat(root.get("unit")).isEqualTo("lb");
    List<Map<String, Object>> sessions = (List<Map<String, Object>>) root.get("sessions");
    assertThat(sessions).hasSize(2);
    assertThat(sessions.get(0).get("session_id")).isEqualTo(first.id().toString());
    assertThat(sessions.get(0).get("date")).isEqualTo("2026-11-01");
    assertThat(sessions.get(0).get("sets")).isEqualTo(java.math.BigInteger.valueOf(2));
    // 185 × (1 + 5/30) = 215.833… ; volume 5 × 185 + 3 × 195 = 1510
    assertThat(number(sessions.get(0).get("best_e1rm"))).isEqualByComparingTo("215.83");
    assertThat(number(sessions.get(0).get("volume"))).isEqualByComparingTo("1510");
    // 100 kg = 220.462… lb; 13 reps have no e1RM; volume (100 + 13 × 60) kg = 880 kg = 1940.07 lb
    assertThat(number(sessions.get(1).get("best_e1rm"))).isEqualByComparingTo("220.46");
    assertThat(number(sessions.get(1).get("volume"))).isEqualByComparingTo("1940.07");
    Map<String, Object> records = (Map<String, Object>) root.get("records");
    assertThat(records).containsOnlyKeys("heaviest_weight", "best_e1rm", "best_set_volume", "best_session_volume");
    Map<String, Object> heaviest = (Map<String, Object>) records.get("heaviest_weight");
    assertThat(number(heaviest.get("value"))).isEqualByComparingTo("220.46");
    assertThat(heaviest.get("date")).isEqualTo("2026-11-08");
    assertThat(heaviest.get("session_id")).isEqualTo(second.id().toString());
    // 13 × 60 kg = 780 kg = 1719.61 lb beats 5 × 185 = 925 lb
    assertThat(number(((Map<String, Object>) records.get("best_set_volume")).get("value"))).isEqualByComparingTo("1719.61");
    assertThat(number(((Map<String, Object>) records.get("best_session_volume")).get("value")))
        .isEqualByComparingTo("1940.07");
    assertThat(number(((Map<String, Object>) records.get("best_e1rm")).get("value"))).isEqualByComparingTo("220.46");
    Map<String, Object> repMaxes = (Map<String, Object>) root.get("rep_maxes");
    assertThat(repMaxes).containsOnlyKeys("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12");
    assertThat(number(((Map<String, Object>) repMaxes.get("3")).get("value"))).isEqualByComparingTo("195");
    assertThat(number(((Map<String, Object>) repMaxes.get("5")).get("value"))).isEqualByComparingTo("185");
    assertThat(repMaxes.get("2")).isNull();
    assertThat(repMaxes.containsKey("12")).isTrue();
  }

  @Test
  @SuppressWarnings("unchecked")
  void recordsAsJsonOneRowPerExerciseByName() {
    Run run = run("stats", "records", "--format", "json", "--profile", "sam");

    assertThat(run.code()).isZero();
    List<Map<String, Object>> data = (List<Map<String, Object>>) json(run.out()).get("data");
    assertThat(data).extracting(row -> row.get("exercise")).containsExactly("bench press", "Squat");
    assertThat(data.get(1)).containsOnlyKeys("exercise", "heaviest_weight", "best_e1rm", "best_set_volume",
        "best_session_volume");
    Map<String, Object> squat = (Map<String, Object>) data.get(1).get("best_e1rm");
    assertThat(number(squat.get("value"))).isEqualByComparingTo("262.5");
    assertThat(squat.get("session_id")).isEqualTo(first.id().toString());
  }

  @Test
  void anUnknownExerciseExitsOneWithOneLine() {
    Run run = run("stats", "exercise", "Snatch", "--format", "json");

    assertThat(run).isEqualTo(new Run(1, "", "setwise: No exercise is named \"Snatch\"\n"));
  }

  @Test
  void tableAndCsvCarryTheSameNumbers() {
    Run table = run("stats", "exercise", "squat");
    Run csv = run("stats", "exercise", "squat", "--format", "csv");
    Run records = run("stats", "records", "--format", "csv");
    Run recordsTable = run("stats", "records");

    assertThat(table.code()).isZero();
    assertThat(table.out()).startsWith("Squat (lb)\n").contains("Best e1RM", "262.5",
        ReadableFormats.date(LocalDate.of(2026, 11, 1)));
    assertThat(table.out()).doesNotContain("2026-11-01");
    assertThat(csv.out()).startsWith("kind,name,value,date,session_id,sets,volume\n")
        .contains("session,best_e1rm,262.5,2026-11-01," + first.id() + ",1,1125\n")
        .contains("record,heaviest_weight,225,2026-11-01," + first.id() + ",,\n")
        .contains("rep_max,1,,,,,\n");
    assertThat(records.out()).startsWith("exercise,unit,heaviest_weight,heaviest_weight_date,")
        .contains("\nSquat,lb,225,2026-11-01,262.5,2026-11-01,1125,2026-11-01,1125,2026-11-01\n");
    assertThat(recordsTable.out()).contains("Exercise", "Squat", "262.5  " + ReadableFormats.date(LocalDate.of(2026, 11, 1)));
  }

  @Test
  void aBadFormatIsAUsageError() {
    Run run = run("stats", "records", "--format", "xml");

    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).hasLineCount(1);
  }
}
