package dev.setwise.service.sync;

import dev.setwise.domain.Change;
import dev.setwise.domain.SessionAmendment;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One page of the server's change feed to apply, with what the puller fetched besides (see
 * {@link PageNeeds}): the history of amended sessions, plans the sessions need, and the server's
 * current state of local sessions in progress that stand in the way ({@code refreshed}, applied
 * first). {@code nextCursor} is saved in the same transaction.
 */
public record RemotePage(List<Change> changes, Map<UUID, List<SessionAmendment>> histories, List<Change> plans,
    List<Change> refreshed, String nextCursor) {

  public RemotePage {
    changes = List.copyOf(changes);
    histories = Map.copyOf(histories);
    plans = List.copyOf(plans);
    refreshed = List.copyOf(refreshed);
  }
}
