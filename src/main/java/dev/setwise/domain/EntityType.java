package dev.setwise.domain;

/** The kinds of thing the change feed reports; {@link #code()} is the contract's spelling. */
public enum EntityType {
  PLAN("plan"),
  SESSION("session");

  private final String code;

  EntityType(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The kind spelled {@code code}, or {@code null}. */
  public static EntityType fromCode(String code) {
    for (EntityType type : values()) {
      if (type.code.equals(code)) {
        return type;
      }
    }
    return null;
  }
}
