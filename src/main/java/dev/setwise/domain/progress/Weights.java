package dev.setwise.domain.progress;

import dev.setwise.domain.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Weights between kg and lb (1 lb = 0.45359237 kg exactly), and their rounding for print. */
public final class Weights {

  /** Kilograms in one pound, by definition. */
  public static final double KG_PER_LB = 0.45359237;

  private Weights() {}

  /** {@code value} in {@code from} expressed in {@code to}; unchanged (and exact) when the units agree. */
  public static double convert(double value, Unit from, Unit to) {
    if (from == to) {
      return value;
    }
    return from == Unit.LB ? value * KG_PER_LB : value / KG_PER_LB;
  }

  /** Like {@link #convert(double, Unit, Unit)}; null stays null. */
  public static Double convert(Double value, Unit from, Unit to) {
    return value == null ? null : convert(value.doubleValue(), from, to);
  }

  /** Factor that turns a value in {@code from} into {@code to}. */
  public static double factor(Unit from, Unit to) {
    return convert(1.0, from, to);
  }

  /** Rounded half up to 0.01, as numbers are printed (never stored rounded). */
  public static BigDecimal printed(double value) {
    BigDecimal rounded = new BigDecimal(Double.toString(value)).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }
}
