package dev.setwise.domain.progress;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a completed snapshot adds to progress: each completed set with its e1RM, and per exercise
 * (by {@link ExerciseKey}, so an exercise listed twice counts once) its working sets, volume and
 * bests. Numbers stay in the snapshot's unit. This is the one place the derived tables are
 * computed from; plain Java, so the store, a migration and tests agree.
 */
public record SessionDigest(List<SetLine> sets, List<ExerciseLine> exercises, int workingSets, double volume) {

  /** One completed set. {@code e1rm} is Epley's, null unless a working set of 1 to 12 reps. */
  public record SetLine(int exerciseIndex, int setIndex, String key, SetType type, Integer reps, Double weight,
      Double rpe, boolean working, Double e1rm) {}

  /** One exercise of the session with at least one completed set; bests are null without a working set. */
  public record ExerciseLine(String key, String name, int completedSets, int workingSets, double volume,
      Double bestE1rm, Double bestBrzycki, Double heaviest, Double bestSetVolume) {}

  public SessionDigest {
    sets = List.copyOf(sets);
    exercises = List.copyOf(exercises);
  }

  public static SessionDigest of(SessionStructure structure) {
    List<SetLine> sets = new ArrayList<>();
    Map<String, Builder> byKey = new LinkedHashMap<>();
    int working = 0;
    BigDecimal volume = BigDecimal.ZERO;
    for (int e = 0; e < structure.exercises().size(); e++) {
      Exercise exercise = structure.exercises().get(e);
      String key = ExerciseKey.of(exercise.name());
      for (int s = 0; s < exercise.sets().size(); s++) {
        SetEntry set = exercise.sets().get(s);
        if (!set.completed()) {
          continue;
        }
        boolean isWorking = OneRepMax.isWorking(set);
        Double e1rm = isWorking ? OneRepMax.Formula.EPLEY.estimate(set.reps(), set.weight()) : null;
        sets.add(new SetLine(e, s, key, set.type(), set.reps(), set.weight(), set.rpe(), isWorking, e1rm));
        Builder line = byKey.computeIfAbsent(key, k -> new Builder(k, ExerciseKey.tidy(exercise.name())));
        line.completed++;
        if (isWorking) {
          BigDecimal setVolume = BigDecimal.valueOf(set.weight()).multiply(BigDecimal.valueOf(set.reps()));
          working++;
          volume = volume.add(setVolume);
          line.working++;
          line.volume = line.volume.add(setVolume);
          line.bestE1rm = max(line.bestE1rm, e1rm);
          line.bestBrzycki = max(line.bestBrzycki, OneRepMax.Formula.BRZYCKI.estimate(set.reps(), set.weight()));
          line.heaviest = max(line.heaviest, set.weight());
          line.bestSetVolume = max(line.bestSetVolume, setVolume.doubleValue());
        }
      }
    }
    List<ExerciseLine> exercises = byKey.values().stream().map(Builder::build).toList();
    return new SessionDigest(sets, exercises, working, volume.doubleValue());
  }

  private static Double max(Double current, Double candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate > current ? candidate : current;
  }

  private static final class Builder {
    private final String key;
    private final String name;
    private int completed;
    private int working;
    private BigDecimal volume = BigDecimal.ZERO;
    private Double bestE1rm;
    private Double bestBrzycki;
    private Double heaviest;
    private Double bestSetVolume;

    Builder(String key, String name) {
      this.key = key;
      this.name = name;
    }

    ExerciseLine build() {
      return new ExerciseLine(key, name, completed, working, volume.doubleValue(), bestE1rm, bestBrzycki, heaviest,
          bestSetVolume);
    }
  }
}
