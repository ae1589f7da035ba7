package dev.setwise.ui.sync;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.Unit;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Both versions of a conflict side by side, line by line: a plan's name and its exercises with
 * their sets; a workout's date, status, name and sets with what was logged. Lines are matched by
 * what they are (the name, exercise 2, exercise 2 set 3), so a line that differs is marked and a
 * line only one side has stands opposite an empty one. Pure; any thread.
 */
public final class ConflictSides {

  /** One line: what it is, this device's text and the server's ({@code ""} when that side lacks it). */
  public record Row(String label, String local, String remote, boolean heading) {

    public boolean differs() {
      return !local.equals(remote);
    }
  }

  private ConflictSides() {}

  /** The rows for a conflict's two copies; a side that was deleted reads "Deleted". */
  public static List<Row> of(EntityCopy local, EntityCopy remote, ZoneId zone) {
    // Sorted by key: the keys sort as the lines read (name, status, exercise 1, its sets, exercise 2 …).
    Map<String, String[]> lines = new TreeMap<>();
    Map<String, Boolean> headings = new HashMap<>();
    if (local != null) {
      describe(local, zone, lines, headings, 0);
    }
    if (remote != null) {
      describe(remote, zone, lines, headings, 1);
    }
    List<Row> rows = new ArrayList<>();
    if (local == null || remote == null) {
      rows.add(new Row("", local == null ? "Deleted here" : "Kept here", remote == null ? "Deleted on the server"
          : "Kept on the server", true));
    }
    for (Map.Entry<String, String[]> entry : lines.entrySet()) {
      String[] pair = entry.getValue();
      rows.add(new Row(label(entry.getKey()), Objects.requireNonNullElse(pair[0], ""),
          Objects.requireNonNullElse(pair[1], ""), headings.getOrDefault(entry.getKey(), false)));
    }
    return rows;
  }

  /** The key's visible part: everything after the sort prefix. */
  private static String label(String key) {
    int bar = key.indexOf('|');
    return bar < 0 ? key : key.substring(bar + 1);
  }

  private static void describe(EntityCopy copy, ZoneId zone, Map<String, String[]> lines, Map<String, Boolean> headings,
      int side) {
    SessionStructure structure;
    if (copy.plan() != null) {
      Plan plan = copy.plan();
      put(lines, "a|Name", plan.name(), side);
      if (plan.archived()) {
        put(lines, "b|Status", "Archived", side);
      }
      structure = plan.structure();
    } else {
      Session session = copy.session();
      put(lines, "a|Date", Formats.date(session.date()), side);
      put(lines, "b|Status", session.completed()
          ? "Completed at " + Formats.dateTime(session.endedAt(), zone) + (session.amended() ? " (amended)" : "")
          : "In progress since " + Formats.dateTime(session.startedAt(), zone), side);
      put(lines, "c|Name", session.structure().name() == null ? "Workout" : session.structure().name(), side);
      structure = session.structure();
    }
    if (structure.notes() != null && !structure.notes().isBlank()) {
      put(lines, "d|Notes", structure.notes().strip(), side);
    }
    boolean logged = copy.session() != null;
    Unit unit = structure.unit() == null ? Unit.KG : structure.unit();
    List<Exercise> exercises = structure.exercises();
    for (int i = 0; i < exercises.size(); i++) {
      Exercise exercise = exercises.get(i);
      String key = String.format("e%03d.000|Exercise %d", i + 1, i + 1);
      put(lines, key, exercise.name() + (exercise.superset() == null ? "" : " (superset " + exercise.superset() + ")")
          + (exercise.restSeconds() == null ? "" : ", rest " + exercise.restSeconds() + " s"), side);
      headings.put(key, true);
      for (int j = 0; j < exercise.sets().size(); j++) {
        SetEntry set = exercise.sets().get(j);
        put(lines, String.format("e%03d.%03d|Set %d", i + 1, j + 1, j + 1), logged ? done(set, unit)
            : Formats.setType(set.type()) + ": " + Formats.target(set, unit), side);
      }
    }
  }

  /** "Normal: 5 × 100 kg @ 8, done", "Normal: not done (target 5 × 100 kg)". */
  static String done(SetEntry set, Unit unit) {
    StringBuilder text = new StringBuilder(Formats.setType(set.type())).append(": ");
    if (set.reps() == null && set.weight() == null && set.rpe() == null) {
      text.append(set.completed() ? "done" : "not done").append(" (target ").append(Formats.target(set, unit))
          .append(')');
      return text.toString();
    }
    if (set.reps() != null) {
      text.append(set.reps());
    }
    if (set.weight() != null) {
      text.append(set.reps() != null ? " × " : "").append(NumberText.format(set.weight())).append(' ')
          .append(unit.code());
    } else if (set.reps() != null) {
      text.append(" reps");
    }
    if (set.rpe() != null) {
      text.append(" @ ").append(NumberText.format(set.rpe()));
    }
    return text.append(set.completed() ? ", done" : ", not done").toString();
  }

  private static void put(Map<String, String[]> lines, String key, String text, int side) {
    lines.computeIfAbsent(key, k -> new String[2])[side] = text;
  }
}
