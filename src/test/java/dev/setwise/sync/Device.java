package dev.setwise.sync;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/** One data folder with a profile, as a laptop that syncs: a real SQLite file, the real services. */
final class Device implements AutoCloseable {

  final Path dir;
  final AppContext app;
  final Profile profile;
  SyncClient sync;

  private Device(Path dir, AppContext app, Profile profile, SyncOptions options) {
    this.dir = dir;
    this.app = app;
    this.profile = profile;
    this.sync = app.sync().withOptions(options);
  }

  static Device open(Path dir, String profileName, SyncOptions options) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    AppContext app = AppContext.open(dir, Clock.systemUTC());
    Profile profile = app.profiles().findByName(profileName).orElseGet(() -> app.profiles().create(profileName, Unit.KG));
    return new Device(dir, app, profile, options);
  }

  UUID id() {
    return profile.id();
  }

  void setUp(SyncServer server) {
    sync.setUp(profile.id(), server.url(), server.token);
  }

  void setUp(String url, String token) {
    sync.setUp(profile.id(), url, token);
  }

  SyncReport sync() {
    return sync.syncNow(profile.id(), Progress.NONE, Cancellation.none());
  }

  Snapshot snapshot() {
    return Snapshot.of(app, profile.id());
  }

  @Override
  public void close() {
    app.close();
  }
}
