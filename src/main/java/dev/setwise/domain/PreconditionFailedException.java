package dev.setwise.domain;

import java.util.OptionalLong;

/**
 * A write named the version it was made from, and the thing has changed since (on another device,
 * in another window): nothing was changed. {@link #currentVersion()} is the version now stored,
 * when known, so a caller can reload and decide.
 */
public final class PreconditionFailedException extends SetwiseException {

  private final long currentVersion;

  public PreconditionFailedException(String message, long currentVersion) {
    super(message);
    this.currentVersion = currentVersion;
  }

  public OptionalLong currentVersion() {
    return currentVersion > 0 ? OptionalLong.of(currentVersion) : OptionalLong.empty();
  }
}
