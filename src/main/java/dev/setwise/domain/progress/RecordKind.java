package dev.setwise.domain.progress;

/** The records kept per exercise; contract §4a names the first four. */
public enum RecordKind {
  HEAVIEST_WEIGHT("heaviest_weight", "Heaviest weight"),
  BEST_E1RM("best_e1rm", "Best e1RM"),
  BEST_SET_VOLUME("best_set_volume", "Best set volume"),
  BEST_SESSION_VOLUME("best_session_volume", "Best session volume");

  private final String code;
  private final String title;

  RecordKind(String code, String title) {
    this.code = code;
    this.title = title;
  }

  /** The contract's JSON name. */
  public String code() {
    return code;
  }

  public String title() {
    return title;
  }
}
