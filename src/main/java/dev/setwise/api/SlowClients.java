package dev.setwise.api;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps slow clients from holding connections and threads (decision record 0018). Jetty's idle
 * timeout alone is not enough: it restarts with every byte, so a client sending one header byte
 * every few seconds ("slowloris") held a connection for ever, and one trickling a body held a
 * request thread as well.
 *
 * <ul>
 *   <li><b>Headers</b>: a connection must deliver the complete headers of a request within
 *       {@link Limits#headerMillis()} of being opened, or of its previous exchange ending (an idle
 *       keep-alive connection is the same case); otherwise it is closed. Watched per connection
 *       (a {@link Connection.Listener}) and per request (this handler).</li>
 *   <li><b>Body</b>: once a request's body has been arriving for {@link Limits#bodyGraceMillis()},
 *       it must average at least {@link Limits#minBodyBytesPerSecond()}, or the next read fails; a
 *       body that stops altogether fails at the connector's idle timeout
 *       ({@link Limits#idleMillis()}: every read waits at most that). 1 MiB at the default minimum
 *       rate takes about two minutes.</li>
 * </ul>
 */
final class SlowClients extends Handler.Wrapper implements Connection.Listener {

  private static final Logger LOG = LoggerFactory.getLogger(SlowClients.class);

  /**
   * The bounds, in one place so that tests can shorten them.
   *
   * @param headerMillis time for the complete headers of a request
   * @param idleMillis how long one read or write may wait for the client (Jetty's default is 30 s)
   * @param bodyGraceMillis how long a body may arrive at any pace before its average rate counts
   * @param minBodyBytesPerSecond the slowest average a body may arrive at after the grace period
   */
  record Limits(long headerMillis, long idleMillis, long bodyGraceMillis, long minBodyBytesPerSecond) {

    /** 10 s for headers, 10 s for any read, then at least 8 KiB/s (64 kbit/s) for a body. */
    static final Limits DEFAULT = new Limits(10_000, 10_000, 10_000, 8 * 1024);
  }

  private final Scheduler scheduler;
  private final Limits limits;
  private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

  SlowClients(Scheduler scheduler, Limits limits) {
    this.scheduler = scheduler;
    this.limits = limits;
  }

  @Override
  public void onOpened(Connection connection) {
    Watch watch = new Watch(connection);
    watches.put(connection, watch);
    watch.waitForHeaders();
  }

  @Override
  public void onClosed(Connection connection) {
    Watch watch = watches.remove(connection);
    if (watch != null) {
      watch.closed();
    }
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Watch watch = watches.get(request.getConnectionMetaData().getConnection());
    if (watch != null) {
      watch.requestStarted();
      Request.addCompletionListener(request, failure -> watch.requestEnded());
    }
    return super.handle(new PacedRequest(request, limits), response, callback);
  }

  /** Open connections being watched (for tests). */
  int watched() {
    return watches.size();
  }

  /**
   * One connection: closed when no request is under way and none has begun in time. The timer is
   * not moved on every request (the scheduler's queue is one lock that every request thread would
   * take twice): the connection notes when it became idle, and a check that fires early because a
   * request came and went since is scheduled again for the time that is left.
   */
  private final class Watch {

    private final Connection connection;
    private int active;
    /** When the connection last became idle (opened, or its last exchange ended), {@link NanoTime}. */
    private long idleSince;
    private Scheduler.Task check;
    private boolean closed;

    Watch(Connection connection) {
      this.connection = connection;
    }

    synchronized void waitForHeaders() {
      idleSince = NanoTime.now();
      if (check == null && !closed) {
        check = scheduler.schedule(this::check, limits.headerMillis(), TimeUnit.MILLISECONDS);
      }
    }

    synchronized void requestStarted() {
      active++;
    }

    synchronized void requestEnded() {
      active--;
      if (active == 0) {
        waitForHeaders();
      }
    }

    synchronized void closed() {
      closed = true;
      if (check != null) {
        check.cancel();
        check = null;
      }
    }

    private void check() {
      synchronized (this) {
        check = null;
        if (closed || active > 0) {
          return; // the end of the request under way starts the wait again
        }
        long left = limits.headerMillis() - NanoTime.millisSince(idleSince);
        if (left > 0) {
          check = scheduler.schedule(this::check, left, TimeUnit.MILLISECONDS);
          return;
        }
      }
      LOG.debug("Closing {}: no complete request headers within {} ms", connection, limits.headerMillis());
      connection.getEndPoint().close(new TimeoutException("request headers not complete in time"));
    }
  }

  /**
   * The request with its body paced: after the grace period, a read that would wait while the
   * average rate is below the minimum fails instead.
   */
  private static final class PacedRequest extends Request.Wrapper {

    private final Limits limits;
    private final long start = NanoTime.now();
    private long bytes;
    private Content.Chunk failure;

    PacedRequest(Request request, Limits limits) {
      super(request);
      this.limits = limits;
    }

    @Override
    public Content.Chunk read() {
      synchronized (this) {
        if (failure != null) {
          return failure;
        }
      }
      Content.Chunk chunk = super.read();
      if (chunk != null && !Content.Chunk.isFailure(chunk)) {
        synchronized (this) {
          bytes += chunk.remaining();
        }
      }
      return chunk;
    }

    @Override
    public void demand(Runnable demandCallback) {
      long elapsedMillis = NanoTime.millisSince(start);
      boolean failed;
      synchronized (this) {
        if (failure == null && elapsedMillis > limits.bodyGraceMillis()
            && bytes * 1000 < limits.minBodyBytesPerSecond() * elapsedMillis) {
          LOG.debug("Refusing a request body that arrives too slowly: {} bytes in {} ms", bytes, elapsedMillis);
          failure = Content.Chunk.from(new TimeoutException("request body arrives too slowly"));
        }
        failed = failure != null;
      }
      if (failed) {
        demandCallback.run();
        return;
      }
      super.demand(demandCallback);
    }
  }
}
