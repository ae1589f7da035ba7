package dev.setwise.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.RemoteState;
import dev.setwise.domain.sync.SentMark;
import dev.setwise.domain.sync.SyncShadow;
import dev.setwise.service.sync.PushItem;
import dev.setwise.service.sync.PushOutcome;
import dev.setwise.service.sync.SyncCompare;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one plan's outbox entry: a create with its id, an update with {@code If-Match} on the
 * version both last agreed on, an archive or a deletion. Every request is safe to repeat: a create
 * whose answer was lost answers 409 next time, an update or deletion 412 or 404, and the server's
 * copy then tells whether it was our own change (its version and content) or someone else's (a
 * conflict). Archiving waits until the server has every session of the plan, so the server archives
 * the plan rather than removing it.
 */
final class PlanSender {

  private final PushRun run;

  PlanSender(PushRun run) {
    this.run = run;
  }

  List<PushOutcome> send(PushItem item) {
    UUID id = item.entry().id();
    if (item.conflict() != null) {
      return List.of();
    }
    if (item.local() == null) {
      return List.of(delete(item));
    }
    Plan local = item.local().plan();
    SyncShadow shadow = item.shadow();
    if (shadow == null) {
      HttpTransport.Answer created = run.http.send("POST", "/api/plans", Wire.planCreate(local), null);
      if (created.status() == 201) {
        Plan remote = Wire.plan(created);
        shadow = new SyncShadow(remote.version(), local.version(), RemoteState.ACTIVE, SyncCompare.planHash(remote));
      } else if (created.status() == 409) {
        Optional<Plan> remote = run.remotePlan(id);
        if (remote.isEmpty()) {
          return List.of(run.refused(item, "the server already has a plan with this id that this profile cannot see"));
        }
        Plan theirs = remote.get();
        if (theirs.version() != 1 && !SyncCompare.samePlanContent(local, theirs)) {
          return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, EntityCopy.of(theirs), null, theirs.version(),
              null));
        }
        // Ours (its answer was lost) or the same plan made elsewhere (one export imported twice).
        shadow = new SyncShadow(theirs.version(), local.version(),
            theirs.archived() ? RemoteState.ARCHIVED : RemoteState.ACTIVE, SyncCompare.planHash(theirs));
      } else {
        return List.of(run.refused(item, created.describe()));
      }
      run.plansOnServer.add(id);
    }
    if (!SyncCompare.planHash(local).equals(shadow.contentHash())) {
      if (shadow.state() == RemoteState.ARCHIVED) {
        return List.of(conflictWithServerCopy(item, shadow));
      }
      Sent updated = update(item, local, shadow);
      if (updated.refusal() != null) {
        return List.of(new PushOutcome.Agreed(EntityType.PLAN, id, item.entry().localVersion(), shadow, false),
            run.refused(item, updated.refusal()));
      }
      if (updated.shadow() == null) {
        return List.of(conflictWithServerCopy(item, shadow));
      }
      shadow = updated.shadow();
    }
    if (local.archived() && shadow.state() == RemoteState.ACTIVE) {
      return archive(item, local, shadow);
    }
    return List.of(run.agreed(item, shadow));
  }

  /** What an update came to: the new agreement, or a conflict (both null), or why it was refused. */
  private record Sent(SyncShadow shadow, String refusal) {}

  /**
   * {@code PATCH} with {@code If-Match}; a {@link SentMark} goes first, so a lost answer is
   * recognised even after a crash.
   */
  private Sent update(PushItem item, Plan local, SyncShadow shadow) {
    UUID id = local.id();
    String hash = SyncCompare.planHash(local);
    SentMark earlier = item.sent();
    run.outbox.markSent(run.profileId, EntityType.PLAN, id,
        new SentMark(shadow.remoteVersion() + 1, local.version(), hash));
    HttpTransport.Answer answer = run.http.send("PATCH", "/api/plans/" + id, Wire.planUpdate(local),
        shadow.remoteVersion());
    if (answer.ok()) {
      Plan remote = Wire.plan(answer);
      return new Sent(new SyncShadow(remote.version(), local.version(), state(remote), hash), null);
    }
    if (answer.status() != 412 && answer.status() != 404) {
      return new Sent(null, answer.describe());
    }
    Optional<Plan> remote = run.remotePlan(id);
    if (remote.isEmpty()) {
      return new Sent(null, null);
    }
    Plan theirs = remote.get();
    String theirHash = SyncCompare.planHash(theirs);
    if (theirs.version() == shadow.remoteVersion() + 1 && theirHash.equals(hash)) {
      return new Sent(new SyncShadow(theirs.version(), local.version(), state(theirs), hash), null);
    }
    if (earlier != null && !theirs.archived() && theirs.version() == earlier.remoteVersion()
        && theirHash.equals(earlier.hash())) {
      // An update sent before (its answer lost), and this device changed the plan again since.
      SyncShadow base = new SyncShadow(theirs.version(), earlier.localVersion(), state(theirs), theirHash);
      PushItem again = new PushItem(item.entry(), item.local(), base, null, null, item.planShadow(),
          item.sessionsNotOnServer());
      return update(again, local, base);
    }
    return new Sent(null, null);
  }

  private List<PushOutcome> archive(PushItem item, Plan local, SyncShadow shadow) {
    UUID id = local.id();
    List<UUID> waiting = item.sessionsNotOnServer().stream().filter(s -> !run.sessionsOnServer.contains(s)).toList();
    if (!waiting.isEmpty()) {
      if (run.deferred.add(id)) {
        return List.of(new PushOutcome.Deferred(EntityType.PLAN, id, shadow));
      }
      run.waits(item, "archived here; it is archived on the server once its " + waiting.size()
          + " workout(s) here are there");
      return List.of(new PushOutcome.Agreed(EntityType.PLAN, id, item.entry().localVersion(), shadow, false));
    }
    HttpTransport.Answer answer = run.http.send("DELETE", "/api/plans/" + id, null, shadow.remoteVersion());
    if (answer.status() == 204) {
      return List.of(run.agreed(item, new SyncShadow(shadow.remoteVersion() + 1, local.version(),
          RemoteState.ARCHIVED, shadow.contentHash())));
    }
    if (answer.status() == 404 || answer.status() == 412) {
      Optional<Plan> remote = run.remotePlan(id);
      if (remote.isEmpty()) {
        return List.of(run.deleted(item));
      }
      Plan theirs = remote.get();
      if (theirs.archived() && SyncCompare.samePlanContent(local, theirs)) {
        return List.of(run.agreed(item, new SyncShadow(theirs.version(), local.version(), RemoteState.ARCHIVED,
            SyncCompare.planHash(theirs))));
      }
      return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, EntityCopy.of(theirs), null, theirs.version(),
          shadow));
    }
    return List.of(new PushOutcome.Agreed(EntityType.PLAN, id, item.entry().localVersion(), shadow, false),
        run.refused(item, answer.describe()));
  }

  private PushOutcome delete(PushItem item) {
    UUID id = item.entry().id();
    SyncShadow shadow = item.shadow();
    // Never agreed on: a create may still have reached the server (its answer lost); remove that
    // copy only while nobody changed it (version 1).
    long version = shadow == null ? 1 : shadow.remoteVersion();
    HttpTransport.Answer answer = run.http.send("DELETE", "/api/plans/" + id, null, version);
    if (answer.status() == 204 || answer.status() == 404) {
      return run.deleted(item);
    }
    if (answer.status() == 412) {
      Optional<Plan> remote = run.remotePlan(id);
      if (remote.isEmpty()) {
        return run.deleted(item);
      }
      return run.conflict(item, ConflictKind.DELETED_LOCALLY, EntityCopy.of(remote.get()), null,
          remote.get().version(), null);
    }
    return run.refused(item, answer.describe());
  }

  private PushOutcome conflictWithServerCopy(PushItem item, SyncShadow shadow) {
    Optional<Plan> remote = run.remotePlan(item.entry().id());
    if (remote.isEmpty()) {
      return run.conflict(item, ConflictKind.DELETED_REMOTELY, null, null, null, shadow);
    }
    return run.conflict(item, ConflictKind.CHANGED_BOTH, EntityCopy.of(remote.get()), null, remote.get().version(),
        shadow);
  }

  private static RemoteState state(Plan plan) {
    return plan.archived() ? RemoteState.ARCHIVED : RemoteState.ACTIVE;
  }
}
