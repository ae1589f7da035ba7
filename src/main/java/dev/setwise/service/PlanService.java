package dev.setwise.service;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanDeletion;
import dev.setwise.domain.PlanRequests;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.Database;
import dev.setwise.store.PlanRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Training plans of one profile. Every method takes the calling profile first and sees only that
 * profile's plans: another profile's plan id behaves exactly like a missing one. Each method is one
 * transaction; call from any thread but the JavaFX application thread. Database failures surface as
 * {@link dev.setwise.store.StoreException}.
 *
 * <p>Versions (contract §5.1): a plan is at version 1 when created and one more after every change
 * of its name or structure and when it is archived; a session started from it (which sets
 * {@code has_sessions}) is not a change of the plan. Update and delete take an optional
 * {@code expectedVersion}, the version the caller's change was made from: when it is not the stored
 * one, nothing changes and {@code Plan was changed elsewhere} is thrown; {@code null} means any.
 */
public final class PlanService {

  private final Database database;
  private final PlanRepository plans;
  private final AuditLog audit;
  private final Clock clock;

  public PlanService(Database database, PlanRepository plans, AuditLog audit, Clock clock) {
    this.database = database;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Creates a plan with a new id; audited as {@code plan_created}.
   *
   * @throws ValidationException {@code Invalid plan data}, with every problem of name and structure
   */
  public Plan create(UUID profileId, String name, SessionStructure structure) {
    return create(profileId, null, name, structure);
  }

  /**
   * Creates a plan at version 1 under the id a client chose (a device that made it offline), or a
   * new id when {@code id} is null; audited as {@code plan_created}. An id used by any plan of any
   * profile, now or before it was deleted, is refused, so a create that is sent again changes nothing.
   *
   * @throws ValidationException {@code Invalid plan data}, with every problem of name and structure
   * @throws ConflictException {@code Plan already exists}, checked before anything else is written
   */
  public Plan create(UUID profileId, UUID id, String name, SessionStructure structure) {
    Problems problems = new Problems();
    String checkedName = checkName(name, problems);
    SessionStructure checked = checkStructure(structure, problems);
    problems.throwIfAny(Messages.INVALID_PLAN_DATA);
    return database.write(tx -> {
      if (id != null && plans.idTaken(tx, id)) {
        throw new ConflictException(Messages.PLAN_EXISTS);
      }
      Instant now = clock.instant();
      Plan plan = new Plan(id != null ? id : Ids.newId(), checkedName, checked, false, false, now, now);
      plans.insert(tx, profileId, plan);
      audit.record(tx, profileId, AuditAction.PLAN_CREATED, "plan", plan.id(), Map.of("name", checkedName));
      return plan;
    });
  }

  /**
   * Changes a plan's name and/or structure whatever its version (the last write wins).
   *
   * @see #update(UUID, UUID, String, SessionStructure, Long)
   */
  public Plan update(UUID profileId, UUID planId, String name, SessionStructure structure) {
    return update(profileId, planId, name, structure, null);
  }

  /**
   * Changes a plan's name and/or structure (a {@code null} part stays as it is) as its next
   * version; sessions already started keep their snapshot. Audited as {@code plan_updated}. With
   * neither part given nothing changes (the version stays), after the checks.
   *
   * @param expectedVersion the version the change was made from, or {@code null} for any
   * @throws ValidationException {@code Invalid plan data}
   * @throws NotFoundException {@code Plan not found}, also for an archived plan or another profile's
   * @throws PreconditionFailedException {@code Plan was changed elsewhere}: another version is stored
   */
  public Plan update(UUID profileId, UUID planId, String name, SessionStructure structure, Long expectedVersion) {
    Problems problems = new Problems();
    String checkedName = name == null ? null : checkName(name, problems);
    SessionStructure checked = structure == null ? null : checkStructure(structure, problems);
    problems.throwIfAny(Messages.INVALID_PLAN_DATA);
    return database.write(tx -> {
      Plan current = expected(plans.find(tx, profileId, planId).filter(p -> !p.archived()), expectedVersion);
      if (checkedName == null && checked == null) {
        return current;
      }
      Plan updated = new Plan(planId, checkedName == null ? current.name() : checkedName,
          checked == null ? current.structure() : checked, current.hasSessions(), false, current.createdAt(),
          clock.instant(), current.version() + 1);
      if (!plans.update(tx, profileId, updated)) {
        throw changedElsewhere(current);
      }
      Map<String, Object> details = new LinkedHashMap<>();
      if (checkedName != null) {
        details.put("name", checkedName);
      }
      details.put("structure_changed", checked != null);
      audit.record(tx, profileId, AuditAction.PLAN_UPDATED, "plan", planId, details);
      return updated;
    });
  }

  /**
   * Copies a plan under a new name ({@code "<name> (copy)"} when {@code newName} is null).
   *
   * @throws NotFoundException {@code Plan not found}
   * @throws ValidationException {@code Invalid plan data} for a bad name
   */
  public Plan duplicate(UUID profileId, UUID planId, String newName) {
    Plan source = get(profileId, planId);
    String name = newName != null ? newName : copyName(source.name());
    return create(profileId, name, source.structure());
  }

  /** The profile's plans that are not archived, by name, without structures. One read transaction. */
  public List<PlanSummary> list(UUID profileId) {
    return database.read(tx -> plans.list(tx, profileId, false));
  }

  /** Like {@link #list(UUID)}, optionally with archived plans (for filters over old sessions). */
  public List<PlanSummary> list(UUID profileId, boolean includeArchived) {
    return database.read(tx -> plans.list(tx, profileId, includeArchived));
  }

  /**
   * A plan with its structure, archived or not.
   *
   * @throws NotFoundException {@code Plan not found}, also for another profile's plan
   */
  public Plan get(UUID profileId, UUID planId) {
    return database.read(tx -> plans.find(tx, profileId, planId))
        .orElseThrow(() -> new NotFoundException(Messages.PLAN_NOT_FOUND));
  }

  /**
   * Deletes a plan whatever its version.
   *
   * @see #delete(UUID, UUID, Long)
   */
  public PlanDeletion delete(UUID profileId, UUID planId) {
    return delete(profileId, planId, null);
  }

  /**
   * Deletes a plan: a plan that sessions refer to is archived (hidden from lists, its sessions
   * intact and readable; a change, so its version rises); any other is removed. Audited as
   * {@code plan_archived} or {@code plan_deleted}.
   *
   * @param expectedVersion the version the deletion was decided on, or {@code null} for any
   * @throws NotFoundException {@code Plan not found}, also when it is already archived
   * @throws PreconditionFailedException {@code Plan was changed elsewhere}: another version is stored
   */
  public PlanDeletion delete(UUID profileId, UUID planId, Long expectedVersion) {
    return database.write(tx -> {
      Plan plan = expected(plans.find(tx, profileId, planId).filter(p -> !p.archived()), expectedVersion);
      if (plan.hasSessions() || plans.isReferenced(tx, profileId, planId)) {
        if (!plans.archive(tx, profileId, planId, plan.version(), clock.instant())) {
          throw changedElsewhere(plan);
        }
        audit.record(tx, profileId, AuditAction.PLAN_ARCHIVED, "plan", planId, Map.of("name", plan.name()));
        return PlanDeletion.ARCHIVED;
      }
      if (!plans.delete(tx, profileId, planId, plan.version())) {
        throw changedElsewhere(plan);
      }
      audit.record(tx, profileId, AuditAction.PLAN_DELETED, "plan", planId, Map.of("name", plan.name()));
      return PlanDeletion.REMOVED;
    });
  }

  /**
   * Every problem of a plan's name and structure, without saving (for inline form validation).
   * Pure; any thread.
   */
  public static List<Problem> problemsOf(String name, SessionStructure structure) {
    List<Problem> found = new ArrayList<>();
    Problems problems = new Problems();
    checkName(name, problems);
    found.addAll(problems.list());
    if (structure == null) {
      found.add(new Problem("structure", "is required"));
    } else {
      found.addAll(StructureValidator.problemsOf(structure, "structure", true));
    }
    return found;
  }

  /** The plan found, checked against the version the caller expects (a stale one fails before anything else). */
  private static Plan expected(java.util.Optional<Plan> found, Long expectedVersion) {
    Plan plan = found.orElseThrow(() -> new NotFoundException(Messages.PLAN_NOT_FOUND));
    if (expectedVersion != null && expectedVersion != plan.version()) {
      throw changedElsewhere(plan);
    }
    return plan;
  }

  private static PreconditionFailedException changedElsewhere(Plan current) {
    return new PreconditionFailedException(Messages.PLAN_CHANGED, current.version());
  }

  private static String checkName(String name, Problems problems) {
    String trimmed = name == null ? "" : name.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < 1 || length > PlanRequests.MAX_PLAN_NAME) {
      problems.add("name", "must be 1 to " + PlanRequests.MAX_PLAN_NAME + " characters");
      return null;
    }
    return trimmed;
  }

  private static SessionStructure checkStructure(SessionStructure structure, Problems problems) {
    if (structure == null) {
      problems.add("structure", "is required");
      return null;
    }
    try {
      return StructureValidator.checkPlan(structure, "structure", Messages.INVALID_PLAN_DATA);
    } catch (ValidationException e) {
      e.problems().forEach(p -> problems.add(p.path(), p.message()));
      return null;
    }
  }

  private static String copyName(String name) {
    String copy = name + " (copy)";
    return copy.codePointCount(0, copy.length()) <= PlanRequests.MAX_PLAN_NAME ? copy : name;
  }
}
