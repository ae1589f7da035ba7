package dev.setwise.domain;

/** A session is in progress until it is completed; then it never changes. */
public enum SessionStatus {
  IN_PROGRESS("in_progress"),
  COMPLETED("completed");

  private final String code;

  SessionStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
