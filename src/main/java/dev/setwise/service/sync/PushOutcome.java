package dev.setwise.service.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.sync.SyncShadow;
import java.util.UUID;

/** What sending one outbox entry came to, recorded by {@link SyncOutboxService#record}. */
public sealed interface PushOutcome {

  EntityType type();

  UUID id();

  /**
   * Device and server now agree on {@code shadow}. When {@code done}, the entry leaves the outbox,
   * unless a change made meanwhile raised the local version past {@code sentVersion}.
   */
  record Agreed(EntityType type, UUID id, long sentVersion, SyncShadow shadow, boolean done)
      implements PushOutcome {}

  /** The deletion reached the server (or the server had it deleted already). */
  record Deleted(EntityType type, UUID id, long sentVersion) implements PushOutcome {}

  /** Part sent (or nothing yet); the rest waits at the end of the outbox. {@code shadow} may be null. */
  record Deferred(EntityType type, UUID id, SyncShadow shadow) implements PushOutcome {}

  /** The server refused it and retrying cannot help: shown to the user, tried again next sync. */
  record Refused(EntityType type, UUID id, String message) implements PushOutcome {}

  /** An open conflict whose cause went away (the session here is no longer in progress): settled, both kept. */
  record Settled(EntityType type, UUID id, long conflictId) implements PushOutcome {}

  /** A conflict: both versions kept until the user chooses. {@code shadow} is recorded when not null. */
  record Conflicted(ConflictDraft draft, SyncShadow shadow) implements PushOutcome {

    @Override
    public EntityType type() {
      return draft.type();
    }

    @Override
    public UUID id() {
      return draft.entityId();
    }
  }
}
