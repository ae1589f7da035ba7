package dev.setwise.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a structure as a plain JSON tree in the contract's snake_case shape, with a stable field
 * order. Absent values are left out; {@code type} and {@code completed} are always written.
 */
public final class StructureTree {

  private StructureTree() {}

  public static Map<String, Object> toTree(SessionStructure structure) {
    Map<String, Object> root = new LinkedHashMap<>();
    putIfPresent(root, "name", structure.name());
    root.put("unit", structure.unit() == null ? null : structure.unit().code());
    putIfPresent(root, "notes", structure.notes());
    putIfPresent(root, "bodyweight", structure.bodyweight());
    List<Object> exercises = new ArrayList<>();
    for (Exercise exercise : structure.exercises()) {
      exercises.add(exerciseTree(exercise));
    }
    root.put("exercises", exercises);
    return root;
  }

  private static Map<String, Object> exerciseTree(Exercise exercise) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("name", exercise.name());
    putIfPresent(node, "notes", exercise.notes());
    putIfPresent(node, "rest_seconds", exercise.restSeconds());
    putIfPresent(node, "superset", exercise.superset());
    List<Object> sets = new ArrayList<>();
    for (SetEntry set : exercise.sets()) {
      sets.add(setTree(set));
    }
    node.put("sets", sets);
    return node;
  }

  private static Map<String, Object> setTree(SetEntry set) {
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("type", set.type().code());
    putIfPresent(node, "target_reps", set.targetReps());
    putIfPresent(node, "target_weight", set.targetWeight());
    putIfPresent(node, "target_rpe", set.targetRpe());
    putIfPresent(node, "reps", set.reps());
    putIfPresent(node, "weight", set.weight());
    putIfPresent(node, "rpe", set.rpe());
    putIfPresent(node, "duration_seconds", set.durationSeconds());
    putIfPresent(node, "distance_m", set.distanceM());
    node.put("completed", set.completed());
    putIfPresent(node, "completed_at", set.completedAt() == null ? null : Timestamps.format(set.completedAt()));
    return node;
  }

  private static void putIfPresent(Map<String, Object> node, String key, Object value) {
    if (value != null) {
      node.put(key, value);
    }
  }
}
