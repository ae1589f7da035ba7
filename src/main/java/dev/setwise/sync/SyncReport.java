package dev.setwise.sync;

import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncOutcome;
import dev.setwise.domain.sync.SyncSettings;
import java.util.List;
import java.util.Optional;

/**
 * What one sync did: how many local changes reached the server, how many of the server's changes
 * were applied here, the open conflicts, one line for each change the server refused or that waits
 * (a workout in progress without a plan, a plan waiting for its sessions), how many outbox entries
 * are left ({@code waiting}), and why the sync stopped early, if it did ({@code stopped}: the server
 * could not be reached, refused the token, or failed; what was done until then stays done). In sync
 * means it ran to the end with nothing left, no conflict and nothing refused.
 */
public record SyncReport(int pushed, int pulled, List<SyncConflict> conflicts, List<String> problems, long waiting,
    SyncException stopped) {

  public SyncReport {
    conflicts = List.copyOf(conflicts);
    problems = List.copyOf(problems);
  }

  public boolean inSync() {
    return stopped == null && conflicts.isEmpty() && problems.isEmpty() && waiting == 0;
  }

  /** Why it stopped early; empty when it ran to the end. */
  public Optional<SyncException> failure() {
    return Optional.ofNullable(stopped);
  }

  /** True when it stopped because the server could not be reached: offline, a normal state. */
  public boolean offline() {
    return stopped != null && stopped.kind() == SyncException.Kind.UNREACHABLE;
  }

  /** How it ended, as {@link SyncSettings#lastOutcome()} keeps it for the next look at the status. */
  public SyncOutcome outcome() {
    if (stopped != null) {
      return switch (stopped.kind()) {
        case UNREACHABLE -> SyncOutcome.OFFLINE;
        case REFUSED -> SyncOutcome.REFUSED;
        default -> SyncOutcome.FAILED;
      };
    }
    if (!conflicts.isEmpty()) {
      return SyncOutcome.CONFLICTS;
    }
    return inSync() ? SyncOutcome.SYNCED : SyncOutcome.WAITING;
  }

  /** {@code pushed N, pulled M, conflicts K}: the summary line of {@code setwise sync}. */
  public String summary() {
    return "pushed " + pushed + ", pulled " + pulled + ", conflicts " + conflicts.size();
  }
}
