package dev.setwise.domain.sync;

/**
 * How the last sync of a profile ended, for an indicator: {@link #SYNCED} (device and server agree,
 * nothing in conflict), {@link #WAITING} (it ran, but changes wait or were refused), {@link #CONFLICTS},
 * {@link #OFFLINE} (the server could not be reached: a normal state), {@link #REFUSED} (the token),
 * {@link #FAILED} (the server failed), {@link #CANCELLED}.
 */
public enum SyncOutcome {
  SYNCED("synced"),
  WAITING("waiting"),
  CONFLICTS("conflicts"),
  OFFLINE("offline"),
  REFUSED("refused"),
  FAILED("failed"),
  CANCELLED("cancelled");

  private final String code;

  SyncOutcome(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static SyncOutcome fromCode(String code) {
    for (SyncOutcome outcome : values()) {
      if (outcome.code.equals(code)) {
        return outcome;
      }
    }
    throw new IllegalArgumentException("unknown sync outcome " + code);
  }
}
