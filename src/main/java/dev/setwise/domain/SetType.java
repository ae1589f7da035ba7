package dev.setwise.domain;

import java.util.Locale;
import java.util.Optional;

/** What kind of set it is; warm-up sets never count towards volume. */
public enum SetType {
  WARMUP,
  NORMAL,
  DROP,
  FAILURE,
  AMRAP;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<SetType> fromCode(String code) {
    for (SetType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
