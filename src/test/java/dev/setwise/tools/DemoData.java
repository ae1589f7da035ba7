package dev.setwise.tools;

import dev.setwise.AppContext;
import dev.setwise.domain.Exercise;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import dev.setwise.support.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a data folder with realistic demo data through the real services (the same code paths the
 * app uses), for the README screenshots: three plans and twelve weeks of training.
 *
 * <pre>java -cp target/classes:target/test-classes:target/lib/* dev.setwise.tools.DemoData DIR [in-progress]</pre>
 *
 * With {@code in-progress}, today's workout is under way: started 34 minutes ago, a few sets done.
 * With {@code amended}, the latest session was corrected the next morning (a set forgotten) and
 * {@code two-profiles} adds a second profile, Sam.
 */
public final class DemoData {

  private DemoData() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: DemoData DIR [in-progress]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    List<String> scenario = List.of(args).subList(1, args.length);
    boolean inProgress = scenario.contains("in-progress");
    Instant now = Instant.now();
    ZoneId zone = ZoneId.systemDefault();
    MutableClock clock = new MutableClock(now, zone);
    try (AppContext app = AppContext.open(dir, clock)) {
      Profile me = app.profiles().ensureDefault();
      app.profiles().update(me.id(), "Robin", Unit.KG);
      Plan push = app.plans().create(me.id(), "Push A", push());
      Plan pull = app.plans().create(me.id(), "Pull A", pull());
      Plan legs = app.plans().create(me.id(), "Legs A", legs());
      List<Plan> rotation = List.of(push, pull, legs);
      Random random = new Random(7);
      LocalDate today = LocalDate.now(zone);
      int index = 0;
      for (int week = 12; week >= 1; week--) {
        for (int day : new int[] {0, 2, 4}) {
          LocalDate date = today.minusWeeks(week).plusDays(day);
          if (!date.isBefore(today)) {
            continue;
          }
          Plan plan = rotation.get(index++ % 3);
          Instant start = date.atTime(18, 5 + random.nextInt(40)).atZone(zone).toInstant();
          clock.set(start);
          Session session = app.sessions().start(me.id(), plan.id(), date);
          double progress = 1 - week * 0.01;
          SessionStructure logged = log(session.structure(), start, progress, random, Integer.MAX_VALUE)
              .withBodyweight(Math.round((79.5 - (12 - week) * 0.15 + random.nextGaussian() * 0.3) * 10) / 10.0);
          clock.set(start.plus(Duration.ofMinutes(52 + random.nextInt(25))));
          app.sessions().complete(me.id(), session.id(), logged);
        }
      }
      if (scenario.contains("amended")) {
        Session latest = app.sessions().get(me.id(), app.sessions().list(me.id(),
            dev.setwise.domain.SessionQuery.defaults()).items().get(0).id());
        SessionStructure fixed = latest.structure();
        Exercise first = fixed.exercises().get(0);
        int last = first.sets().size() - 1;
        SetEntry set = first.sets().get(last);
        fixed = fixed.withExercise(0, first.withSet(last, set.withActuals(set.targetReps(), set.targetWeight(),
            set.targetRpe()).withCompleted(latest.endedAt())));
        clock.set(latest.endedAt().plus(Duration.ofHours(14)));
        app.sessions().amend(me.id(), latest.id(), fixed, "Forgot to log the last set of " + first.name());
      }
      if (scenario.contains("two-profiles")) {
        app.profiles().create("Sam", Unit.LB);
      }
      if (inProgress) {
        Instant start = now.minus(Duration.ofMinutes(34));
        clock.set(start);
        Session session = app.sessions().start(me.id(), push.id(), today);
        clock.set(now);
        app.sessions().update(me.id(), session.id(), log(session.structure(), start, 1.0, random, 5));
      }
    }
  }

  /** Logs the sets of a structure as done (the first {@code limit} of them), near their targets. */
  private static SessionStructure log(SessionStructure structure, Instant start, double progress, Random random,
      int limit) {
    List<Exercise> exercises = new ArrayList<>();
    Instant at = start.plus(Duration.ofMinutes(4));
    int done = 0;
    for (Exercise exercise : structure.exercises()) {
      List<SetEntry> sets = new ArrayList<>();
      for (SetEntry set : exercise.sets()) {
        if (done >= limit) {
          sets.add(set);
          continue;
        }
        if (limit == Integer.MAX_VALUE && set.type() != SetType.WARMUP && random.nextInt(14) == 0) {
          sets.add(set); // skipped: not every planned set gets done
          continue;
        }
        int reps = set.targetReps() == null ? 10 : Math.max(1, set.targetReps() - (random.nextInt(6) == 0 ? 1 : 0));
        Double weight = set.targetWeight() == null ? null
            : Math.round(set.targetWeight() * (set.type() == SetType.WARMUP ? 1 : progress) * 2) / 2.0;
        Double rpe = set.targetRpe() == null ? null : Math.min(10, set.targetRpe() + (random.nextBoolean() ? 0.5 : 0));
        at = at.plusSeconds(exercise.restSeconds() == null ? 90 : exercise.restSeconds() + 30);
        sets.add(set.withActuals(reps, weight, rpe).withCompleted(at));
        done++;
      }
      exercises.add(exercise.withSets(sets));
    }
    return structure.withExercises(exercises);
  }

  private static List<SetEntry> sets(int count, Integer reps, Double weight, Double rpe) {
    List<SetEntry> sets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      sets.add(SetEntry.target(SetType.NORMAL, reps, weight, rpe));
    }
    return sets;
  }

  private static List<SetEntry> withWarmup(double warmupWeight, int count, Integer reps, Double weight, Double rpe) {
    List<SetEntry> sets = new ArrayList<>();
    sets.add(SetEntry.target(SetType.WARMUP, 8, warmupWeight, null));
    sets.addAll(sets(count, reps, weight, rpe));
    return sets;
  }

  private static SessionStructure push() {
    return new SessionStructure(null, Unit.KG, "Warm up shoulders with bands first.", null, List.of(
        new Exercise("Bench press", "Pause the first rep of each set", 180, null,
            withWarmup(40, 4, 6, 80.0, 8.0)),
        new Exercise("Overhead press", null, 120, null, sets(3, 8, 45.0, 8.0)),
        new Exercise("Incline dumbbell press", null, 90, null, sets(3, 10, 26.0, null)),
        new Exercise("Triceps pushdown", null, 60, "A", sets(3, 12, 25.0, null)),
        new Exercise("Lateral raise", null, 60, "A", sets(3, 15, 8.0, null))));
  }

  private static SessionStructure pull() {
    return new SessionStructure(null, Unit.KG, null, null, List.of(
        new Exercise("Deadlift", "Reset every rep", 180, null, withWarmup(60, 3, 5, 120.0, 8.0)),
        new Exercise("Pull-up", null, 120, null, sets(3, 8, 0.0, null)),
        new Exercise("Barbell row", null, 120, null, sets(3, 8, 60.0, 8.0)),
        new Exercise("Face pull", null, 60, "B", sets(3, 15, 20.0, null)),
        new Exercise("Biceps curl", null, 60, "B", sets(3, 12, 14.0, null))));
  }

  private static SessionStructure legs() {
    return new SessionStructure(null, Unit.KG, null, null, List.of(
        new Exercise("Squat", null, 180, null, withWarmup(50, 4, 5, 100.0, 8.0)),
        new Exercise("Romanian deadlift", null, 120, null, sets(3, 8, 80.0, 7.5)),
        new Exercise("Leg press", null, 90, null, sets(3, 12, 140.0, null)),
        new Exercise("Standing calf raise", null, 60, null, sets(4, 15, 60.0, null))));
  }
}
