package dev.setwise.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.domain.Session;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.sync.PushItem;
import dev.setwise.service.sync.PushOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One sending pass over the outbox, oldest entry first, a page at a time; what each entry came to
 * is recorded once per page (and when the pass stops for any reason), so memory stays flat and a
 * crash costs at most a page of requests sent again, which the server recognises.
 *
 * <p>Order: entries are sent one after the other, except completed sessions whose plan is on the
 * server (or who have none): they depend on nothing else and nothing depends on them, so they go
 * in batches ({@code POST /api/sessions/batch}, one transaction on the server for up to
 * {@value #BATCH}), up to {@link SyncOptions#parallel()} batches in flight at once. Any other entry
 * waits until those before it are done, so a plan still comes before its sessions and a session
 * ends before the next one starts.
 */
final class Pusher {

  /** The step name of the progress reports while sending. */
  static final String STEP = "Sending changes";

  private final PushRun run;
  private final SyncOptions options;
  private final Progress progress;
  private final Cancellation cancellation;
  private final PlanSender plans;
  private final SessionSender sessions;

  Pusher(PushRun run, SyncOptions options, Progress progress, Cancellation cancellation) {
    this.run = run;
    this.options = options;
    this.progress = progress;
    this.cancellation = cancellation;
    this.plans = new PlanSender(run);
    this.sessions = new SessionSender(run);
  }

  /** At most this many sessions in one {@code POST /api/sessions/batch}. */
  static final int BATCH = 100;
  /** And at most about this many bytes, well below the server's 1 MiB limit on a body. */
  static final int BATCH_BYTES = 512 * 1024;

  /** What a task sent: how many entries, and their outcomes in order. */
  private record Sent(int entries, List<PushOutcome> outcomes) {}

  void run() {
    long total = run.outbox.size(run.profileId);
    long[] done = {0};
    long after = 0;
    progress.update(STEP, 0, total);
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool = options.parallel() <= 1 ? null : Executors.newFixedThreadPool(options.parallel(), task -> {
      Thread thread = new Thread(task, "setwise-sync-send-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    try {
      while (true) {
        List<PushItem> items = run.outbox.next(run.profileId, after, options.outboxPage());
        if (items.isEmpty()) {
          return;
        }
        run.newPage();
        List<PushOutcome> outcomes = new ArrayList<>();
        List<Future<Sent>> inFlight = new ArrayList<>();
        List<PushItem> batch = new ArrayList<>();
        List<byte[]> bodies = new ArrayList<>();
        int batchBytes = 0;
        try {
          for (PushItem item : items) {
            cancellation.check();
            after = item.entry().seq();
            if (independent(item)) {
              byte[] body = run.http.bytes(SessionSender.createBody(item.local()));
              if (!batch.isEmpty() && (batch.size() == BATCH || batchBytes + body.length > BATCH_BYTES)) {
                inFlight.add(submit(pool, batch, bodies));
                batch = new ArrayList<>();
                bodies = new ArrayList<>();
                batchBytes = 0;
              }
              batch.add(item);
              bodies.add(body);
              batchBytes += body.length;
              continue;
            }
            if (!batch.isEmpty()) {
              inFlight.add(submit(pool, batch, bodies));
              batch = new ArrayList<>();
              bodies = new ArrayList<>();
              batchBytes = 0;
            }
            drain(inFlight, outcomes, done, total);
            outcomes.addAll(send(item));
            report(done, 1, total);
          }
          if (!batch.isEmpty()) {
            inFlight.add(submit(pool, batch, bodies));
          }
          drain(inFlight, outcomes, done, total);
        } finally {
          for (Future<Sent> future : inFlight) {
            future.cancel(true);
          }
          run.outbox.record(run.profileId, outcomes);
        }
      }
    } finally {
      if (pool != null) {
        pool.shutdownNow();
      }
    }
  }

  private Future<Sent> submit(ExecutorService pool, List<PushItem> batch, List<byte[]> bodies) {
    List<PushItem> items = List.copyOf(batch);
    List<byte[]> json = List.copyOf(bodies);
    java.util.concurrent.Callable<Sent> task = () -> new Sent(items.size(), sessions.sendBatch(items, json));
    if (pool == null) {
      java.util.concurrent.FutureTask<Sent> now = new java.util.concurrent.FutureTask<>(task);
      now.run();
      return now;
    }
    return pool.submit(task);
  }

  private List<PushOutcome> send(PushItem item) {
    return item.entry().type() == EntityType.PLAN ? plans.send(item) : sessions.send(item);
  }

  /**
   * A completed session the server does not have yet, whose plan it has (or that has none): created
   * in a batch, safe to send beside others.
   */
  private boolean independent(PushItem item) {
    if (item.entry().type() != EntityType.SESSION || item.conflict() != null || item.local() == null
        || item.shadow() != null) {
      return false;
    }
    Session session = item.local().session();
    return session.completed()
        && (session.planId() == null || item.planShadow() != null || run.plansOnServer.contains(session.planId()));
  }

  /** Waits for the sessions in flight, in the order they were sent, and takes their outcomes. */
  private void drain(List<Future<Sent>> inFlight, List<PushOutcome> outcomes, long[] done, long total) {
    while (!inFlight.isEmpty()) {
      Future<Sent> next = inFlight.get(0);
      Sent sent;
      try {
        sent = next.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CancellationException("Interrupted");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (cause instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(cause);
      }
      inFlight.remove(0);
      outcomes.addAll(sent.outcomes());
      report(done, sent.entries(), total);
    }
  }

  private void report(long[] done, int entries, long total) {
    done[0] += entries;
    progress.update(STEP, done[0], Math.max(total, done[0]));
  }
}
