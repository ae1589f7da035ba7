package dev.setwise.ui.sync;

import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.sync.SyncStatus;
import dev.setwise.sync.ConnectionCheck;
import dev.setwise.sync.SyncClient;
import dev.setwise.sync.SyncReport;
import java.util.List;
import java.util.UUID;

/**
 * The sync client as the desktop app calls it: every call first runs a caller check, which the app
 * sets to refuse the JavaFX thread. A database call there is refused by the database's own check,
 * but {@link SyncClient#testConnection} goes to the network without touching the database, so the
 * check is made here for every call. Thread-safe.
 */
public final class SyncCalls {

  private final SyncClient client;
  private volatile Runnable check = () -> { };

  public SyncCalls(SyncClient client) {
    this.client = client;
  }

  /** Runs {@code newCheck} before every call; it may throw to refuse the caller. */
  public void setCallerCheck(Runnable newCheck) {
    check = newCheck == null ? () -> { } : newCheck;
  }

  SyncStatus status(UUID profileId) {
    check.run();
    return client.status(profileId);
  }

  ConnectionCheck testConnection(String serverUrl, String token) {
    check.run();
    return client.testConnection(serverUrl, token);
  }

  ConnectionCheck testSaved(UUID profileId) {
    check.run();
    return client.testSaved(profileId);
  }

  ConnectionCheck setUp(UUID profileId, String serverUrl, String token) {
    check.run();
    return client.setUp(profileId, serverUrl, token);
  }

  List<UUID> profilesThatSync() {
    check.run();
    return client.profilesThatSync();
  }

  SyncReport syncNow(UUID profileId, Progress progress, Cancellation cancellation) {
    check.run();
    return client.syncNow(profileId, progress, cancellation);
  }

  List<SyncConflict> conflicts(UUID profileId) {
    check.run();
    return client.conflicts(profileId);
  }

  SyncConflict resolve(long conflictId, Keep keep) {
    check.run();
    return client.resolve(conflictId, keep);
  }

  boolean off(UUID profileId) {
    check.run();
    return client.off(profileId);
  }
}
