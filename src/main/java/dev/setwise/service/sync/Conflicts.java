package dev.setwise.service.sync;

import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.store.SyncConflictRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Records a conflict: a new one, or the open one of the same entity brought up to date. */
final class Conflicts {

  private Conflicts() {}

  static long open(Tx tx, SyncConflictRepository conflicts, UUID profileId, ConflictDraft draft, Instant at)
      throws SQLException {
    return open(tx, conflicts, profileId, draft, ConflictText.about(draft), at);
  }

  static long open(Tx tx, SyncConflictRepository conflicts, UUID profileId, ConflictDraft draft, String about,
      Instant at) throws SQLException {
    Optional<SyncConflict> existing = conflicts.openFor(tx, profileId, draft.type(), draft.entityId());
    if (existing.isPresent()) {
      SyncConflict open = existing.get();
      // A side that is not known this time (null) keeps what the conflict had, unless it was deleted.
      conflicts.update(tx, open.id(), draft.kind(), about, draft.local(), draft.remote(),
          draft.remoteId() != null ? draft.remoteId() : open.remoteId(),
          draft.remoteVersion() != null ? draft.remoteVersion() : open.remoteVersion(), at);
      return open.id();
    }
    return conflicts.insert(tx, profileId, draft.type(), draft.entityId(), draft.kind(), about, draft.local(),
        draft.remote(), draft.remoteId(), draft.remoteVersion(), at);
  }
}
