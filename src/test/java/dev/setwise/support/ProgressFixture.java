package dev.setwise.support;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Completed sessions with exactly the sets a test names, through the real services. */
public final class ProgressFixture {

  private final TestContext t;
  private Plan plan;

  public ProgressFixture(TestContext t) {
    this.t = t;
  }

  /** A set done: type, reps, weight. */
  public static SetEntry done(SetType type, int reps, double weight) {
    return new SetEntry(type, null, null, null, reps, weight, null, null, null, true, TestContext.START);
  }

  public static SetEntry done(int reps, double weight) {
    return done(SetType.NORMAL, reps, weight);
  }

  /** A set planned but not done. */
  public static SetEntry notDone(int reps, double weight) {
    return new SetEntry(SetType.NORMAL, reps, weight, null, reps, weight, null, null, null, false, null);
  }

  public static Exercise exercise(String name, SetEntry... sets) {
    return new Exercise(name, null, null, null, List.of(sets));
  }

  /** Starts and completes a session on {@code date} with these exercises, an hour after the last. */
  public Session complete(Profile owner, String date, Unit unit, Exercise... exercises) {
    return complete(owner, date, unit, null, exercises);
  }

  public Session complete(Profile owner, String date, Unit unit, Double bodyweight, Exercise... exercises) {
    if (plan == null || !plan.id().equals(planOf(owner))) {
      plan = t.app.plans().create(owner.id(), "Plan " + owner.name(), SessionStructure.empty(unit)
          .withExercises(List.of(exercise("Squat", SetEntry.target(SetType.NORMAL, 5, 100.0, null)))));
    }
    t.clock.advance(Duration.ofHours(1));
    SessionStructure structure = new SessionStructure("Workout", unit, null, bodyweight, new ArrayList<>(List.of(exercises)));
    Session started = t.app.sessions().start(owner.id(), plan.id(), LocalDate.parse(date), structure);
    t.clock.advance(Duration.ofMinutes(30));
    return t.app.sessions().complete(owner.id(), started.id(), null);
  }

  private java.util.UUID planOf(Profile owner) {
    return t.app.plans().list(owner.id()).stream().map(p -> p.id()).filter(id -> id.equals(plan.id())).findFirst()
        .orElse(null);
  }
}
