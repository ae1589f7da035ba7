package dev.setwise.domain;

import java.util.Locale;

/** What an audit entry records; {@link #code()} is the contract's spelling. */
public enum AuditAction {
  PROFILE_CREATED,
  PROFILE_UPDATED,
  PLAN_CREATED,
  PLAN_UPDATED,
  PLAN_ARCHIVED,
  PLAN_DELETED,
  SESSION_STARTED,
  SESSION_COMPLETED,
  SESSION_DELETED,
  /** A completed session was corrected; its original is kept (contract §5.1a). */
  SESSION_AMENDED,
  /** An export or another app's CSV was imported (issue 5). */
  DATA_IMPORTED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
