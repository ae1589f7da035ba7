package dev.setwise.ui.workout;

import dev.setwise.domain.SetType;
import dev.setwise.domain.Supersets;
import java.util.ArrayList;
import java.util.List;

/**
 * The order in which the sets of a workout are done, and so where Ctrl+Enter goes next and when
 * the rest starts: exercise by exercise, and a superset round by round (A1, B1, rest, A2, B2, rest
 * …), its rest starting once every set of the round is done.
 */
final class SetOrder {

  private final List<ExerciseRow> exercises;

  SetOrder(List<ExerciseRow> exercises) {
    this.exercises = exercises;
  }

  /** The exercises in blocks: a superset together, every other exercise on its own. */
  List<List<ExerciseRow>> blocks() {
    return Supersets.blocks(exercises, ExerciseRow::superset);
  }

  /** Every set in the order it is done. */
  List<SetRow> sequence() {
    List<SetRow> all = new ArrayList<>();
    for (List<ExerciseRow> block : blocks()) {
      all.addAll(Supersets.sequence(block, ExerciseRow::sets));
    }
    return all;
  }

  /** The first set not yet done, in order; null when every set is done. */
  SetRow firstNotDone() {
    return sequence().stream().filter(r -> !r.isDone()).findFirst().orElse(null);
  }

  /** The next set not yet done after {@code row}, wrapping round to the start; null when none is left. */
  SetRow nextNotDone(SetRow row) {
    List<SetRow> all = sequence();
    int from = all.indexOf(row);
    for (int i = 1; i <= all.size(); i++) {
      SetRow candidate = all.get(Math.floorMod(from + i, all.size()));
      if (!candidate.isDone()) {
        return candidate;
      }
    }
    return null;
  }

  ExerciseRow exerciseOf(SetRow row) {
    return exercises.stream().filter(e -> e.sets().contains(row)).findFirst().orElse(null);
  }

  /** The block {@code exercise} belongs to. */
  List<ExerciseRow> blockOf(ExerciseRow exercise) {
    return blocks().stream().filter(b -> b.contains(exercise)).findFirst().orElse(List.of(exercise));
  }

  /** A rest to start: how long, and whether it follows warm-ups only. */
  record Rest(int seconds, boolean warmup) {}

  /**
   * The rest to start once {@code row} is done; null for none: the round of a superset is not
   * finished yet, or no rest is set. The rest is the block's (the last exercise of a superset that
   * sets one); after a round of warm-ups only, it is at most {@code warmupRest}.
   */
  Rest restAfter(SetRow row, int warmupRest) {
    ExerciseRow exercise = exerciseOf(row);
    if (exercise == null) {
      return null;
    }
    List<ExerciseRow> block = blockOf(exercise);
    List<SetRow> round = Supersets.round(block, ExerciseRow::sets, exercise.sets().indexOf(row));
    if (round.stream().anyMatch(r -> !r.isDone())) {
      return null;
    }
    Integer rest = Supersets.roundRest(block, ExerciseRow::restSeconds);
    if (rest == null || rest <= 0) {
      return null;
    }
    boolean warmups = round.stream().allMatch(r -> r.type() == SetType.WARMUP);
    int seconds = warmups ? Math.min(rest, Math.max(0, warmupRest)) : rest;
    return seconds > 0 ? new Rest(seconds, warmups) : null;
  }
}
