package dev.setwise.service;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.RestCountdown;
import dev.setwise.domain.Session;
import dev.setwise.domain.ValidationException;
import dev.setwise.store.Database;
import dev.setwise.store.RestTimerRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The desktop app's workout state that is not part of a session's snapshot (the contract keeps
 * that strict): the rest countdown of the session in progress, saved as it starts so it survives
 * closing or killing the app, and the profile's rest after warm-up sets. Neither is exported,
 * synced or audited; a countdown goes with its session when it is completed or deleted.
 *
 * <p>Each method is one transaction, scoped to the calling profile; call from any thread but the
 * JavaFX application thread. Database failures are {@link dev.setwise.store.StoreException}.
 */
public final class RestTimerService {

  /** The rest after a warm-up set of a profile that never set one, in seconds. */
  public static final int DEFAULT_WARMUP_REST = 60;
  /** The longest warm-up rest. */
  public static final int MAX_WARMUP_REST = 3600;
  /** The longest rest countdown (an hour's rest, lengthened). */
  public static final int MAX_REST = 7200;

  private final Database database;
  private final RestTimerRepository rests;
  private final SessionRepository sessions;

  public RestTimerService(Database database, RestTimerRepository rests, SessionRepository sessions) {
    this.database = database;
    this.rests = rests;
    this.sessions = sessions;
  }

  /** The saved countdown of the session, if one is running or ended while the app was closed. */
  public Optional<RestCountdown> find(UUID profileId, UUID sessionId) {
    return database.read(tx -> rests.find(tx, profileId, sessionId));
  }

  /**
   * Saves the countdown of a session in progress (replacing the one before): it ends at
   * {@code endsAt} and lasts {@code seconds} in all.
   *
   * @throws ValidationException when {@code seconds} is not 1 to {@value #MAX_REST}, or
   *     {@code Cannot update completed session}
   * @throws NotFoundException {@code Session not found}, also for another profile's session
   */
  public RestCountdown save(UUID profileId, UUID sessionId, Instant endsAt, int seconds) {
    if (seconds < 1 || seconds > MAX_REST || endsAt == null) {
      throw new ValidationException("Invalid rest timer",
          List.of(new Problem("seconds", "must be 1 to " + MAX_REST)));
    }
    RestCountdown rest = new RestCountdown(sessionId, endsAt, seconds);
    return database.write(tx -> {
      inProgress(tx, profileId, sessionId);
      rests.save(tx, profileId, rest);
      return rest;
    });
  }

  /** Forgets the session's countdown (skipped, or over); nothing happens when there is none. */
  public void end(UUID profileId, UUID sessionId) {
    database.write(tx -> {
      rests.delete(tx, profileId, sessionId);
      return null;
    });
  }

  /** The profile's rest after a warm-up set, in seconds ({@value #DEFAULT_WARMUP_REST} until it sets one). */
  public int warmupRest(UUID profileId) {
    return database.read(tx -> rests.warmupRest(tx, profileId)).orElse(DEFAULT_WARMUP_REST);
  }

  /**
   * Sets the profile's rest after a warm-up set.
   *
   * @throws ValidationException when {@code seconds} is not 0 to {@value #MAX_WARMUP_REST}
   */
  public int setWarmupRest(UUID profileId, int seconds) {
    if (seconds < 0 || seconds > MAX_WARMUP_REST) {
      throw new ValidationException("Rest after warm-up sets must be 0 to " + MAX_WARMUP_REST + " seconds");
    }
    return database.write(tx -> {
      rests.saveWarmupRest(tx, profileId, seconds);
      return seconds;
    });
  }

  private Session inProgress(Tx tx, UUID profileId, UUID sessionId) throws SQLException {
    Session session = sessions.find(tx, profileId, sessionId)
        .orElseThrow(() -> new NotFoundException(Messages.SESSION_NOT_FOUND));
    if (session.completed()) {
      throw new ValidationException(Messages.SESSION_COMPLETED);
    }
    return session;
  }
}
