package dev.setwise.service.progress;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.Exercise;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.progress.ExerciseKey;
import dev.setwise.domain.progress.Weights;
import dev.setwise.service.AuditLog;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A simple progression: what was done in a completed session becomes the targets of its plan
 * (each plan set takes the reps, weight and RPE of the same set of the same exercise, when it was
 * done). The athlete confirms first ({@link #proposal}); the plan's earlier sessions keep their
 * snapshots. One transaction per method; any thread but the JavaFX application thread.
 */
public final class ProgressionService {

  private final Database database;
  private final SessionRepository sessions;
  private final PlanRepository plans;
  private final AuditLog audit;
  private final Clock clock;

  public ProgressionService(Database database, SessionRepository sessions, PlanRepository plans, AuditLog audit,
      Clock clock) {
    this.database = database;
    this.sessions = sessions;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  /** A proposed change of targets: the plan, and how many sets would change. */
  public record Proposal(UUID planId, String planName, int changedSets) {}

  /**
   * What carrying the session into its plan would change; empty when the session has no plan (or an
   * archived one), is in progress, or was done exactly as planned.
   */
  public Optional<Proposal> proposal(UUID profileId, UUID sessionId) {
    return database.read(tx -> plan(tx, profileId, sessionId).flatMap(found -> {
      int changed = countChanges(found.plan().structure(), carried(found.plan().structure(), found.session()));
      return changed == 0 ? Optional.empty()
          : Optional.of(new Proposal(found.plan().id(), found.plan().name(), changed));
    }));
  }

  /**
   * Writes the session's done values into its plan's targets. Audited as {@code plan_updated}.
   *
   * @return the plan as it is now
   * @throws NotFoundException {@code Session not found} or {@code Plan not found}
   */
  public Plan carryIntoPlan(UUID profileId, UUID sessionId) {
    return database.write(tx -> {
      Found found = plan(tx, profileId, sessionId).orElseThrow(() -> new NotFoundException(Messages.PLAN_NOT_FOUND));
      SessionStructure carried = carried(found.plan().structure(), found.session());
      StructureValidator.check(carried, "structure", Messages.INVALID_PLAN_DATA);
      Plan current = found.plan();
      Plan updated = new Plan(current.id(), current.name(), carried, current.hasSessions(), false,
          current.createdAt(), clock.instant(), current.version() + 1);
      if (!plans.update(tx, profileId, updated)) {
        throw new PreconditionFailedException(Messages.PLAN_CHANGED, 0);
      }
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("structure_changed", true);
      details.put("from_session", sessionId.toString());
      audit.record(tx, profileId, AuditAction.PLAN_UPDATED, "plan", current.id(), details);
      return updated;
    });
  }

  private record Found(Session session, Plan plan) {}

  private Optional<Found> plan(Tx tx, UUID profileId, UUID sessionId) throws SQLException {
    Session session = sessions.find(tx, profileId, sessionId)
        .orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
    if (!session.completed() || session.planId() == null) {
      return Optional.empty();
    }
    return plans.find(tx, profileId, session.planId()).filter(p -> !p.archived()).map(p -> new Found(session, p));
  }

  static SessionStructure carried(SessionStructure plan, Session session) {
    Map<String, Exercise> done = new HashMap<>();
    for (Exercise exercise : session.structure().exercises()) {
      done.putIfAbsent(ExerciseKey.of(exercise.name()), exercise);
    }
    List<Exercise> exercises = new ArrayList<>();
    for (Exercise planned : plan.exercises()) {
      Exercise actual = done.get(ExerciseKey.of(planned.name()));
      if (actual == null) {
        exercises.add(planned);
        continue;
      }
      List<SetEntry> sets = new ArrayList<>();
      for (int i = 0; i < planned.sets().size(); i++) {
        SetEntry target = planned.sets().get(i);
        SetEntry did = i < actual.sets().size() ? actual.sets().get(i) : null;
        if (did == null || !did.completed() || (did.reps() == null && did.weight() == null)) {
          sets.add(target);
          continue;
        }
        Double weight = did.weight() == null ? target.targetWeight()
            : round(Weights.convert(did.weight(), session.structure().unit(), plan.unit()));
        sets.add(target.withTargets(did.reps() != null ? did.reps() : target.targetReps(), weight,
            did.rpe() != null ? did.rpe() : target.targetRpe()));
      }
      exercises.add(planned.withSets(sets));
    }
    return plan.withExercises(exercises);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static int countChanges(SessionStructure before, SessionStructure after) {
    int changed = 0;
    for (int e = 0; e < before.exercises().size(); e++) {
      List<SetEntry> a = before.exercises().get(e).sets();
      List<SetEntry> b = after.exercises().get(e).sets();
      for (int s = 0; s < a.size(); s++) {
        if (!a.get(s).equals(b.get(s))) {
          changed++;
        }
      }
    }
    return changed;
  }
}
