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
  DATA_IMPORTED,
  /** An exercise was renamed or merged into another through an alias (issue 10). */
  EXERCISE_RENAMED,
  /** An alias was removed: the exercise counts on its own again (issue 10). */
  EXERCISE_ALIAS_REMOVED,
  /** Bar, plates or prefill settings of a profile changed (issue 10). */
  PROGRESS_SETTINGS_UPDATED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
