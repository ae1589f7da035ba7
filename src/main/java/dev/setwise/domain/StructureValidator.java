package dev.setwise.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@code contract.md} §2 in one place. Untrusted JSON (as a plain tree) is read with
 * {@link #read}; a structure built in code is checked with {@link #check}, which writes it as a
 * tree and reads it back, so both paths share every bound and message (a structure that plainly
 * passes every rule is accepted from its records first, see {@link TypedStructureCheck}).
 */
public final class StructureValidator {

  public static final int MAX_NAME = 120;
  public static final int MAX_NOTES = 4000;
  public static final int MAX_EXERCISES = 100;
  public static final int MAX_SETS = 100;
  public static final int MAX_SUPERSET = 8;
  public static final int MAX_REST_SECONDS = 3600;
  public static final int MAX_REPS = 1000;
  public static final int MAX_DURATION_SECONDS = 86_400;
  public static final BigDecimal MAX_BODYWEIGHT = BigDecimal.valueOf(1000);
  public static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(10_000);
  public static final BigDecimal MIN_RPE = BigDecimal.ONE;
  public static final BigDecimal MAX_RPE = BigDecimal.TEN;
  public static final BigDecimal RPE_STEP = new BigDecimal("0.5");
  public static final BigDecimal MAX_DISTANCE_M = BigDecimal.valueOf(1_000_000);

  private static final Set<String> STRUCTURE_FIELDS = Set.of("name", "unit", "notes", "bodyweight", "exercises");
  private static final Set<String> EXERCISE_FIELDS = Set.of("name", "notes", "rest_seconds", "superset", "sets");
  private static final Set<String> SET_FIELDS = Set.of("type", "target_reps", "target_weight", "target_rpe", "reps",
      "weight", "rpe", "duration_seconds", "distance_m", "completed", "completed_at");
  private static final List<String> ACTUAL_FIELDS = List.of("reps", "weight", "rpe", "completed_at");

  private static final Map<String, Unit> UNITS = codes(Unit.values());
  private static final Map<String, SetType> SET_TYPES = codes(SetType.values());

  private StructureValidator() {}

  /**
   * Reads a SessionStructure from a plain JSON tree, reporting every problem under {@code path}.
   * Returns {@code null} only when the node is not an object; otherwise a best-effort structure
   * that must not be used when {@code problems} is not empty.
   */
  public static SessionStructure read(Object node, String path, Problems problems) {
    TreeObject object = TreeObject.of(node, path, problems);
    if (object == null) {
      return null;
    }
    object.allowOnly(STRUCTURE_FIELDS);
    String name = object.string("name", false, 1, MAX_NAME);
    Unit unit = object.oneOf("unit", true, UNITS);
    String notes = object.text("notes", MAX_NOTES);
    Double bodyweight = object.decimal("bodyweight", false, BigDecimal.ZERO, true, MAX_BODYWEIGHT, null);
    List<?> items = object.array("exercises", true, MAX_EXERCISES);
    List<Exercise> exercises = new ArrayList<>();
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        Exercise exercise = readExercise(items.get(i), Problems.index(object.at("exercises"), i), problems);
        if (exercise != null) {
          exercises.add(exercise);
        }
      }
    }
    return new SessionStructure(name, unit, notes, bodyweight, exercises);
  }

  /** Like {@link #read} and, for a plan, also rejects values that record what was done. */
  public static SessionStructure readPlan(Object node, String path, Problems problems) {
    SessionStructure structure = read(node, path, problems);
    if (node instanceof Map<?, ?> root && root.get("exercises") instanceof List<?> exercises) {
      for (int e = 0; e < exercises.size(); e++) {
        if (exercises.get(e) instanceof Map<?, ?> exercise && exercise.get("sets") instanceof List<?> sets) {
          for (int s = 0; s < sets.size(); s++) {
            if (sets.get(s) instanceof Map<?, ?> set) {
              String setPath = Problems.index(Problems.child(Problems.index(Problems.child(path, "exercises"), e) , "sets"), s);
              for (String field : ACTUAL_FIELDS) {
                if (set.get(field) != null) {
                  problems.add(Problems.child(setPath, field), "is not allowed in a plan (plans hold targets only)");
                }
              }
              if (Boolean.TRUE.equals(set.get("completed"))) {
                problems.add(Problems.child(setPath, "completed"), "is not allowed in a plan (plans hold targets only)");
              }
            }
          }
        }
      }
    }
    return structure;
  }

  /**
   * Checks a structure built in code against the same rules.
   *
   * @throws ValidationException with {@code message} and every problem under {@code path}
   */
  public static SessionStructure check(SessionStructure structure, String path, String message) {
    if (TypedStructureCheck.passes(structure)) {
      // every rule holds and the tree path would hand back an equal structure: skip building it
      return structure;
    }
    Problems problems = new Problems();
    SessionStructure checked = read(StructureTree.toTree(structure), path, problems);
    problems.throwIfAny(message);
    return checked;
  }

  /** {@link #check} for a plan's structure. */
  public static SessionStructure checkPlan(SessionStructure structure, String path, String message) {
    Problems problems = new Problems();
    SessionStructure checked = readPlan(StructureTree.toTree(structure), path, problems);
    problems.throwIfAny(message);
    return checked;
  }

  /** Every problem of a structure built in code, without throwing (for inline form validation). */
  public static List<Problem> problemsOf(SessionStructure structure, String path, boolean plan) {
    Problems problems = new Problems();
    Object tree = StructureTree.toTree(structure);
    if (plan) {
      readPlan(tree, path, problems);
    } else {
      read(tree, path, problems);
    }
    return problems.list();
  }

  private static Exercise readExercise(Object node, String path, Problems problems) {
    TreeObject object = TreeObject.of(node, path, problems);
    if (object == null) {
      return null;
    }
    object.allowOnly(EXERCISE_FIELDS);
    String name = object.string("name", true, 1, MAX_NAME);
    String notes = object.text("notes", MAX_NOTES);
    Integer rest = object.integer("rest_seconds", false, 0, MAX_REST_SECONDS);
    String superset = object.string("superset", false, 1, MAX_SUPERSET);
    List<?> items = object.array("sets", true, MAX_SETS);
    List<SetEntry> sets = new ArrayList<>();
    if (items != null) {
      for (int i = 0; i < items.size(); i++) {
        SetEntry set = readSet(items.get(i), Problems.index(object.at("sets"), i), problems);
        if (set != null) {
          sets.add(set);
        }
      }
    }
    return new Exercise(name, notes, rest, superset, sets);
  }

  private static SetEntry readSet(Object node, String path, Problems problems) {
    TreeObject object = TreeObject.of(node, path, problems);
    if (object == null) {
      return null;
    }
    object.allowOnly(SET_FIELDS);
    SetType type = object.oneOf("type", false, SET_TYPES);
    Integer targetReps = object.integer("target_reps", false, 0, MAX_REPS);
    Double targetWeight = object.decimal("target_weight", false, BigDecimal.ZERO, false, MAX_WEIGHT, null);
    Double targetRpe = object.decimal("target_rpe", false, MIN_RPE, false, MAX_RPE, RPE_STEP);
    Integer reps = object.integer("reps", false, 0, MAX_REPS);
    Double weight = object.decimal("weight", false, BigDecimal.ZERO, false, MAX_WEIGHT, null);
    Double rpe = object.decimal("rpe", false, MIN_RPE, false, MAX_RPE, RPE_STEP);
    Integer duration = object.integer("duration_seconds", false, 0, MAX_DURATION_SECONDS);
    Double distance = object.decimal("distance_m", false, BigDecimal.ZERO, false, MAX_DISTANCE_M, null);
    Boolean completed = object.bool("completed", false);
    var completedAt = Timestamps.truncate(object.instant("completed_at", false));
    return new SetEntry(type, targetReps, targetWeight, targetRpe, reps, weight, rpe, duration, distance,
        Boolean.TRUE.equals(completed), completedAt);
  }

  private static <E extends Enum<E>> Map<String, E> codes(E[] values) {
    Map<String, E> map = new LinkedHashMap<>();
    Arrays.stream(values).forEach(v -> map.put(v.name().toLowerCase(java.util.Locale.ROOT), v));
    return Collections.unmodifiableMap(map);
  }
}
