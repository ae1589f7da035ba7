package dev.setwise.domain;

import java.util.Locale;
import java.util.Optional;

/** The weight unit a structure is written in. */
public enum Unit {
  KG,
  LB;

  private static final Unit[] ALL = values();
  /** Spelled once: a page of the REST list reads one for each of its 50 rows. */
  private final String code = name().toLowerCase(Locale.ROOT);
  private final Optional<Unit> found = Optional.of(this);

  /** The JSON and database spelling: {@code "kg"} or {@code "lb"}. */
  public String code() {
    return code;
  }

  public static Optional<Unit> fromCode(String code) {
    for (Unit unit : ALL) {
      if (unit.code.equals(code)) {
        return unit.found;
      }
    }
    return Optional.empty();
  }
}
