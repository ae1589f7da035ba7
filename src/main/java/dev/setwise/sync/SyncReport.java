package dev.setwise.sync;

import dev.setwise.domain.sync.SyncConflict;
import java.util.List;

/**
 * What one sync did: how many local changes reached the server, how many of the server's changes
 * were applied here, the open conflicts, and one line for each change the server refused or that
 * waits (a workout in progress without a plan, a plan waiting for its sessions). {@code waiting} is
 * how many outbox entries are left. In sync means nothing left, no conflict, nothing refused.
 */
public record SyncReport(int pushed, int pulled, List<SyncConflict> conflicts, List<String> problems, long waiting) {

  public SyncReport {
    conflicts = List.copyOf(conflicts);
    problems = List.copyOf(problems);
  }

  public boolean inSync() {
    return conflicts.isEmpty() && problems.isEmpty() && waiting == 0;
  }

  /** {@code pushed N, pulled M, conflicts K}: the summary line of {@code setwise sync}. */
  public String summary() {
    return "pushed " + pushed + ", pulled " + pulled + ", conflicts " + conflicts.size();
  }
}
