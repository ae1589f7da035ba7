package dev.setwise.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.service.sync.ConflictDraft;
import dev.setwise.service.sync.PushItem;
import dev.setwise.service.sync.PushOutcome;
import dev.setwise.service.sync.SyncOutboxService;
import dev.setwise.domain.sync.ConflictKind;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What one sending pass shares: the server, the local outbox, what happened so far in this pass
 * (plans that reached the server, entries already moved to the end once), and what to tell the user.
 * Completed sessions are sent by several threads at once: what they change here is synchronized.
 */
final class PushRun {

  final HttpTransport http;
  final SyncOutboxService outbox;
  final UUID profileId;
  /** Plans that reached the server in this page, before their outcome is recorded. */
  final Set<UUID> plansOnServer = ConcurrentHashMap.newKeySet();
  /** Sessions that reached the server in this page, before their outcome is recorded. */
  final Set<UUID> sessionsOnServer = ConcurrentHashMap.newKeySet();
  /** Entries already moved to the end once in this pass: a second time they wait for the next sync. */
  final Set<UUID> deferred = ConcurrentHashMap.newKeySet();
  /** Refused changes, one line each, by entity (the latest reason). */
  final Map<UUID, String> refused = new LinkedHashMap<>();
  /** Changes that wait (a workout in progress without a plan …), one line each, by entity. */
  final Map<UUID, String> waiting = new LinkedHashMap<>();
  /** Set once the server answers that it has no {@code POST /api/sessions/batch}. */
  volatile boolean batchUnsupported;
  int sent;
  int conflicts;

  PushRun(HttpTransport http, SyncOutboxService outbox, UUID profileId) {
    this.http = http;
    this.outbox = outbox;
    this.profileId = profileId;
  }

  // ---- outcomes, with the user's lines kept in step

  /** A new page of the outbox: its entries were read after the last page's outcomes were recorded. */
  void newPage() {
    plansOnServer.clear();
    sessionsOnServer.clear();
  }

  synchronized PushOutcome agreed(PushItem item, dev.setwise.domain.sync.SyncShadow shadow) {
    sent++;
    (item.entry().type() == EntityType.PLAN ? plansOnServer : sessionsOnServer).add(item.entry().id());
    refused.remove(item.entry().id());
    waiting.remove(item.entry().id());
    return new PushOutcome.Agreed(item.entry().type(), item.entry().id(), item.entry().localVersion(), shadow, true);
  }

  synchronized PushOutcome deleted(PushItem item) {
    sent++;
    refused.remove(item.entry().id());
    waiting.remove(item.entry().id());
    return new PushOutcome.Deleted(item.entry().type(), item.entry().id(), item.entry().localVersion());
  }

  synchronized PushOutcome refused(PushItem item, String why) {
    refused.put(item.entry().id(), "refused " + title(item) + ": " + why);
    return new PushOutcome.Refused(item.entry().type(), item.entry().id(), why);
  }

  synchronized PushOutcome conflict(PushItem item, ConflictKind kind, EntityCopy remote, UUID remoteId, Long remoteVersion,
      dev.setwise.domain.sync.SyncShadow shadow) {
    conflicts++;
    refused.remove(item.entry().id());
    return new PushOutcome.Conflicted(new ConflictDraft(item.entry().type(), item.entry().id(), kind, item.local(),
        remote, remoteId, remoteVersion), shadow);
  }

  synchronized void waits(PushItem item, String why) {
    waiting.put(item.entry().id(), "waiting " + title(item) + ": " + why);
  }

  static String title(PushItem item) {
    return item.local() != null ? item.local().title() : item.entry().type().code() + " " + item.entry().id();
  }

  // ---- reading the server's copy

  Optional<Plan> remotePlan(UUID id) {
    HttpTransport.Answer answer = http.get("/api/plans/" + id);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    expectOk(answer, "GET /api/plans/" + id);
    return Optional.of(Wire.plan(answer));
  }

  /** The server's session with its history (original first), if this profile has it there. */
  Optional<EntityCopy> remoteSession(UUID id) {
    HttpTransport.Answer answer = http.get("/api/sessions/" + id);
    if (answer.status() == 404) {
      return Optional.empty();
    }
    expectOk(answer, "GET /api/sessions/" + id);
    Session session = Wire.session(answer);
    List<SessionAmendment> history = new ArrayList<>();
    if (session.completed()) {
      HttpTransport.Answer amendments = http.get("/api/sessions/" + id + "/amendments");
      if (amendments.status() == 404) {
        return Optional.empty();
      }
      expectOk(amendments, "GET /api/sessions/" + id + "/amendments");
      history.addAll(Wire.amendments(amendments));
    }
    return Optional.of(EntityCopy.of(session, history));
  }

  /** The server's session in progress for this profile, if any. */
  Optional<EntityCopy> remoteInProgress() {
    HttpTransport.Answer answer = http.get("/api/sessions?completed=false&limit=1");
    expectOk(answer, "GET /api/sessions");
    List<UUID> ids = Wire.ids(answer);
    return ids.isEmpty() ? Optional.empty() : remoteSession(ids.get(0));
  }

  EntityCopy remoteCopy(EntityType type, UUID id) {
    if (type == EntityType.PLAN) {
      return remotePlan(id).map(EntityCopy::of).orElse(null);
    }
    return remoteSession(id).orElse(null);
  }

  static void expectOk(HttpTransport.Answer answer, String what) {
    if (!answer.ok()) {
      throw new SyncException(SyncException.Kind.SERVER, "The server answered " + answer.describe() + " to " + what);
    }
  }
}
