package dev.setwise.domain.sync;

/**
 * What the server held of a plan or session when device and server last agreed: a plan is active
 * or archived, a session in progress or completed; {@link #DELETED} once the server removed it.
 */
public enum RemoteState {
  ACTIVE("active"),
  ARCHIVED("archived"),
  IN_PROGRESS("in_progress"),
  COMPLETED("completed"),
  DELETED("deleted");

  private final String code;

  RemoteState(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static RemoteState fromCode(String code) {
    for (RemoteState state : values()) {
      if (state.code.equals(code)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown remote state " + code);
  }
}
