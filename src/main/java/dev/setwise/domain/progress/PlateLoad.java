package dev.setwise.domain.progress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plates per side that load a bar to a weight, from the plates a person owns. When the weight
 * cannot be made exactly, {@code loaded} is the nearest weight that can (the lighter one on a tie),
 * and {@code lighter}/{@code heavier} the nearest on either side (null when there is none).
 */
public record PlateLoad(double target, double bar, double loaded, boolean exact, List<Double> perSide, Double lighter,
    Double heavier) {

  /** Weights are solved in steps of 1 g (0.001 of the unit), which every plate ever sold is a multiple of. */
  private static final int SCALE = 1000;

  public PlateLoad {
    perSide = List.copyOf(perSide);
  }

  /**
   * Solves {@code target} on a bar of {@code bar} with {@code owned} plates (weight → how many of it
   * the person has in all; a pair is needed per weight loaded, one on each side).
   */
  public static PlateLoad solve(double target, double bar, Map<Double, Integer> owned) {
    long barUnits = Math.round(bar * SCALE);
    long plateUnits = Math.max(0, Math.round(target * SCALE) - barUnits);
    long sideTarget = plateUnits / 2;
    boolean even = plateUnits % 2 == 0;
    // Plates per side, heaviest first, each as many times as pairs owned.
    TreeMap<Long, Integer> pairs = new TreeMap<>(Collections.reverseOrder());
    owned.forEach((weight, count) -> {
      if (weight != null && weight > 0 && count != null && count >= 2) {
        pairs.merge(Math.round(weight * SCALE), count / 2, Integer::sum);
      }
    });
    long step = 0;
    long total = 0;
    for (Map.Entry<Long, Integer> plate : pairs.entrySet()) {
      step = gcd(step, plate.getKey());
      total += plate.getKey() * plate.getValue();
    }
    if (step == 0) {
      double only = bar;
      boolean exact = plateUnits == 0;
      return new PlateLoad(target, bar, only, exact, List.of(), exact ? null : only, null);
    }
    // Heaviest plates first is how people load a bar; when that makes the weight, it is the answer.
    List<Double> greedy = new ArrayList<>();
    long left = sideTarget;
    for (Map.Entry<Long, Integer> plate : pairs.entrySet()) {
      for (int copy = 0; copy < plate.getValue() && plate.getKey() <= left; copy++) {
        greedy.add((double) plate.getKey() / SCALE);
        left -= plate.getKey();
      }
    }
    if (left == 0 && even) {
      return new PlateLoad(target, bar, target, true, greedy, null, null);
    }
    // Otherwise: reachable per-side sums in units of `step`, each with the fewest plates (bounded knapsack).
    int size = (int) Math.min(total / step, 2_000_000);
    int[] fewest = new int[size + 1];
    long[] lastPlate = new long[size + 1];
    Arrays.fill(fewest, Integer.MAX_VALUE);
    fewest[0] = 0;
    for (Map.Entry<Long, Integer> plate : pairs.entrySet()) {
      int units = (int) (plate.getKey() / step);
      for (int copy = 0; copy < plate.getValue(); copy++) {
        for (int sum = size; sum >= units; sum--) {
          int from = fewest[sum - units];
          if (from != Integer.MAX_VALUE && from + 1 < fewest[sum]) {
            fewest[sum] = from + 1;
            lastPlate[sum] = plate.getKey();
          }
        }
      }
    }
    long wanted = sideTarget / step;
    boolean divisible = even && sideTarget % step == 0;
    if (divisible && wanted <= size && fewest[(int) wanted] != Integer.MAX_VALUE) {
      return new PlateLoad(target, bar, target, true, plates((int) wanted, fewest, lastPlate, step), null, null);
    }
    Integer below = null;
    for (long sum = Math.min(wanted, size); sum >= 0; sum--) {
      if (fewest[(int) sum] != Integer.MAX_VALUE) {
        below = (int) sum;
        break;
      }
    }
    Integer above = null;
    for (long sum = wanted + 1; sum <= size; sum++) {
      if (fewest[(int) sum] != Integer.MAX_VALUE) {
        above = (int) sum;
        break;
      }
    }
    Double lighter = below == null ? null : (barUnits + 2.0 * below * step) / SCALE;
    Double heavier = above == null ? null : (barUnits + 2.0 * above * step) / SCALE;
    boolean takeHeavier = lighter == null || (heavier != null && heavier - target < target - lighter);
    int chosen = takeHeavier ? above : below;
    return new PlateLoad(target, bar, takeHeavier ? heavier : lighter, false,
        plates(chosen, fewest, lastPlate, step), lighter, heavier);
  }

  private static List<Double> plates(int sum, int[] fewest, long[] lastPlate, long step) {
    List<Double> list = new ArrayList<>();
    int at = sum;
    while (at > 0) {
      long plate = lastPlate[at];
      list.add((double) plate / SCALE);
      at -= (int) (plate / step);
    }
    list.sort(Collections.reverseOrder());
    return list;
  }

  private static long gcd(long a, long b) {
    return b == 0 ? a : gcd(b, a % b);
  }
}
