package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.json.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StructureValidatorTest {

  private static final JsonCodec CODEC = JsonCodec.forRequests();

  private static final String VALID = """
      {"name": "Push day", "unit": "kg", "notes": "n", "bodyweight": 80,
       "exercises": [{"name": "Bench", "notes": "x", "rest_seconds": 90, "superset": "A",
         "sets": [{"type": "normal", "target_reps": 5, "target_weight": 100, "target_rpe": 8,
                   "reps": 5, "weight": 100, "rpe": 8.5, "duration_seconds": 30, "distance_m": 0,
                   "completed": true, "completed_at": "2026-11-24T07:15:00Z"}]}]}
      """;

  @Test
  void readsAFullStructure() {
    Problems problems = new Problems();
    SessionStructure structure = StructureValidator.read(tree(VALID), "session", problems);

    assertThat(problems.list()).isEmpty();
    assertThat(structure.name()).isEqualTo("Push day");
    assertThat(structure.unit()).isEqualTo(Unit.KG);
    assertThat(structure.bodyweight()).isEqualTo(80.0);
    SetEntry set = structure.exercises().get(0).sets().get(0);
    assertThat(set.type()).isEqualTo(SetType.NORMAL);
    assertThat(set.reps()).isEqualTo(5);
    assertThat(set.rpe()).isEqualTo(8.5);
    assertThat(set.completed()).isTrue();
    assertThat(set.completedAt()).hasToString("2026-11-24T07:15:00Z");
  }

  @Test
  void writingAndReadingBackGivesTheSameStructure() {
    SessionStructure structure = StructureValidator.read(tree(VALID), "session", new Problems());

    SessionStructure again = StructureValidator.check(structure, "session", Messages.INVALID_SESSION_DATA);

    assertThat(again).isEqualTo(structure);
  }

  @Test
  void defaultsApply() {
    SessionStructure structure = read("""
        {"unit": "lb", "exercises": [{"name": "Row", "sets": [{}]}]}""");

    SetEntry set = structure.exercises().get(0).sets().get(0);
    assertThat(set.type()).isEqualTo(SetType.NORMAL);
    assertThat(set.completed()).isFalse();
    assertThat(structure.name()).isNull();
  }

  @Test
  void nullMeansAbsentForOptionalFields() {
    SessionStructure structure = read("""
        {"name": null, "unit": "kg", "notes": null, "bodyweight": null,
         "exercises": [{"name": "Row", "rest_seconds": null, "sets": [{"reps": null, "completed_at": null}]}]}""");

    assertThat(structure.name()).isNull();
    assertThat(structure.exercises().get(0).sets().get(0).reps()).isNull();
  }

  @Test
  void namesAreTrimmed() {
    assertThat(read("""
        {"name": "  Legs  ", "unit": "kg", "exercises": []}""").name()).isEqualTo("Legs");
  }

  @Test
  void reportsEveryProblemAtOnceWithItsPath() {
    List<Problem> problems = problems("""
        {"unit": "stone", "bogus": 1,
         "exercises": [{"name": "", "sets": [{"reps": -1, "rpe": 7.25}, "x"]}, 5]}""");

    assertThat(problems).extracting(Problem::path).containsExactlyInAnyOrder(
        "session.unit", "session.bogus", "session.exercises[0].name",
        "session.exercises[0].sets[0].reps", "session.exercises[0].sets[0].rpe",
        "session.exercises[0].sets[1]", "session.exercises[1]");
  }

  @Test
  void requiredFieldsAreReported() {
    assertThat(problems("{}")).extracting(Problem::path)
        .containsExactlyInAnyOrder("session.unit", "session.exercises");
    assertThat(problems("""
        {"unit": "kg", "exercises": [{}]}""")).extracting(Problem::path)
        .containsExactlyInAnyOrder("session.exercises[0].name", "session.exercises[0].sets");
  }

  @Test
  void aNonObjectIsReported() {
    assertThat(problems("[]")).containsExactly(new Problem("session", "must be an object"));
    assertThat(problems("\"text\"")).containsExactly(new Problem("session", "must be an object"));
  }

  @Test
  void wrongTypesAreReported() {
    assertThat(problems("""
        {"unit": "kg", "name": 5, "exercises": {}}""")).containsExactlyInAnyOrder(
        new Problem("session.name", "must be a string"),
        new Problem("session.exercises", "must be an array"));
    assertThat(problems("""
        {"unit": "kg", "exercises": [{"name": "A", "sets": [{"completed": "true", "reps": "5"}]}]}"""))
        .containsExactlyInAnyOrder(
            new Problem("session.exercises[0].sets[0].completed", "must be true or false"),
            new Problem("session.exercises[0].sets[0].reps", "must be a number"));
  }

  @Test
  void problemsAreCappedSoAHostileDocumentCannotGrowTheAnswer() {
    StringBuilder sets = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      sets.append(i == 0 ? "" : ",").append("{\"reps\": -1, \"weight\": -1}");
    }
    List<Problem> problems = problems("{\"unit\": \"kg\", \"exercises\": [{\"name\": \"A\", \"sets\": [" + sets + "]}]}");

    assertThat(problems).hasSize(Problems.LIMIT + 1);
    assertThat(problems.get(Problems.LIMIT)).isEqualTo(new Problem("$", "and 100 more problems"));
  }

  static Stream<Arguments> bounds() {
    return Stream.of(
        // structure
        bound("name", "\"a\"", true), bound("name", quoted(120), true), bound("name", quoted(121), false),
        bound("name", "\"   \"", false), bound("name", "\"\"", false),
        bound("unit", "\"kg\"", true), bound("unit", "\"lb\"", true), bound("unit", "\"KG\"", false),
        bound("notes", quoted(4000), true), bound("notes", quoted(4001), false), bound("notes", "\"\"", true),
        bound("bodyweight", "0", false), bound("bodyweight", "0.001", true), bound("bodyweight", "1000", true),
        bound("bodyweight", "1000.001", false), bound("bodyweight", "-5", false),
        // exercise
        bound("exercises[0].name", "\"a\"", true), bound("exercises[0].name", quoted(120), true),
        bound("exercises[0].name", quoted(121), false), bound("exercises[0].name", "\" \"", false),
        bound("exercises[0].notes", quoted(4000), true), bound("exercises[0].notes", quoted(4001), false),
        bound("exercises[0].rest_seconds", "0", true), bound("exercises[0].rest_seconds", "3600", true),
        bound("exercises[0].rest_seconds", "-1", false), bound("exercises[0].rest_seconds", "3601", false),
        bound("exercises[0].rest_seconds", "90.5", false), bound("exercises[0].rest_seconds", "90.0", true),
        bound("exercises[0].superset", "\"A\"", true), bound("exercises[0].superset", quoted(8), true),
        bound("exercises[0].superset", quoted(9), false), bound("exercises[0].superset", "\"\"", false),
        // set
        bound("exercises[0].sets[0].type", "\"warmup\"", true), bound("exercises[0].sets[0].type", "\"drop\"", true),
        bound("exercises[0].sets[0].type", "\"failure\"", true), bound("exercises[0].sets[0].type", "\"amrap\"", true),
        bound("exercises[0].sets[0].type", "\"heavy\"", false), bound("exercises[0].sets[0].type", "1", false),
        bound("exercises[0].sets[0].target_reps", "0", true), bound("exercises[0].sets[0].target_reps", "1000", true),
        bound("exercises[0].sets[0].target_reps", "-1", false), bound("exercises[0].sets[0].target_reps", "1001", false),
        bound("exercises[0].sets[0].target_weight", "0", true),
        bound("exercises[0].sets[0].target_weight", "10000", true),
        bound("exercises[0].sets[0].target_weight", "-0.01", false),
        bound("exercises[0].sets[0].target_weight", "10000.01", false),
        bound("exercises[0].sets[0].target_rpe", "1", true), bound("exercises[0].sets[0].target_rpe", "10", true),
        bound("exercises[0].sets[0].target_rpe", "0.5", false), bound("exercises[0].sets[0].target_rpe", "10.5", false),
        bound("exercises[0].sets[0].target_rpe", "7.5", true), bound("exercises[0].sets[0].target_rpe", "7.25", false),
        bound("exercises[0].sets[0].reps", "0", true), bound("exercises[0].sets[0].reps", "1000", true),
        bound("exercises[0].sets[0].reps", "-1", false), bound("exercises[0].sets[0].reps", "1001", false),
        bound("exercises[0].sets[0].reps", "5.5", false),
        bound("exercises[0].sets[0].weight", "0", true), bound("exercises[0].sets[0].weight", "10000", true),
        bound("exercises[0].sets[0].weight", "-1", false), bound("exercises[0].sets[0].weight", "10000.5", false),
        bound("exercises[0].sets[0].weight", "1e999999", false),
        bound("exercises[0].sets[0].rpe", "1", true), bound("exercises[0].sets[0].rpe", "10", true),
        bound("exercises[0].sets[0].rpe", "0.9", false), bound("exercises[0].sets[0].rpe", "10.5", false),
        bound("exercises[0].sets[0].rpe", "9.5", true), bound("exercises[0].sets[0].rpe", "9.3", false),
        bound("exercises[0].sets[0].duration_seconds", "0", true),
        bound("exercises[0].sets[0].duration_seconds", "86400", true),
        bound("exercises[0].sets[0].duration_seconds", "-1", false),
        bound("exercises[0].sets[0].duration_seconds", "86401", false),
        bound("exercises[0].sets[0].distance_m", "0", true),
        bound("exercises[0].sets[0].distance_m", "1000000", true),
        bound("exercises[0].sets[0].distance_m", "-0.1", false),
        bound("exercises[0].sets[0].distance_m", "1000000.1", false),
        bound("exercises[0].sets[0].completed", "true", true), bound("exercises[0].sets[0].completed", "false", true),
        bound("exercises[0].sets[0].completed", "1", false),
        bound("exercises[0].sets[0].completed_at", "\"2026-11-24T07:15:00Z\"", true),
        bound("exercises[0].sets[0].completed_at", "\"2026-11-24T08:15:00+01:00\"", true),
        bound("exercises[0].sets[0].completed_at", "\"2026-11-24\"", false),
        bound("exercises[0].sets[0].completed_at", "\"yesterday\"", false));
  }

  /** The display form in parameter 2 is shortened; parameter 4 holds the full JSON value. */
  @ParameterizedTest(name = "{0} = {1} valid: {2}")
  @MethodSource("bounds")
  void everyContractBoundIsEnforced(String path, String shown, boolean valid, String json) {
    List<Problem> problems = problems(withValue(path, json));

    if (valid) {
      assertThat(problems).isEmpty();
    } else {
      assertThat(problems).extracting(Problem::path).containsExactly("session." + path);
    }
  }

  @ParameterizedTest(name = "{0} items")
  @MethodSource("counts")
  void exercisesAndSetsAreLimitedToAHundred(int count, boolean valid) {
    String sets = String.join(",", Collections.nCopies(count, "{}"));
    String exercises = String.join(",", Collections.nCopies(count, "{\"name\": \"A\", \"sets\": []}"));

    List<Problem> manySets = problems("{\"unit\": \"kg\", \"exercises\": [{\"name\": \"A\", \"sets\": [" + sets + "]}]}");
    List<Problem> manyExercises = problems("{\"unit\": \"kg\", \"exercises\": [" + exercises + "]}");

    assertThat(manySets.isEmpty()).isEqualTo(valid);
    assertThat(manyExercises.isEmpty()).isEqualTo(valid);
    if (!valid) {
      assertThat(manySets).containsExactly(new Problem("session.exercises[0].sets", "must have at most 100 items"));
      assertThat(manyExercises).containsExactly(new Problem("session.exercises", "must have at most 100 items"));
    }
  }

  static Stream<Arguments> counts() {
    return Stream.of(Arguments.of(0, true), Arguments.of(100, true), Arguments.of(101, false));
  }

  @Test
  void plansRejectActualValues() {
    Problems problems = new Problems();
    StructureValidator.readPlan(tree("""
        {"unit": "kg", "exercises": [{"name": "A", "sets": [
          {"target_reps": 5, "reps": 5, "weight": 10, "rpe": 8, "completed": true, "completed_at": "2026-11-24T07:15:00Z"},
          {"target_reps": 5, "completed": false, "duration_seconds": 60, "distance_m": 400}]}]}"""),
        "structure", problems);

    assertThat(problems.list()).extracting(Problem::path).containsExactlyInAnyOrder(
        "structure.exercises[0].sets[0].reps", "structure.exercises[0].sets[0].weight",
        "structure.exercises[0].sets[0].rpe", "structure.exercises[0].sets[0].completed",
        "structure.exercises[0].sets[0].completed_at");
  }

  @Test
  void checkOfABuiltStructureThrowsWithPaths() {
    SessionStructure bad = SessionStructure.empty(Unit.KG).withExercises(List.of(
        new Exercise(" ", null, 4000, null, List.of(new SetEntry(null, null, null, 11.0, -1, null, null, null,
            null, false, null)))));

    assertThatThrownBy(() -> StructureValidator.check(bad, "session", Messages.INVALID_SESSION_DATA))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo(Messages.INVALID_SESSION_DATA);
          assertThat(e.problems()).extracting(Problem::path).containsExactlyInAnyOrder(
              "session.exercises[0].name", "session.exercises[0].rest_seconds",
              "session.exercises[0].sets[0].target_rpe", "session.exercises[0].sets[0].reps");
        });
  }

  @Test
  void aStructureMissingItsUnitFailsTheCheck() {
    SessionStructure noUnit = new SessionStructure("A", null, null, null, List.of());

    assertThat(StructureValidator.problemsOf(noUnit, "session", false))
        .containsExactly(new Problem("session.unit", "is required"));
  }

  private static Arguments bound(String path, String json, boolean valid) {
    return Arguments.of(path, json.length() > 40 ? json.substring(0, 12) + "…(" + json.length() + " chars)" : json,
        valid, json);
  }

  private static String quoted(int length) {
    return "\"" + "x".repeat(length) + "\"";
  }

  private static String withValue(String path, String json) {
    Map<String, Object> root = castMap(tree(VALID));
    Map<String, Object> target = root;
    String[] steps = path.split("\\.");
    for (int i = 0; i < steps.length - 1; i++) {
      target = castMap(step(target, steps[i]));
    }
    target.put(steps[steps.length - 1], tree(json));
    return CODEC.writeString(root);
  }

  private static Object step(Map<String, Object> node, String step) {
    int bracket = step.indexOf('[');
    if (bracket < 0) {
      return node.get(step);
    }
    List<?> list = (List<?>) node.get(step.substring(0, bracket));
    return list.get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> castMap(Object node) {
    return (Map<String, Object>) node;
  }

  private static Object tree(String json) {
    return CODEC.read(json.getBytes(StandardCharsets.UTF_8), "bad test json");
  }

  private static SessionStructure read(String json) {
    Problems problems = new Problems();
    SessionStructure structure = StructureValidator.read(tree(json), "session", problems);
    assertThat(problems.list()).isEmpty();
    return structure;
  }

  private static List<Problem> problems(String json) {
    Problems problems = new Problems();
    StructureValidator.read(tree(json), "session", problems);
    return new ArrayList<>(problems.list());
  }
}
