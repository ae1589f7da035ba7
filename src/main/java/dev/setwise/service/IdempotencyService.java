package dev.setwise.service;

import dev.setwise.store.Database;
import dev.setwise.store.IdempotencyRepository;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Makes a request safe to retry: the first successful answer to a request with a given key is
 * recorded, per profile, and a retry with the same key and the same request gets that answer
 * again without doing anything; a retry with the same key and another request is refused.
 *
 * <p>The answer is recorded in the same transaction as the change it reports, so a crash can
 * never leave a change without its record (a retry would repeat the change) or a record without
 * its change. Requests with the same key wait for each other (they share the single writer), so
 * two at once still do the work once. Answers that are not successes are not recorded: nothing
 * changed, and a retry runs again against the current state. Records are kept at least
 * {@link #RETENTION}.
 */
public final class IdempotencyService {

  /** How long an answer is kept for replay, at least. */
  public static final Duration RETENTION = Duration.ofHours(24);
  /** The longest key, in characters. */
  public static final int MAX_KEY_LENGTH = 255;

  private final Database database;
  private final IdempotencyRepository repository;
  private final Clock clock;

  public IdempotencyService(Database database, IdempotencyRepository repository, Clock clock) {
    this.database = database;
    this.repository = repository;
    this.clock = clock;
  }

  /** An answer as it was first given. {@code location} and {@code etag} may be null. */
  public record Answer(int status, String location, String etag, byte[] body) {

    public Answer {
      Objects.requireNonNull(body, "body");
    }

    /** An answer without an {@code ETag}. */
    public Answer(int status, String location, byte[] body) {
      this(status, location, null, body);
    }

    public boolean success() {
      return status >= 200 && status <= 299;
    }
  }

  /** What {@link #execute} did. */
  public enum Kind {
    /** The action ran now; its answer is recorded when it succeeded. */
    EXECUTED,
    /** The key was seen with the same request: the first answer, nothing done. */
    REPLAYED,
    /** The key was seen with another request: nothing done, no answer. */
    KEY_REUSED
  }

  /** The kind of outcome and the answer to give ({@code null} for {@link Kind#KEY_REUSED}). */
  public record Outcome(Kind kind, Answer answer) {}

  /** True for a key of 1 to {@value #MAX_KEY_LENGTH} visible ASCII characters (no spaces). */
  public static boolean isValidKey(String key) {
    return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH
        && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
  }

  /**
   * Runs {@code action} unless this profile already used {@code key}. {@code action} runs on the
   * calling thread inside this method's write transaction: the service calls it makes join that
   * transaction, so the change and the record of its answer commit together. An exception from
   * {@code action} rolls everything back and passes through unchanged.
   *
   * @param fingerprint a hash (32 bytes) of what makes two requests "the same" (method, path, body)
   * @throws IllegalArgumentException for a key that {@link #isValidKey} refuses
   * @throws dev.setwise.store.StoreException when the database fails
   */
  public Outcome execute(UUID profileId, String key, byte[] fingerprint, Supplier<Answer> action) {
    if (!isValidKey(key)) {
      throw new IllegalArgumentException("invalid idempotency key");
    }
    if (fingerprint == null || fingerprint.length != 32) {
      throw new IllegalArgumentException("fingerprint must be 32 bytes");
    }
    return database.writeUnit(tx -> {
      Instant now = clock.instant();
      repository.deleteOlderThan(tx, now.minus(RETENTION));
      Optional<IdempotencyRepository.Entry> seen = repository.find(tx, profileId, key);
      if (seen.isPresent()) {
        IdempotencyRepository.Entry entry = seen.get();
        return MessageDigest.isEqual(entry.fingerprint(), fingerprint)
            ? new Outcome(Kind.REPLAYED, new Answer(entry.status(), entry.location(), entry.etag(), entry.body()))
            : new Outcome(Kind.KEY_REUSED, null);
      }
      Answer answer = Objects.requireNonNull(action.get(), "action answered null");
      if (answer.success()) {
        repository.insert(tx, profileId, key,
            new IdempotencyRepository.Entry(fingerprint, answer.status(), answer.location(), answer.etag(),
                answer.body(), now));
      }
      return new Outcome(Kind.EXECUTED, answer);
    });
  }
}
