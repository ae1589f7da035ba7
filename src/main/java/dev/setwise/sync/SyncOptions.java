package dev.setwise.sync;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How the sync client talks to a server: timeouts on every request, how often and how patiently a
 * failed request is retried (exponential back-off with full jitter: a wait drawn between zero and
 * {@code backoffBase × 2^attempt}, at most {@code backoffMax}), and page sizes. {@code random}
 * draws the jitter; tests pass a seeded one so a run can be repeated.
 *
 * @param connectTimeout how long to wait for a connection
 * @param requestTimeout how long to wait for a whole answer
 * @param attempts how many times a request is sent at most (1 = never retried)
 * @param backoffBase the first wait's upper bound
 * @param backoffMax the upper bound of any wait
 * @param feedPage how many changes to ask the server for at a time (1..500)
 * @param outboxPage how many outbox entries to read (and record) at a time
 * @param parallel how many completed sessions may be sent at once (they depend on nothing but their
 *     plan); everything else is sent one at a time, in order
 */
public record SyncOptions(Duration connectTimeout, Duration requestTimeout, int attempts, Duration backoffBase,
    Duration backoffMax, int feedPage, int outboxPage, int parallel, RandomGenerator random) {

  public SyncOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(backoffBase, "backoffBase");
    Objects.requireNonNull(backoffMax, "backoffMax");
    Objects.requireNonNull(random, "random");
    if (attempts < 1 || feedPage < 1 || feedPage > 500 || outboxPage < 1 || parallel < 1) {
      throw new IllegalArgumentException("attempts, feedPage (1..500), outboxPage and parallel must be positive");
    }
  }

  /** What the app and the command line use: patient enough for a home network, never endless. */
  public static SyncOptions defaults() {
    return new SyncOptions(Duration.ofSeconds(10), Duration.ofSeconds(60), 6, Duration.ofMillis(250),
        Duration.ofSeconds(8), 500, 500, 4, RandomGenerator.getDefault());
  }

  public SyncOptions withTimeouts(Duration connect, Duration request) {
    return new SyncOptions(connect, request, attempts, backoffBase, backoffMax, feedPage, outboxPage, parallel, random);
  }

  public SyncOptions withRetries(int newAttempts, Duration base, Duration max) {
    return new SyncOptions(connectTimeout, requestTimeout, newAttempts, base, max, feedPage, outboxPage, parallel,
        random);
  }

  public SyncOptions withPages(int newFeedPage, int newOutboxPage) {
    return new SyncOptions(connectTimeout, requestTimeout, attempts, backoffBase, backoffMax, newFeedPage,
        newOutboxPage, parallel, random);
  }

  public SyncOptions withRandom(RandomGenerator newRandom) {
    return new SyncOptions(connectTimeout, requestTimeout, attempts, backoffBase, backoffMax, feedPage, outboxPage,
        parallel, newRandom);
  }

  public SyncOptions withParallel(int newParallel) {
    return new SyncOptions(connectTimeout, requestTimeout, attempts, backoffBase, backoffMax, feedPage, outboxPage,
        newParallel, random);
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration backoff(int attempt) {
    long cap = Math.min(backoffMax.toMillis(), backoffBase.toMillis() << Math.min(attempt - 1, 20));
    if (cap <= 0) {
      return Duration.ZERO;
    }
    synchronized (random) {
      return Duration.ofMillis(random.nextLong(cap + 1));
    }
  }
}
