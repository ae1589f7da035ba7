package dev.setwise.ui.sync;

import dev.setwise.domain.sync.SyncOutcome;
import dev.setwise.domain.sync.SyncSettings;
import dev.setwise.service.sync.SyncStatus;
import dev.setwise.ui.common.Formats;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the header's sync indicator says: a few words ({@code text}) and a sentence for its tooltip
 * ({@code detail}). Worked out from a status read and whether a sync of the profile runs now, in
 * this order: off, syncing, conflicts, offline, a problem (the token refused, the server failing),
 * changes waiting, synced at. Offline is a normal state and reads calmly.
 */
public record SyncIndicator(Kind kind, String text, String detail) {

  /** The state shown; the view styles each (conflicts and problems stand out, offline does not). */
  public enum Kind { OFF, SYNCING, CONFLICTS, OFFLINE, PROBLEM, WAITING, SYNCED, NOT_YET }

  /** Before the first status read: nothing to say yet. */
  public static final SyncIndicator UNKNOWN = new SyncIndicator(Kind.OFF, "", "");

  /** True when a click opens the conflict review (else it opens the sync settings). */
  public boolean opensReview() {
    return kind == Kind.CONFLICTS;
  }

  /**
   * @param status the profile's sync status
   * @param syncing whether a sync of the profile runs now
   * @param progress what the running sync does ("Sending 40 of 120 changes"), or null
   * @param note a passing word on the last try (another sync was running), or null
   */
  public static SyncIndicator of(SyncStatus status, boolean syncing, String progress, String note, Instant now,
      ZoneId zone) {
    if (status == null) {
      return UNKNOWN;
    }
    if (!status.enabled()) {
      return new SyncIndicator(Kind.OFF, "Sync off",
          "Sync is off for this profile. Set it up in File → Sync settings…");
    }
    SyncSettings settings = status.settings().orElseThrow();
    String last = lastSynced(settings.lastSuccessAt(), now, zone);
    String waiting = changes(status.waiting());
    if (syncing) {
      return new SyncIndicator(Kind.SYNCING, "Syncing…", "Syncing with " + settings.serverUrl()
          + (progress == null || progress.isBlank() ? "" : ": " + progress) + ".");
    }
    int conflicts = status.conflicts().size();
    if (conflicts > 0) {
      return new SyncIndicator(Kind.CONFLICTS, conflicts == 1 ? "1 conflict" : conflicts + " conflicts",
          (conflicts == 1 ? "A plan or workout was" : "Plans or workouts were") + " changed here and on the server. "
              + "Click to review and keep one version; until then both are kept.");
    }
    SyncOutcome outcome = settings.lastOutcome();
    String noteText = note == null ? "" : " " + note;
    if (outcome == SyncOutcome.OFFLINE) {
      return new SyncIndicator(Kind.OFFLINE, "Offline", "The server at " + settings.serverUrl()
          + " cannot be reached now. " + (status.waiting() == 0 ? "Nothing waits to be sent."
              : capitalised(waiting) + " here, sent at the next sync.") + " " + last + noteText);
    }
    if (outcome == SyncOutcome.REFUSED) {
      return new SyncIndicator(Kind.PROBLEM, "Token refused", "The server at " + settings.serverUrl()
          + " refused the token: set a new one in File → Sync settings…. " + last + noteText);
    }
    if (outcome == SyncOutcome.FAILED) {
      return new SyncIndicator(Kind.PROBLEM, "Sync failed", sentence(settings.lastError()) + " Nothing was lost; "
          + "the next sync tries again. " + last + noteText);
    }
    if (status.waiting() > 0) {
      String refused = status.refused().isEmpty() ? ""
          : " The server refused " + (status.refused().size() == 1 ? "one of them: " : status.refused().size()
              + " of them, the first: ") + sentence(status.refused().get(0).lastError());
      return new SyncIndicator(Kind.WAITING, waiting, capitalised(waiting) + " to send to " + settings.serverUrl()
          + "." + refused + " " + last + noteText);
    }
    if (settings.lastSuccessAt() == null) {
      return new SyncIndicator(Kind.NOT_YET, "Not synced yet", "Set up with " + settings.serverUrl()
          + "; the first sync has not finished yet." + noteText);
    }
    return new SyncIndicator(Kind.SYNCED, "Synced " + when(settings.lastSuccessAt(), now, zone),
        "This device and " + settings.serverUrl() + " hold the same plans and workouts. " + last + noteText);
  }

  /** "at 18:42" today, "on 24 Nov 2026, 18:42" before. */
  static String when(Instant at, Instant now, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    return day.equals(now.atZone(zone).toLocalDate()) ? "at " + Formats.time(at, zone)
        : "on " + Formats.dateTime(at, zone);
  }

  private static String lastSynced(Instant at, Instant now, ZoneId zone) {
    return at == null ? "Never synced yet." : "Last synced " + when(at, now, zone) + ".";
  }

  /** "1 change waiting", "3 changes waiting". */
  static String changes(long waiting) {
    return waiting == 1 ? "1 change waiting" : waiting + " changes waiting";
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String sentence(String text) {
    if (text == null || text.isBlank()) {
      return "The server failed.";
    }
    String line = text.strip();
    char end = line.charAt(line.length() - 1);
    return end == '.' || end == '!' || end == '?' || end == '…' ? line : line + ".";
  }
}
