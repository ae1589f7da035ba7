package dev.setwise.sync;

import dev.setwise.domain.Change;
import dev.setwise.domain.EntityType;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.sync.AppliedPage;
import dev.setwise.service.sync.PageNeeds;
import dev.setwise.service.sync.RemotePage;
import dev.setwise.service.sync.SyncApplyService;
import dev.setwise.service.sync.SyncSettingsService;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One receiving pass: follows the server's change feed from the saved cursor until it has no more,
 * a page at a time; each page is applied in one transaction with the cursor after it, so memory
 * stays flat and a crash re-reads at most one page. Before the first page that deletes something
 * here, a backup is made.
 */
final class Puller {

  /** The step name of the progress reports while receiving. */
  static final String STEP = "Receiving changes";

  private final HttpTransport http;
  private final SyncApplyService apply;
  private final SyncSettingsService settings;
  private final BackupService backups;
  private final UUID profileId;
  private final int limit;
  private final Progress progress;
  private final Cancellation cancellation;
  int applied;
  int conflicts;
  private boolean backedUp;

  Puller(HttpTransport http, SyncApplyService apply, SyncSettingsService settings, BackupService backups,
      UUID profileId, int limit, Progress progress, Cancellation cancellation) {
    this.http = http;
    this.apply = apply;
    this.settings = settings;
    this.backups = backups;
    this.profileId = profileId;
    this.limit = limit;
    this.progress = progress;
    this.cancellation = cancellation;
  }

  void run() {
    String cursor = settings.settings(profileId).map(s -> s.cursor()).orElse(null);
    boolean restarted = false;
    long seen = 0;
    progress.update(STEP, 0, -1);
    while (true) {
      cancellation.check();
      HttpTransport.Answer answer = http.get("/api/changes?limit=" + limit
          + (cursor == null ? "" : "&after=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      if (answer.status() == 400 && cursor != null && !restarted) {
        // The server does not know the cursor (it was replaced or restored): read it all again;
        // what is here already is recognised, nothing is doubled.
        cursor = null;
        restarted = true;
        continue;
      }
      PushRun.expectOk(answer, "GET /api/changes");
      Wire.FeedPage page = Wire.feed(answer);
      List<Change> changes = unknown(page);
      PageNeeds needs = apply.needs(profileId, changes);
      RemotePage remote = fetch(changes, page.nextCursor(), needs);
      if (needs.deletesLocalData() && !backedUp) {
        backups.create(BackupReason.BEFORE_SYNC);
        backedUp = true;
      }
      cancellation.check();
      AppliedPage result = apply.apply(profileId, remote);
      applied += result.applied();
      conflicts += result.conflicts();
      seen += page.changes().size();
      progress.update(STEP, seen, -1);
      if (!page.hasMore()) {
        return;
      }
      if (page.nextCursor().equals(cursor)) {
        // A feed that says there is more but does not move on would be read for ever.
        throw new SyncException(SyncException.Kind.SERVER, "The server at " + http.base()
            + " answered a change feed that does not move on (the same cursor again)");
      }
      cursor = page.nextCursor();
    }
  }

  /** The page's changes this device has not agreed on yet, their data read; the others need nothing. */
  private List<Change> unknown(Wire.FeedPage page) {
    java.util.Set<UUID> agreed = apply.agreed(profileId, page.changes().stream().map(Wire.RawChange::key).toList());
    List<Change> changes = new ArrayList<>();
    for (Wire.RawChange raw : page.changes()) {
      if (!agreed.contains(raw.key().id())) {
        changes.add(Wire.change(raw));
      }
    }
    return changes;
  }

  private RemotePage fetch(List<Change> changes, String nextCursor, PageNeeds needs) {
    List<Change> plans = new ArrayList<>();
    for (UUID planId : needs.plans()) {
      HttpTransport.Answer answer = http.get("/api/plans/" + planId);
      if (answer.status() != 404) {
        PushRun.expectOk(answer, "GET /api/plans/" + planId);
        plans.add(Change.of(Wire.plan(answer)));
      }
    }
    Map<UUID, List<SessionAmendment>> histories = new HashMap<>();
    for (UUID sessionId : needs.histories()) {
      HttpTransport.Answer answer = http.get("/api/sessions/" + sessionId + "/amendments");
      if (answer.status() != 404) {
        PushRun.expectOk(answer, "GET /api/sessions/" + sessionId + "/amendments");
        histories.put(sessionId, Wire.amendments(answer));
      }
    }
    List<Change> refreshed = new ArrayList<>();
    for (UUID sessionId : needs.refresh()) {
      HttpTransport.Answer answer = http.get("/api/sessions/" + sessionId);
      if (answer.status() == 404) {
        refreshed.add(Change.deletion(EntityType.SESSION, sessionId, 1));
        continue;
      }
      PushRun.expectOk(answer, "GET /api/sessions/" + sessionId);
      Change change = Change.of(Wire.session(answer));
      if (change.session().completed() && change.session().amended()) {
        Optional<List<SessionAmendment>> history = historyOf(sessionId);
        history.ifPresent(h -> histories.put(sessionId, h));
      }
      refreshed.add(change);
    }
    return new RemotePage(changes, histories, plans, refreshed, nextCursor);
  }

  private Optional<List<SessionAmendment>> historyOf(UUID sessionId) {
    HttpTransport.Answer answer = http.get("/api/sessions/" + sessionId + "/amendments");
    if (answer.status() == 404) {
      return Optional.empty();
    }
    PushRun.expectOk(answer, "GET /api/sessions/" + sessionId + "/amendments");
    return Optional.of(Wire.amendments(answer));
  }
}
