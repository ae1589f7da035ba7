package dev.setwise.bench.suite;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The workout every measure logs: five lifts, each a warm-up set and three working sets (20 sets),
 * as a lifter would log it. Written as contract JSON for the REST API and the generated history,
 * and as the domain's structure for the in-process save.
 */
public final class Workouts {

  private record Lift(String name, int restSeconds, double weight, int reps) {}

  private static final List<Lift> LIFTS = List.of(
      new Lift("Squat", 180, 100, 5),
      new Lift("Bench press", 150, 70, 8),
      new Lift("Barbell row", 120, 60, 8),
      new Lift("Overhead press", 120, 40, 8),
      new Lift("Romanian deadlift", 120, 80, 10));
  private static final int SETS_PER_LIFT = 4;
  public static final int SET_COUNT = LIFTS.size() * SETS_PER_LIFT;
  public static final int EXERCISE_COUNT = LIFTS.size();

  private Workouts() {}

  /** The summary columns a session of this workout has (contract: volume skips warm-ups). */
  public record Summary(int exercises, int sets, int completedSets, double volume) {}

  /**
   * Contract JSON of the workout named {@code name} with its first {@code done} sets completed,
   * every weight raised by {@code extraKg} (so sessions differ), the last done set {@code repsOff}
   * reps short.
   */
  public static String json(String name, int done, double extraKg, int repsOff) {
    StringBuilder out = new StringBuilder(2048);
    out.append("{\"name\":\"").append(name).append("\",\"unit\":\"kg\",\"exercises\":[");
    int set = 0;
    for (int l = 0; l < LIFTS.size(); l++) {
      Lift lift = LIFTS.get(l);
      out.append(l == 0 ? "" : ",").append("{\"name\":\"").append(lift.name()).append("\",\"rest_seconds\":")
          .append(lift.restSeconds()).append(",\"sets\":[");
      for (int s = 0; s < SETS_PER_LIFT; s++, set++) {
        boolean warmup = s == 0;
        double weight = weight(lift, warmup, extraKg);
        int reps = warmup ? 5 : lift.reps();
        out.append(s == 0 ? "" : ",").append("{\"type\":\"").append(warmup ? "warmup" : "normal")
            .append("\",\"target_reps\":").append(reps).append(",\"target_weight\":").append(number(weight));
        if (set < done) {
          out.append(",\"reps\":").append(set == done - 1 ? reps - repsOff : reps).append(",\"weight\":")
              .append(number(weight)).append(",\"completed\":true,\"completed_at\":\"2026-11-24T07:")
              .append(String.format(Locale.ROOT, "%02d", 10 + set * 2)).append(":00Z\"}");
        } else {
          out.append(",\"completed\":false}");
        }
      }
      out.append("]}");
    }
    return out.append("]}").toString();
  }

  /** The summary of {@link #json} with the same arguments. */
  public static Summary summary(int done, double extraKg, int repsOff) {
    double volume = 0;
    int set = 0;
    for (Lift lift : LIFTS) {
      for (int s = 0; s < SETS_PER_LIFT; s++, set++) {
        if (set < done && s > 0) {
          volume += (set == done - 1 ? lift.reps() - repsOff : lift.reps()) * weight(lift, false, extraKg);
        }
      }
    }
    return new Summary(EXERCISE_COUNT, SET_COUNT, Math.min(done, SET_COUNT), volume);
  }

  /** The workout as a plan (targets only), as the domain holds it. */
  public static SessionStructure plan() {
    List<Exercise> exercises = new ArrayList<>();
    for (Lift lift : LIFTS) {
      List<SetEntry> sets = new ArrayList<>();
      for (int s = 0; s < SETS_PER_LIFT; s++) {
        boolean warmup = s == 0;
        sets.add(SetEntry.target(warmup ? SetType.WARMUP : SetType.NORMAL, warmup ? 5 : lift.reps(),
            weight(lift, warmup, 0), null));
      }
      exercises.add(new Exercise(lift.name(), null, lift.restSeconds(), null, sets));
    }
    return new SessionStructure(null, Unit.KG, null, null, exercises);
  }

  /** {@code structure} with its first {@code done} sets completed as targeted, the last one {@code repsOff} short. */
  public static SessionStructure logged(SessionStructure structure, int done, int repsOff) {
    SessionStructure result = structure;
    int set = 0;
    for (int e = 0; e < result.exercises().size(); e++) {
      Exercise exercise = result.exercises().get(e);
      for (int s = 0; s < exercise.sets().size() && set < done; s++, set++) {
        SetEntry entry = exercise.sets().get(s);
        int reps = entry.targetReps() - (set == done - 1 ? repsOff : 0);
        exercise = exercise.withSet(s, entry.withActuals(reps, entry.targetWeight(), null)
            .withCompleted(Instant.parse("2026-11-24T07:10:00Z").plusSeconds(120L * set)));
      }
      result = result.withExercise(e, exercise);
    }
    return result;
  }

  private static double weight(Lift lift, boolean warmup, double extraKg) {
    return warmup ? Math.round(lift.weight() / 2 / 2.5) * 2.5 : lift.weight() + extraKg;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
