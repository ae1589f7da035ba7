package dev.setwise.service.sync;

import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.OutboxEntry;
import dev.setwise.domain.sync.SentMark;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncShadow;
import java.util.List;
import java.util.UUID;

/**
 * One outbox entry with what the sender needs to decide what to send: the entity as it is now
 * ({@code null} when it was deleted here), what device and server last agreed on ({@code null} when
 * the server never had it), an update sent whose answer was not recorded ({@code null} for none), the
 * open conflict that holds it ({@code null} for none), for a session the agreement about its plan
 * ({@code null} when the plan is not on the server yet, or it has none), and for a plan the sessions
 * of it the server does not have yet.
 */
public record PushItem(OutboxEntry entry, EntityCopy local, SyncShadow shadow, SentMark sent, SyncConflict conflict,
    SyncShadow planShadow, List<UUID> sessionsNotOnServer) {

  public PushItem {
    sessionsNotOnServer = List.copyOf(sessionsNotOnServer);
  }
}
