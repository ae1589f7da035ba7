package dev.setwise.domain.sync;

/** Why a plan or session could not be synced without a choice (contract §5.2, "Conflicts"). */
public enum ConflictKind {
  /** Changed on this device and on the server since they last agreed. */
  CHANGED_BOTH("changed_both"),
  /** Changed on this device, deleted on the server (or a plan deleted there that workouts here use). */
  DELETED_REMOTELY("deleted_remotely"),
  /** Deleted on this device, changed on the server. */
  DELETED_LOCALLY("deleted_locally"),
  /** A session in progress here while another is in progress on the server (one per profile). */
  TWO_IN_PROGRESS("two_in_progress");

  private final String code;

  ConflictKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static ConflictKind fromCode(String code) {
    for (ConflictKind kind : values()) {
      if (kind.code.equals(code)) {
        return kind;
      }
    }
    throw new IllegalArgumentException("unknown conflict kind " + code);
  }
}
