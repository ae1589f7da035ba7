package dev.setwise.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Messages;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.sync.ConflictKind;
import dev.setwise.domain.sync.EntityCopy;
import dev.setwise.domain.sync.RemoteState;
import dev.setwise.domain.sync.SentMark;
import dev.setwise.domain.sync.SyncShadow;
import dev.setwise.service.sync.PushItem;
import dev.setwise.service.sync.PushOutcome;
import dev.setwise.service.sync.SyncCompare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends one session's outbox entry, in the steps the server knows: a start with its id (a session
 * in progress with a plan) or a session logged elsewhere (a completed one, with its original
 * snapshot, {@code started_at} and {@code ended_at}), updates of one in progress, its completion (at
 * its real {@code ended_at}), each amendment (with its time and reason), or a deletion. Each step
 * names the version both last agreed on ({@code If-Match}); after a lost answer the repeat answers
 * 409 or 412 and the server's copy says whether the step was ours. A workout in progress without
 * a plan is not sent until it is completed, and holds nothing else up.
 */
final class SessionSender {

  private final PushRun run;

  SessionSender(PushRun run) {
    this.run = run;
  }

  List<PushOutcome> send(PushItem item) {
    List<PushOutcome> outcomes = new ArrayList<>();
    EntityCopy local = item.local();
    if (item.conflict() != null) {
      boolean over = item.conflict().kind() == ConflictKind.TWO_IN_PROGRESS
          && (local == null || local.session().completed());
      if (!over) {
        return outcomes;
      }
      outcomes.add(new PushOutcome.Settled(EntityType.SESSION, item.entry().id(), item.conflict().id()));
    }
    if (local == null) {
      outcomes.add(delete(item));
      return outcomes;
    }
    Session session = local.session();
    if (session.planId() != null && item.planShadow() == null && !run.plansOnServer.contains(session.planId())) {
      run.waits(item, "its plan is not on the server yet");
      return outcomes;
    }
    if (!session.completed()) {
      if (session.planId() == null) {
        run.waits(item, "in progress without a plan; it is sent once it is completed");
        return outcomes;
      }
      outcomes.addAll(inProgress(item, session));
      return outcomes;
    }
    outcomes.addAll(completed(item, local, null));
    return outcomes;
  }

  /**
   * Sends completed sessions the server does not have yet (see {@link Pusher}) in one
   * {@code POST /api/sessions/batch} ({@code bodies}: each one's create, as JSON), then each one's
   * amendments; a server without that route gets them one by one.
   */
  List<PushOutcome> sendBatch(List<PushItem> items, List<byte[]> bodies) {
    List<PushOutcome> outcomes = new ArrayList<>();
    if (items.size() == 1 || run.batchUnsupported) {
      items.forEach(item -> outcomes.addAll(send(item)));
      return outcomes;
    }
    java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
    json.writeBytes("{\"sessions\":[".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    for (int i = 0; i < bodies.size(); i++) {
      if (i > 0) {
        json.write(',');
      }
      json.writeBytes(bodies.get(i));
    }
    json.writeBytes("]}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    HttpTransport.Answer answer = run.http.sendOnceMinimal("/api/sessions/batch", json.toByteArray());
    List<?> results = answer.status() == 200 && answer.body() instanceof java.util.Map<?, ?> map
        && map.get("data") instanceof List<?> list && list.size() == items.size() ? list : null;
    if (results == null) {
      if (answer.status() == 404 || answer.status() == 405) {
        run.batchUnsupported = true;
      }
      items.forEach(item -> outcomes.addAll(send(item)));
      return outcomes;
    }
    for (int i = 0; i < items.size(); i++) {
      PushItem item = items.get(i);
      Object result = results.get(i);
      int status = result instanceof java.util.Map<?, ?> one && one.get("status") instanceof Number n ? n.intValue()
          : 500;
      // 201: the whole session (a server that does not know the preference), or just its id and version
      Object body = status == 201 && ((java.util.Map<?, ?>) result).containsKey("session")
          ? ((java.util.Map<?, ?>) result).get("session") : result;
      outcomes.addAll(completed(item, item.local(), new HttpTransport.Answer(status, body, null)));
    }
    return outcomes;
  }

  /** The body that creates a completed session: logged elsewhere, with its original snapshot. */
  static Object createBody(EntityCopy local) {
    return Wire.sessionCreate(local.session(), local.history().get(0).session());
  }

  private List<PushOutcome> inProgress(PushItem item, Session session) {
    SyncShadow shadow = item.shadow();
    if (shadow == null) {
      HttpTransport.Answer created = run.http.send("POST", "/api/sessions",
          Wire.sessionCreate(session, session.structure()), null);
      if (created.status() == 201) {
        Session remote = Wire.session(created);
        return List.of(run.agreed(item, new SyncShadow(remote.version(), session.version(), RemoteState.IN_PROGRESS,
            null)));
      }
      if (created.status() == 409 && created.message().equals(Messages.SESSION_IN_PROGRESS)) {
        Optional<EntityCopy> theirs = run.remoteInProgress();
        return List.of(run.conflict(item, ConflictKind.TWO_IN_PROGRESS, theirs.orElse(null),
            theirs.map(EntityCopy::id).orElse(null), theirs.map(EntityCopy::version).orElse(null), null));
      }
      if (created.status() != 409) {
        return List.of(run.refused(item, created.describe()));
      }
      Optional<EntityCopy> remote = run.remoteSession(session.id());
      if (remote.isEmpty()) {
        return List.of(run.refused(item, "the server already has a session with this id that this profile cannot see"));
      }
      Session theirs = remote.get().session();
      if (theirs.completed() || !SyncCompare.sameHead(session, theirs)
          || theirs.version() != 1 && !theirs.structure().equals(session.structure())) {
        return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, remote.get(), null, theirs.version(), null));
      }
      // Our start (its answer lost), untouched since: update it from there.
      shadow = new SyncShadow(theirs.version(), session.version(), RemoteState.IN_PROGRESS, null);
      if (theirs.structure().equals(session.structure())) {
        return List.of(run.agreed(item, shadow));
      }
    }
    if (shadow.state() != RemoteState.IN_PROGRESS) {
      return List.of(conflictWithServerCopy(item, shadow));
    }
    return update(item, session, shadow);
  }

  private List<PushOutcome> update(PushItem item, Session session, SyncShadow shadow) {
    UUID id = session.id();
    String hash = SyncCompare.structureHash(session.structure());
    SentMark earlier = item.sent();
    run.outbox.markSent(run.profileId, EntityType.SESSION, id,
        new SentMark(shadow.remoteVersion() + 1, session.version(), hash));
    HttpTransport.Answer answer = run.http.send("PATCH", "/api/sessions/" + id,
        Wire.sessionUpdate(session.structure()), shadow.remoteVersion());
    if (answer.ok()) {
      Session remote = Wire.session(answer);
      return List.of(run.agreed(item, new SyncShadow(remote.version(), session.version(), RemoteState.IN_PROGRESS,
          null)));
    }
    if (answer.status() != 412 && answer.status() != 404) {
      return List.of(new PushOutcome.Agreed(EntityType.SESSION, id, item.entry().localVersion(), shadow, false),
          run.refused(item, answer.describe()));
    }
    Optional<EntityCopy> remote = run.remoteSession(id);
    if (remote.isEmpty()) {
      return List.of(run.conflict(item, ConflictKind.DELETED_REMOTELY, null, null, null, shadow));
    }
    Session theirs = remote.get().session();
    String theirHash = SyncCompare.structureHash(theirs.structure());
    if (!theirs.completed() && theirs.version() == shadow.remoteVersion() + 1 && theirHash.equals(hash)) {
      return List.of(run.agreed(item, new SyncShadow(theirs.version(), session.version(), RemoteState.IN_PROGRESS,
          null)));
    }
    if (earlier != null && !theirs.completed() && theirs.version() == earlier.remoteVersion()
        && theirHash.equals(earlier.hash())) {
      SyncShadow base = new SyncShadow(theirs.version(), earlier.localVersion(), RemoteState.IN_PROGRESS, null);
      PushItem again = new PushItem(item.entry(), item.local(), base, null, null, item.planShadow(),
          item.sessionsNotOnServer());
      return update(again, session, base);
    }
    return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, remote.get(), null, theirs.version(), shadow));
  }

  private List<PushOutcome> completed(PushItem item, EntityCopy local, HttpTransport.Answer alreadyCreated) {
    Session session = local.session();
    List<SessionAmendment> history = local.history();
    SessionAmendment original = history.get(0);
    SyncShadow shadow = item.shadow();
    if (shadow == null) {
      HttpTransport.Answer created = alreadyCreated != null ? alreadyCreated
          : run.http.send("POST", "/api/sessions", Wire.sessionCreate(session, original.session()), null);
      if (created.status() == 201) {
        long version = Wire.createdVersion(created, session.id());
        shadow = new SyncShadow(version, original.version(), RemoteState.COMPLETED, null);
      } else if (created.status() == 409 && !created.message().equals(Messages.SESSION_IN_PROGRESS)) {
        Optional<EntityCopy> remote = run.remoteSession(session.id());
        if (remote.isEmpty()) {
          return List.of(run.refused(item, "the server already has a session with this id that this profile cannot see"));
        }
        shadow = adopt(local, remote.get());
        if (shadow == null) {
          return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, remote.get(), null, remote.get().version(),
              null));
        }
      } else {
        return List.of(run.refused(item, created.describe()));
      }
    }
    if (shadow.state() == RemoteState.IN_PROGRESS) {
      HttpTransport.Answer done = run.http.send("POST", "/api/sessions/" + session.id() + "/complete",
          Wire.sessionComplete(original.session(), session), shadow.remoteVersion());
      if (done.ok()) {
        Session remote = Wire.session(done);
        shadow = new SyncShadow(remote.version(), original.version(), RemoteState.COMPLETED, null);
      } else if (done.status() == 412 || done.status() == 404) {
        Optional<EntityCopy> remote = run.remoteSession(session.id());
        if (remote.isEmpty()) {
          return List.of(run.conflict(item, ConflictKind.DELETED_REMOTELY, null, null, null, shadow));
        }
        SyncShadow adopted = remote.get().session().completed() ? adopt(local, remote.get()) : null;
        if (adopted == null) {
          return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, remote.get(), null, remote.get().version(),
              shadow));
        }
        shadow = adopted;
      } else {
        return List.of(new PushOutcome.Agreed(EntityType.SESSION, session.id(), item.entry().localVersion(), shadow,
            false), run.refused(item, done.describe()));
      }
    }
    for (SessionAmendment amendment : history.subList(1, history.size())) {
      if (amendment.version() <= shadow.localVersion()) {
        continue;
      }
      HttpTransport.Answer amended = run.http.send("POST", "/api/sessions/" + session.id() + "/amendments",
          Wire.amendment(amendment), shadow.remoteVersion());
      if (amended.status() == 201) {
        shadow = new SyncShadow(Wire.session(amended).version(), amendment.version(), RemoteState.COMPLETED, null);
        continue;
      }
      if (amended.status() != 412 && amended.status() != 404) {
        return List.of(new PushOutcome.Agreed(EntityType.SESSION, session.id(), item.entry().localVersion(), shadow,
            false), run.refused(item, amended.describe()));
      }
      Optional<EntityCopy> remote = run.remoteSession(session.id());
      if (remote.isEmpty()) {
        return List.of(run.conflict(item, ConflictKind.DELETED_REMOTELY, null, null, null, shadow));
      }
      SyncShadow adopted = adopt(local, remote.get());
      if (adopted == null || adopted.localVersion() < amendment.version()) {
        return List.of(run.conflict(item, ConflictKind.CHANGED_BOTH, remote.get(), null, remote.get().version(),
            shadow));
      }
      shadow = adopted;
    }
    return List.of(run.agreed(item, shadow));
  }

  /**
   * When the server's completed copy is this session as far as it goes (same head and original,
   * its amendments a prefix of ours), the agreement up to there; else {@code null} (someone else
   * changed it: a conflict). A copy still in progress at version 1 is our start, untouched.
   */
  private static SyncShadow adopt(EntityCopy local, EntityCopy remote) {
    Session here = local.session();
    Session theirs = remote.session();
    if (!theirs.completed()) {
      return theirs.version() == 1 && SyncCompare.sameHead(withoutEnd(here), theirs)
          ? new SyncShadow(1, 1, RemoteState.IN_PROGRESS, null) : null;
    }
    if (!SyncCompare.sameHead(here, theirs) || remote.history().isEmpty()
        || !SyncCompare.sameRecorded(local.history().get(0).session(), remote.history().get(0).session())) {
      return null;
    }
    List<SessionAmendment> ours = local.amendments();
    List<SessionAmendment> theirAmendments = remote.amendments();
    if (theirAmendments.size() > ours.size()) {
      return null;
    }
    for (int i = 0; i < theirAmendments.size(); i++) {
      if (!SyncCompare.sameAmendment(ours.get(i), theirAmendments.get(i))) {
        return null;
      }
    }
    long localVersion = local.history().get(theirAmendments.size()).version();
    return new SyncShadow(theirs.version(), localVersion, RemoteState.COMPLETED, null);
  }

  private static Session withoutEnd(Session session) {
    return new Session(session.id(), session.planId(), session.date(), session.startedAt(), null,
        session.structure(), session.createdAt(), session.updatedAt(), session.version(), session.amended());
  }

  private PushOutcome delete(PushItem item) {
    UUID id = item.entry().id();
    SyncShadow shadow = item.shadow();
    long version = shadow == null ? 1 : shadow.remoteVersion();
    HttpTransport.Answer answer = run.http.send("DELETE", "/api/sessions/" + id, null, version);
    if (answer.status() == 204 || answer.status() == 404) {
      return run.deleted(item);
    }
    if (answer.status() == 412) {
      Optional<EntityCopy> remote = run.remoteSession(id);
      if (remote.isEmpty()) {
        return run.deleted(item);
      }
      return run.conflict(item, ConflictKind.DELETED_LOCALLY, remote.get(), null, remote.get().version(), null);
    }
    return run.refused(item, answer.describe());
  }

  private PushOutcome conflictWithServerCopy(PushItem item, SyncShadow shadow) {
    Optional<EntityCopy> remote = run.remoteSession(item.entry().id());
    if (remote.isEmpty()) {
      return run.conflict(item, ConflictKind.DELETED_REMOTELY, null, null, null, shadow);
    }
    return run.conflict(item, ConflictKind.CHANGED_BOTH, remote.get(), null, remote.get().version(), shadow);
  }
}
