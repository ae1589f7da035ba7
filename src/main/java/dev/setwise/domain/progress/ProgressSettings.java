package dev.setwise.domain.progress;

import dev.setwise.domain.Unit;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A profile's settings for the progress side: its bar and the plates it owns (in the profile's
 * unit; how many of each weight in all), what new sets are prefilled from, and the e1RM formula
 * the app shows (the CLI always prints Epley's, as the contract says).
 */
public record ProgressSettings(double barWeight, Map<Double, Integer> plates, Prefill prefill,
    OneRepMax.Formula formula) {

  /** Where the actual fields of a new set take their suggested values from. */
  public enum Prefill {
    PLAN("the plan's targets"),
    LAST_TIME("last time");

    private final String title;

    Prefill(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  public ProgressSettings {
    plates = Collections.unmodifiableMap(new TreeMap<>(plates));
    prefill = prefill == null ? Prefill.PLAN : prefill;
    formula = formula == null ? OneRepMax.Formula.EPLEY : formula;
  }

  /** Prefilled from the plan (as before this setting existed); a common gym: a 20 kg bar with pairs of 25 down to 1.25 kg (four 25s), or a 45 lb bar and 45 lb down to 2.5 lb. */
  public static ProgressSettings defaults(Unit unit) {
    Map<Double, Integer> plates = new TreeMap<>();
    if (unit == Unit.LB) {
      plates.put(45.0, 8);
      plates.put(35.0, 2);
      plates.put(25.0, 2);
      plates.put(10.0, 4);
      plates.put(5.0, 2);
      plates.put(2.5, 2);
      return new ProgressSettings(45, plates, Prefill.PLAN, OneRepMax.Formula.EPLEY);
    }
    plates.put(25.0, 8);
    plates.put(20.0, 2);
    plates.put(15.0, 2);
    plates.put(10.0, 4);
    plates.put(5.0, 2);
    plates.put(2.5, 2);
    plates.put(1.25, 2);
    return new ProgressSettings(20, plates, Prefill.PLAN, OneRepMax.Formula.EPLEY);
  }

  public ProgressSettings withPrefill(Prefill newPrefill) {
    return new ProgressSettings(barWeight, plates, newPrefill, formula);
  }

  public PlateLoad load(double target) {
    return PlateLoad.solve(target, barWeight, plates);
  }
}
