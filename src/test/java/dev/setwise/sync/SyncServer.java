package dev.setwise.sync;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/** A real {@code setwise serve} in this JVM on a loopback port, over its own data folder, with one profile and token. */
final class SyncServer implements AutoCloseable {

  final AppContext app;
  final ApiServer server;
  final Profile profile;
  final String token;

  private SyncServer(AppContext app, ApiServer server, Profile profile, String token) {
    this.app = app;
    this.server = server;
    this.profile = profile;
    this.token = token;
  }

  static SyncServer start(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    AppContext app = AppContext.open(dir, Clock.systemUTC());
    Profile profile = app.profiles().create("Alex", Unit.KG);
    String token = app.tokens().create(profile.id(), "sync test").text();
    ApiServer server = ApiServer.start(new ApiServer.Services(app.sessions(), app.plans(), app.audit(), app.tokens(),
        app.idempotency(), app.changes(), Version.current()), "127.0.0.1", 0);
    return new SyncServer(app, server, profile, token);
  }

  /** A profile of its own on the server, with a token: one server serves a whole test class. */
  record Account(Profile profile, String token) {}

  private int accounts;

  Account account() {
    Profile owner = app.profiles().create("Alex " + ++accounts, Unit.KG);
    return new Account(owner, app.tokens().create(owner.id(), "sync test").text());
  }

  Snapshot snapshot(Account account) {
    return Snapshot.of(app, account.profile().id());
  }

  String url() {
    return server.url();
  }

  int port() {
    return server.port();
  }

  Snapshot snapshot() {
    return Snapshot.of(app, profile.id());
  }

  @Override
  public void close() {
    server.stop();
    app.close();
  }
}
