package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.support.Structures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The quick check of typed structures ({@link TypedStructureCheck}) against the tree path it
 * stands in for: whenever it says yes, the tree path accepts the structure and hands back an equal
 * one, for random structures whose values sit on and around every bound of contract §2.
 */
class TypedStructureCheckTest {

  private final Random random = new Random(33);

  @Test
  void aYesIsAlwaysAStructureTheTreePathAcceptsUnchanged() {
    int yes = 0;
    int no = 0;
    for (int i = 0; i < 20_000; i++) {
      SessionStructure structure = structure();
      if (TypedStructureCheck.passes(structure)) {
        yes++;
        Problems problems = new Problems();
        SessionStructure viaTree = StructureValidator.read(StructureTree.toTree(structure), "session", problems);
        assertThat(problems.list()).as("%s", structure).isEmpty();
        assertThat(viaTree).as("%s", structure).isEqualTo(structure);
      } else {
        no++;
      }
    }
    // both answers were given often enough for the comparison to mean something
    assertThat(yes).isGreaterThan(1000);
    assertThat(no).isGreaterThan(1000);
  }

  @Test
  void aNoLeavesTheVerdictAndEveryProblemToTheTreePath() {
    SessionStructure untrimmed = Structures.plan().withName("  Legs ");
    assertThat(TypedStructureCheck.passes(untrimmed)).isFalse();
    assertThat(StructureValidator.check(untrimmed, "session", "bad").name()).isEqualTo("Legs");

    SessionStructure badRpe = Structures.plan().withExercise(0, Structures.plan().exercises().get(0)
        .withSet(0, set(SetType.NORMAL, null, null, 7.25, null, null, null, null, null, false, null)));
    assertThat(TypedStructureCheck.passes(badRpe)).isFalse();
    assertThat(StructureValidator.problemsOf(badRpe, "session", false))
        .extracting(Problem::path).containsExactly("session.exercises[0].sets[0].target_rpe");
  }

  @Test
  void theStructuresSetwiseSavesEveryDayTakeTheQuickPath() {
    assertThat(TypedStructureCheck.passes(Structures.plan())).isTrue();
    assertThat(TypedStructureCheck.passes(Structures.plan().targetsOnly())).isTrue();
  }

  private SessionStructure structure() {
    List<Exercise> exercises = new ArrayList<>();
    int count = random.nextInt(20) == 0 ? StructureValidator.MAX_EXERCISES + random.nextInt(2) : random.nextInt(4);
    for (int i = 0; i < count; i++) {
      exercises.add(random.nextInt(500) == 0 ? null : exercise());
    }
    Unit unit = random.nextInt(200) == 0 ? null : Unit.values()[random.nextInt(Unit.values().length)];
    return new SessionStructure(rare() ? null : name(StructureValidator.MAX_NAME), unit, notes(),
        decimal(0, 1000, false), exercises);
  }

  private Exercise exercise() {
    List<SetEntry> sets = new ArrayList<>();
    int count = random.nextInt(30) == 0 ? StructureValidator.MAX_SETS + random.nextInt(2) : random.nextInt(4);
    for (int i = 0; i < count; i++) {
      sets.add(random.nextInt(2000) == 0 ? null : set());
    }
    return new Exercise(random.nextInt(300) == 0 ? null : name(StructureValidator.MAX_NAME),
        rare() ? notes() : null, integer(StructureValidator.MAX_REST_SECONDS),
        random.nextBoolean() ? null : name(StructureValidator.MAX_SUPERSET), sets);
  }

  private SetEntry set() {
    return set(random.nextInt(300) == 0 ? null : SetType.values()[random.nextInt(SetType.values().length)],
        integer(StructureValidator.MAX_REPS), decimal(0, 10_000, false), decimal(1, 10, true),
        integer(StructureValidator.MAX_REPS), decimal(0, 10_000, false), decimal(1, 10, true),
        integer(StructureValidator.MAX_DURATION_SECONDS), decimal(0, 1_000_000, false), random.nextBoolean(),
        instant());
  }

  private static SetEntry set(SetType type, Integer targetReps, Double targetWeight, Double targetRpe, Integer reps,
      Double weight, Double rpe, Integer duration, Double distance, boolean completed, Instant completedAt) {
    return new SetEntry(type, targetReps, targetWeight, targetRpe, reps, weight, rpe, duration, distance, completed,
        completedAt);
  }

  private boolean rare() {
    return random.nextInt(8) == 0;
  }

  /** Mostly ordinary names; sometimes empty, blank, untrimmed, at or past the bound, beyond the BMP. */
  private String name(int max) {
    return switch (random.nextInt(12)) {
      case 0 -> "";
      case 1 -> "   ";
      case 2 -> " padded";
      case 3 -> "x".repeat(max);
      case 4 -> "x".repeat(max + 1);
      case 5 -> "😀".repeat(max);
      case 6 -> "😀".repeat(max + 1);
      case 7 -> "tab\t";
      default -> "Squat " + random.nextInt(10);
    };
  }

  private String notes() {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> "n".repeat(StructureValidator.MAX_NOTES);
      case 2 -> "n".repeat(StructureValidator.MAX_NOTES + 1);
      case 3 -> "😀".repeat(StructureValidator.MAX_NOTES);
      case 4 -> "  kept as written  ";
      default -> "";
    };
  }

  private Integer integer(int max) {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> -1;
      case 2 -> 0;
      case 3 -> max;
      case 4 -> max + 1;
      case 5 -> Integer.MIN_VALUE;
      default -> random.nextInt(max + 1);
    };
  }

  private Double decimal(double min, double max, boolean halves) {
    return switch (random.nextInt(16)) {
      case 0, 1 -> null;
      case 2 -> min;
      case 3 -> max;
      case 4 -> Math.nextUp(max);
      case 5 -> Math.nextDown(min);
      case 6 -> -0.0;
      case 7 -> Double.NaN;
      case 8 -> Double.POSITIVE_INFINITY;
      case 9 -> Double.MIN_VALUE;
      case 10 -> min + 0.25;
      case 11 -> min + 0.1;
      default -> halves ? min + random.nextInt((int) (max - min) * 2 + 1) / 2.0
          : Math.round(random.nextDouble() * max * 100) / 100.0;
    };
  }

  private Instant instant() {
    return switch (random.nextInt(8)) {
      case 0, 1, 2 -> null;
      case 3 -> Instant.parse("2026-11-24T07:15:00.123Z");
      case 4 -> Instant.parse("2026-11-24T07:15:00.123456789Z");
      case 5 -> Instant.EPOCH;
      case 6 -> Instant.parse("2026-11-24T07:15:00.123456Z");
      default -> Instant.ofEpochMilli(1_700_000_000_000L + random.nextInt(1_000_000_000));
    };
  }
}
