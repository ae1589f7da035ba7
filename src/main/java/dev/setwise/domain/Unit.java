package dev.setwise.domain;

import java.util.Locale;
import java.util.Optional;

/** The weight unit a structure is written in. */
public enum Unit {
  KG,
  LB;

  /** The JSON and database spelling: {@code "kg"} or {@code "lb"}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Unit> fromCode(String code) {
    for (Unit unit : values()) {
      if (unit.code().equals(code)) {
        return Optional.of(unit);
      }
    }
    return Optional.empty();
  }
}
