package dev.setwise.domain.sync;

import java.util.Locale;
import java.util.Optional;

/**
 * Which version a settled conflict keeps: this device's or the server's (the user's choice), or
 * {@link #BOTH} when the cause went away by itself (the other session in progress was completed).
 */
public enum Keep {
  LOCAL,
  REMOTE,
  BOTH;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Keep> fromCode(String code) {
    for (Keep keep : values()) {
      if (keep.code().equals(code)) {
        return Optional.of(keep);
      }
    }
    return Optional.empty();
  }
}
