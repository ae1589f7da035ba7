package dev.setwise.sync;

import dev.setwise.domain.ValidationException;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncOutcome;
import dev.setwise.domain.sync.SyncSettings;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.sync.SyncApplyService;
import dev.setwise.service.sync.SyncConflictService;
import dev.setwise.service.sync.SyncOutboxService;
import dev.setwise.service.sync.SyncSettingsService;
import dev.setwise.service.sync.SyncStatus;
import dev.setwise.service.sync.SyncToken;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync client of contract §5.2, for the command line and the desktop app alike: set up a
 * server for a profile, sync now, see where sync stands, settle conflicts, turn it off. The local
 * database stays the truth of this device; sync is something that happens when the server can be
 * reached, and being offline is a normal outcome ({@link SyncException.Kind#UNREACHABLE}).
 *
 * <p><b>Threads.</b> Every method may block on the disk, and {@link #testConnection}, {@link #setUp}
 * and {@link #syncNow} on the network (each request has a timeout, see {@link SyncOptions}): call
 * them from a background thread, never the JavaFX application thread. One sync of a profile runs at a
 * time, across processes; a second one fails at once with {@link SyncException.Kind#BUSY}. Other
 * methods may run while a sync is under way.
 *
 * <p><b>Errors.</b> {@link SyncException} (its kind says why; the message is one line for a user and
 * never holds the token), {@link ValidationException} for a bad URL or token,
 * {@link dev.setwise.domain.NotFoundException} for an unknown conflict, and
 * {@link java.util.concurrent.CancellationException} when cancelled. Nothing is lost on any of
 * them: what reached the server is recorded, the rest waits in the outbox.
 */
public final class SyncClient {

  private static final Logger LOG = LoggerFactory.getLogger(SyncClient.class);
  /** At most this many rounds of send-then-receive per sync, when changes keep coming. */
  private static final int ROUNDS = 3;

  private final SyncSettingsService settings;
  private final SyncOutboxService outbox;
  private final SyncApplyService apply;
  private final SyncConflictService conflicts;
  private final BackupService backups;
  private final Path dataDir;
  private final String version;
  private final SyncOptions options;

  public SyncClient(SyncSettingsService settings, SyncOutboxService outbox, SyncApplyService apply,
      SyncConflictService conflicts, BackupService backups, Path dataDir, String version, SyncOptions options) {
    this.settings = settings;
    this.outbox = outbox;
    this.apply = apply;
    this.conflicts = conflicts;
    this.backups = backups;
    this.dataDir = dataDir;
    this.version = version;
    this.options = options;
  }

  /** The same client with other timeouts, retries or page sizes (tests, a slow network). */
  public SyncClient withOptions(SyncOptions newOptions) {
    return new SyncClient(settings, outbox, apply, conflicts, backups, dataDir, version, newOptions);
  }

  public SyncOptions options() {
    return options;
  }

  /**
   * Where sync stands for the profile: off, or the server, the last successful sync, how many local
   * changes wait, the open conflicts (with both versions) and the changes the server refused. Reads
   * the database only; fast enough to call on every screen refresh from a background thread.
   */
  public SyncStatus status(UUID profileId) {
    return settings.status(profileId);
  }

  /** Every profile of this data folder that has sync set up, oldest set-up first. Reads the database only. */
  public List<UUID> profilesThatSync() {
    return settings.profilesThatSync();
  }

  /**
   * Checks a server without remembering anything: it answers its health check as a Setwise server
   * with a change feed, and accepts the token. Two attempts at most, so a wrong address fails fast.
   *
   * @throws ValidationException {@code Invalid server URL} or {@code Invalid token}
   * @throws SyncException {@code UNREACHABLE} (no answer), {@code REFUSED} (the token), {@code SERVER}
   *     (not a Setwise server with sync, or it failed)
   */
  public ConnectionCheck testConnection(String serverUrl, String token) {
    String url = SyncSettingsService.normalizeServerUrl(serverUrl);
    SyncToken checked = SyncToken.of(token);
    SyncOptions quick = options.withRetries(Math.min(2, options.attempts()), options.backoffBase(),
        options.backoffMax());
    HttpTransport http = new HttpTransport(HttpTransport.newClient(quick), url, checked, quick, Cancellation.none(),
        version);
    HttpTransport.Answer health = http.health();
    if (health.status() != 200 || !(health.body() instanceof Map<?, ?> body) || !"ok".equals(body.get("status"))) {
      throw new SyncException(SyncException.Kind.SERVER, "The server at " + url
          + " does not answer as a Setwise server (" + health.describe() + " to /api/health)");
    }
    String serverVersion = String.valueOf(body.get("version"));
    HttpTransport.Answer feed = http.get("/api/changes?limit=1");
    if (feed.status() == 404) {
      throw new SyncException(SyncException.Kind.SERVER, "The server at " + url
          + " cannot sync (it has no change feed): update Setwise there");
    }
    PushRun.expectOk(feed, "GET /api/changes");
    return new ConnectionCheck(url, serverVersion);
  }

  /**
   * {@link #testConnection} with the server and token the profile already syncs with, so the
   * desktop app can test it without the token being shown or typed again.
   *
   * @throws SyncException {@code NOT_SET_UP} when sync is off for the profile or its token is
   *     missing; else as {@link #testConnection}
   */
  public ConnectionCheck testSaved(UUID profileId) {
    SyncSettings current = settings.settings(profileId).orElseThrow(() -> new SyncException(
        SyncException.Kind.NOT_SET_UP, "Sync is not set up for this profile"));
    SyncToken token = settings.token(profileId).orElseThrow(() -> new SyncException(SyncException.Kind.NOT_SET_UP,
        "The sync token of this profile is missing: set it up again"));
    return testConnection(current.serverUrl(), token.reveal());
  }

  /**
   * Checks the server and token ({@link #testConnection}), then remembers them for the profile: the
   * token in a file of the data folder readable by its owner only. Changing the token of the same
   * server keeps everything; another server starts over (every plan and session here is sent, every
   * change there is read; nothing is doubled). Nothing is remembered when the check fails.
   *
   * @throws ValidationException {@code Invalid server URL} or {@code Invalid token}
   * @throws SyncException as {@link #testConnection}
   */
  public ConnectionCheck setUp(UUID profileId, String serverUrl, String token) {
    ConnectionCheck check = testConnection(serverUrl, token);
    settings.setUp(profileId, check.serverUrl(), SyncToken.of(token));
    return check;
  }

  /**
   * Syncs the profile now: sends every local change not yet on the server (in order, plans before
   * the sessions that use them), then applies every change of the server here, and repeats while
   * either side moved (a few rounds at most). {@code progress} hears {@value Pusher#STEP} (done of
   * total entries) and {@value Puller#STEP} (changes seen, total unknown) on this thread, often:
   * keep it cheap. {@code cancellation} stops the sync between two requests (or during a wait); what
   * was done stays done.
   *
   * @return what the sync did; {@link SyncReport#inSync()} when device and server agree with no
   *     conflict. A sync the server stopped (offline, {@link SyncReport#offline()}; the token refused;
   *     the server failing) returns too, with what it did until then and {@link SyncReport#failure()}:
   *     nothing is lost, the rest waits for the next sync
   * @throws SyncException {@code NOT_SET_UP}, {@code BUSY} (another sync of the profile runs),
   *     {@code UNSAFE}
   * @throws CancellationException when cancelled
   */
  public SyncReport syncNow(UUID profileId, Progress progress, Cancellation cancellation) {
    SyncSettings current = settings.settings(profileId).orElseThrow(() -> new SyncException(
        SyncException.Kind.NOT_SET_UP, "Sync is not set up for this profile: run 'setwise sync setup --server URL "
            + "--token TOKEN'"));
    SyncToken token = settings.token(profileId).orElseThrow(() -> new SyncException(SyncException.Kind.NOT_SET_UP,
        "The sync token of this profile is missing: run 'setwise sync setup' again"));
    try (ProfileLock lock = ProfileLock.acquire(dataDir.resolve(SyncSettingsService.FOLDER)
        .resolve(profileId + ".lock"))) {
      long started = System.nanoTime();
      HttpTransport http = new HttpTransport(HttpTransport.newClient(options), current.serverUrl(), token, options,
          cancellation, version);
      int pushed = 0;
      int pulled = 0;
      PushRun last = null;
      SyncException stopped = null;
      try {
        for (int round = 1; round <= ROUNDS; round++) {
          PushRun run = new PushRun(http, outbox, profileId);
          last = run;
          try {
            new Pusher(run, options, progress, cancellation).run();
          } finally {
            pushed += run.sent;
          }
          Puller puller = new Puller(http, apply, settings, backups, profileId, options.feedPage(), progress,
              cancellation);
          try {
            puller.run();
          } finally {
            pulled += puller.applied;
          }
          // Another round only when entries are left that this one did not find waiting, refused or
          // in conflict: changes made meanwhile, or ones the changes received set free.
          long stuck = run.waiting.size() + run.refused.size() + conflicts.open(profileId).size();
          if (outbox.size(profileId) <= stuck) {
            break;
          }
        }
      } catch (SyncException e) {
        if (e.kind() == SyncException.Kind.UNSAFE) {
          throw e;
        }
        stopped = e;
        LOG.info("Sync of profile {} stopped: {}", profileId, e.getMessage());
      } catch (CancellationException e) {
        settings.recordAttempt(profileId, SyncOutcome.CANCELLED, "Cancelled");
        throw e;
      }
      List<String> problems = new ArrayList<>(last == null ? List.of() : last.refused.values());
      problems.addAll(last == null ? List.of() : last.waiting.values());
      SyncStatus status = settings.status(profileId);
      SyncReport report = new SyncReport(pushed, pulled, status.conflicts(), problems, status.waiting(), stopped);
      settings.recordAttempt(profileId, report.outcome(), report.inSync() ? null
          : stopped != null ? stopped.getMessage()
          : report.conflicts().isEmpty() && !problems.isEmpty() ? problems.get(0)
          : report.conflicts().isEmpty() ? report.waiting() + " change(s) wait"
          : report.conflicts().size() + " conflict(s) to settle");
      LOG.info("Synced profile {}: {} in {} ms", profileId, report.summary(),
          Duration.ofNanos(System.nanoTime() - started).toMillis());
      return report;
    }
  }

  /** The profile's open conflicts, oldest first, each with both versions. Reads the database only. */
  public List<SyncConflict> conflicts(UUID profileId) {
    return conflicts.open(profileId);
  }

  /**
   * Settles a conflict ({@code sync resolve ID --keep local|remote}): a backup of the data folder
   * first, then this device holds the version kept; the next {@link #syncNow} tells the server.
   * Works offline.
   *
   * @param keep {@link Keep#LOCAL} or {@link Keep#REMOTE}
   * @throws dev.setwise.domain.NotFoundException {@code No open conflict N}
   * @throws dev.setwise.domain.ConflictException when the version kept cannot be put in place here yet
   */
  public SyncConflict resolve(long conflictId, Keep keep) {
    return conflicts.resolve(conflictId, keep);
  }

  /**
   * Turns sync off for the profile: forgets the server, the token, the outbox and the conflicts.
   * Local plans and sessions stay.
   *
   * @return false when it was off already
   */
  public boolean off(UUID profileId) {
    return settings.off(profileId);
  }
}
