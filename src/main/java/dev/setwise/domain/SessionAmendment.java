package dev.setwise.domain;

import java.time.Instant;

/**
 * One recorded state of a completed session: its original (as completed, {@code reason} null) or
 * an amendment (a corrected structure and why). {@code version} is the session's version that this
 * state was; {@code at} is when it was recorded (for the original, when the session ended).
 */
public record SessionAmendment(long version, String reason, Instant at, SessionStructure session) {

  public boolean original() {
    return reason == null;
  }
}
