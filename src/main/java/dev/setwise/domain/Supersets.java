package dev.setwise.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The superset rule of the contract (§2): consecutive exercises with the same {@code superset}
 * label form a superset. A superset is done round by round: one set of each exercise in turn, then
 * the rest; an exercise with fewer sets simply drops out of the later rounds. An exercise whose
 * label no neighbour shares is an exercise on its own. Works on any list of exercises (the domain's,
 * or the rows of a screen), given how to read their label and rest.
 */
public final class Supersets {

  private Supersets() {}

  /**
   * The exercises in blocks, in order: a superset's consecutive exercises together, every other
   * exercise in a block of its own.
   */
  public static <T> List<List<T>> blocks(List<T> exercises, Function<? super T, String> label) {
    List<List<T>> blocks = new ArrayList<>();
    List<T> current = null;
    String currentLabel = null;
    for (T exercise : exercises) {
      String name = label.apply(exercise);
      if (current != null && name != null && name.equals(currentLabel)) {
        current.add(exercise);
      } else {
        current = new ArrayList<>();
        current.add(exercise);
        blocks.add(current);
        currentLabel = name;
      }
    }
    return blocks;
  }

  /** True when {@code block} (one of {@link #blocks}) is a superset of two exercises or more. */
  public static boolean isSuperset(List<?> block) {
    return block.size() > 1;
  }

  /**
   * The rest after each round of {@code block}: the rest of its last exercise that sets one, so a
   * plan may give the rest on the last exercise only (or on each); null when none does.
   */
  public static <T> Integer roundRest(List<T> block, Function<? super T, Integer> rest) {
    for (int i = block.size() - 1; i >= 0; i--) {
      Integer seconds = rest.apply(block.get(i));
      if (seconds != null) {
        return seconds;
      }
    }
    return null;
  }

  /**
   * The order in which the sets of {@code block} are done: round by round for a superset (the
   * first set of each exercise, then the second of each, …), set by set for a lone exercise.
   */
  public static <T, S> List<S> sequence(List<T> block, Function<? super T, List<S>> sets) {
    List<S> order = new ArrayList<>();
    int rounds = block.stream().mapToInt(e -> sets.apply(e).size()).max().orElse(0);
    for (int round = 0; round < rounds; round++) {
      for (T exercise : block) {
        List<S> own = sets.apply(exercise);
        if (round < own.size()) {
          order.add(own.get(round));
        }
      }
    }
    return order;
  }

  /** The sets of round {@code round} of {@code block}: the {@code round}-th set of each exercise that has one. */
  public static <T, S> List<S> round(List<T> block, Function<? super T, List<S>> sets, int round) {
    List<S> inRound = new ArrayList<>();
    for (T exercise : block) {
      List<S> own = Objects.requireNonNull(sets.apply(exercise));
      if (round < own.size()) {
        inRound.add(own.get(round));
      }
    }
    return inRound;
  }
}
