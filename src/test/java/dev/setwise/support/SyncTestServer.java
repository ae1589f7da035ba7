package dev.setwise.support;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * A real {@code setwise serve} in this JVM on a loopback port, over a data folder of its own, with
 * one profile and a token: what the desktop app's sync tests talk to. {@link #stop()} takes it off
 * the network (its port then refuses connections: offline) while its data stays readable.
 */
public final class SyncTestServer implements AutoCloseable {

  public final AppContext app;
  public final Profile profile;
  public final String token;
  private final ApiServer server;
  private final String url;
  private boolean stopped;

  private SyncTestServer(AppContext app, ApiServer server, Profile profile, String token) {
    this.app = app;
    this.server = server;
    this.profile = profile;
    this.token = token;
    this.url = server.url();
  }

  public static SyncTestServer start(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AppContext app = AppContext.open(dir, Clock.systemUTC());
    Profile profile = app.profiles().create("Alex", Unit.KG);
    String token = app.tokens().create(profile.id(), "desktop sync test").text();
    ApiServer server = ApiServer.start(new ApiServer.Services(app.sessions(), app.plans(), app.audit(), app.tokens(),
        app.idempotency(), app.changes(), Version.current()), "127.0.0.1", 0);
    return new SyncTestServer(app, server, profile, token);
  }

  public String url() {
    return url;
  }

  /** Stops answering: its port refuses connections from now on. */
  public void stop() {
    if (!stopped) {
      stopped = true;
      server.stop();
    }
  }

  @Override
  public void close() {
    stop();
    app.close();
  }

  /**
   * A port that takes connections and never answers, as a server that hangs: a sync against it waits
   * until it is cancelled (or its request times out).
   */
  public static final class Stalling implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> held = new ArrayList<>();
    private final Thread acceptor;

    public Stalling() {
      try {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try {
            Socket accepted = socket.accept();
            synchronized (held) {
              held.add(accepted);
            }
          } catch (IOException e) {
            return;
          }
        }
      }, "stalling-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    public String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    /** How many connections it took so far. */
    public int connections() {
      synchronized (held) {
        return held.size();
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      synchronized (held) {
        for (Socket each : held) {
          each.close();
        }
      }
    }
  }
}
