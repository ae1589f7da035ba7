package dev.setwise.service.backup;

import java.util.Optional;

/** Why a backup was made; part of its file name. */
public enum BackupReason {
  /** The first start of the app on a day. */
  DAILY("daily"),
  /** {@code setwise backup create} or the menu item; never removed by retention. */
  MANUAL("manual"),
  BEFORE_MIGRATION("before-migration"),
  BEFORE_IMPORT("before-import"),
  BEFORE_RESTORE("before-restore"),
  /** Before a sync conflict is settled: the version not kept may be deleted or written over. */
  BEFORE_SYNC_RESOLVE("before-sync-resolve"),
  /** Before a sync applies deletions made on another device. */
  BEFORE_SYNC("before-sync"),
  /** Before a profile is deleted; never removed by retention (the one way back). */
  BEFORE_PROFILE_DELETE("before-profile-delete");

  private final String code;

  BackupReason(String code) {
    this.code = code;
  }

  /** True for backups that retention never removes: someone asked for them, or they are the only way back. */
  public boolean keptUntilDeleted() {
    return this == MANUAL || this == BEFORE_PROFILE_DELETE;
  }

  public String code() {
    return code;
  }

  public static Optional<BackupReason> fromCode(String code) {
    for (BackupReason reason : values()) {
      if (reason.code.equals(code)) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
  }
}
