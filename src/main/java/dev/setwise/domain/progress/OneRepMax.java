package dev.setwise.domain.progress;

import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;

/**
 * Working sets and estimated one-rep maxes as contract §4a defines them. A working set is a
 * completed set that is not a warm-up, with at least one rep and a weight above zero. Its e1RM is
 * the weight itself for one rep, a formula for 2 to 12 reps, and none above 12 (too far from a
 * single to say anything useful).
 */
public final class OneRepMax {

  /** The most reps an e1RM is estimated from. */
  public static final int MAX_REPS = 12;

  /** How an e1RM is estimated. Epley is the contract's; Brzycki is a display option. */
  public enum Formula {
    EPLEY("Epley"),
    BRZYCKI("Brzycki");

    private final String title;

    Formula(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    /** The e1RM of {@code reps} at {@code weight}, or null when there is none (see {@link OneRepMax}). */
    public Double estimate(int reps, double weight) {
      if (reps < 1 || reps > MAX_REPS || !(weight > 0)) {
        return null;
      }
      if (reps == 1) {
        return weight;
      }
      return this == EPLEY ? weight * (1 + reps / 30.0) : weight * 36.0 / (37 - reps);
    }
  }

  private OneRepMax() {}

  /** True for a completed, non-warm-up set with reps ≥ 1 and weight > 0. */
  public static boolean isWorking(SetEntry set) {
    return set.completed() && set.type() != SetType.WARMUP && isWorking(set.reps(), set.weight());
  }

  /** True when reps and weight are those of a working set (its type and completion checked elsewhere). */
  public static boolean isWorking(Integer reps, Double weight) {
    return reps != null && reps >= 1 && weight != null && weight > 0;
  }

  /** The Epley e1RM of a set, or null when it is not a working set or has more than 12 reps. */
  public static Double epley(SetEntry set) {
    return isWorking(set) ? Formula.EPLEY.estimate(set.reps(), set.weight()) : null;
  }
}
