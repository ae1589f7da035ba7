package dev.setwise.service.exchange;

import dev.setwise.domain.Problems;
import dev.setwise.domain.Session;
import dev.setwise.store.ExchangeRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The amendments of a version 2 export, for one {@link ImportRun}: checked against the sessions
 * the file marks {@code "amended": true}, and in {@link ImportRun.Mode#APPLY} written beside them.
 *
 * <p>A session new to the profile was inserted at the version of its original, so its amendments
 * keep their versions (they must follow it one by one, as they did where they were made). A session
 * that was already there keeps its own history: an amendment it already has (the same time and
 * reason) is skipped, a new one is added after its newest version, so importing a file twice changes
 * nothing and a later export of the same data adds only what is new. Only the amended sessions are
 * remembered while the file is read ({@value #MAX_AMENDED_SESSIONS} at most), so memory stays bounded.
 */
final class AmendmentImport {

  /** Sessions marked amended in one file: bounds what is remembered while reading. */
  static final int MAX_AMENDED_SESSIONS = 200_000;
  /** Amendments of one session: the same bound as {@code SessionService.amend}. */
  static final int MAX_PER_SESSION = dev.setwise.service.SessionService.MAX_AMENDMENTS;
  /** Amendments in one file. */
  static final long MAX_AMENDMENTS = 5_000_000;

  /** What is known of one amended session of the file. */
  private static final class Amended {
    final String path;
    final UUID targetId;
    /** The version the file's next amendment of it must have. */
    long expected;
    /** The session's version in the profile (as it will be once this import has added what it adds). */
    long stored;
    /** Its amendments in the profile before this import ({@code at|reason}); empty for a new session. */
    final Set<String> existing;
    /** Nothing of it is imported (its entry had problems, or its copy in the profile cannot take amendments). */
    final boolean skip;
    int count;

    Amended(String path, UUID targetId, long version, long stored, Set<String> existing, boolean skip) {
      this.path = path;
      this.targetId = targetId;
      this.expected = version + 1;
      this.stored = stored;
      this.existing = existing;
      this.skip = skip;
    }
  }

  private final Tx tx;
  private final ImportRun.Mode mode;
  private final SessionRepository sessions;
  private final ExchangeRepository exchange;
  private final Problems problems;
  private final Problems conflicts;
  private final Map<UUID, Amended> amended = new HashMap<>();
  private UUID inProgressId;
  private boolean tooManySessions;
  private long seen;
  long added;
  long alreadyThere;

  AmendmentImport(Tx tx, ImportRun.Mode mode, SessionRepository sessions, ExchangeRepository exchange,
      Problems problems, Problems conflicts) {
    this.tx = tx;
    this.mode = mode;
    this.sessions = sessions;
    this.exchange = exchange;
    this.problems = problems;
    this.conflicts = conflicts;
  }

  /** A session of the file in progress: amendments of it are refused by name. */
  void inProgress(UUID fileId) {
    inProgressId = fileId;
  }

  /**
   * A session of the file marked amended that is new to the profile (or the profile is not known,
   * because the file's profile has problems): it is inserted at its version; amendments follow it.
   */
  void newSession(String path, Session session, UUID targetId) {
    remember(session.id(), new Amended(path, targetId, session.version(), session.version(), Set.of(), false));
  }

  /** A session of the file marked amended that the profile already has ({@code targetId}). */
  void existingSession(String path, Session session, UUID ownerId, UUID targetId) throws SQLException {
    ExchangeRepository.StoredSession stored = exchange.storedSession(tx, ownerId, targetId).orElse(null);
    boolean completed = stored != null && stored.completed();
    if (stored != null && !completed) {
      conflicts.add(path, "is in progress in this profile, so its amendments cannot be added: complete it, "
          + "then import again");
    }
    remember(session.id(), new Amended(path, targetId, session.version(), stored == null ? 0 : stored.version(),
        stored == null ? Set.of() : stored.amendmentKeys(), !completed));
  }

  /** A session of the file marked amended that is not imported (it has problems, or a conflict). */
  void skippedSession(UUID fileId) {
    remember(fileId, new Amended("", null, 0, 0, Set.of(), true));
  }

  private void remember(UUID fileId, Amended state) {
    if (amended.size() >= MAX_AMENDED_SESSIONS) {
      if (!tooManySessions) {
        tooManySessions = true;
        problems.add(state.path.isEmpty() ? ExportFormat.F_SESSIONS : state.path, "is one of more than "
            + MAX_AMENDED_SESSIONS + " sessions marked amended; split the history into several files");
      }
      return;
    }
    amended.putIfAbsent(fileId, state);
  }

  /** One item of {@code amendments}, read and checked on its own ({@link ExportItems#amendment}). */
  void amendment(String path, ExportItems.Amendment amendment, UUID ownerId) throws SQLException {
    if (++seen > MAX_AMENDMENTS) {
      if (seen == MAX_AMENDMENTS + 1) {
        problems.add(ExportFormat.F_AMENDMENTS, "holds more than " + MAX_AMENDMENTS
            + " items; split the history into several files");
      }
      return;
    }
    Amended session = amended.get(amendment.sessionId());
    if (session == null) {
      if (tooManySessions) {
        return;
      }
      problems.add(Problems.child(path, "session_id"), amendment.sessionId().equals(inProgressId)
          ? "refers to a session in progress: only completed sessions are amended"
          : "refers to a session that is not in the file, or not marked \"amended\": true there");
      return;
    }
    if (++session.count > MAX_PER_SESSION) {
      if (session.count == MAX_PER_SESSION + 1) {
        problems.add(path, "is one of more than " + MAX_PER_SESSION + " amendments of session "
            + amendment.sessionId() + "; a session holds at most " + MAX_PER_SESSION);
      }
      return;
    }
    if (amendment.version() != session.expected) {
      problems.add(Problems.child(path, "version"), "must be " + session.expected + ": the amendments of a session "
          + "follow its version one by one, oldest first");
      session.expected = amendment.version() + 1;
      return;
    }
    session.expected++;
    if (session.skip) {
      return;
    }
    if (session.existing.contains(ExchangeRepository.amendmentKey(amendment.at(), amendment.reason()))) {
      alreadyThere++;
      return;
    }
    added++;
    long from = session.stored;
    session.stored++;
    if (mode == ImportRun.Mode.APPLY && problems.isEmpty() && conflicts.isEmpty()
        && !sessions.amend(tx, ownerId, session.targetId, amendment.structure(), amendment.reason(), amendment.at(),
            from)) {
      throw new SQLException("the imported session " + session.targetId + " did not take amendment "
          + amendment.version());
    }
  }

  /** Once the file is read: a session marked amended must have an amendment. */
  void finish() {
    Map<String, Boolean> unamended = new LinkedHashMap<>();
    for (Amended session : amended.values()) {
      if (session.count == 0 && !session.path.isEmpty()) {
        unamended.put(session.path, true);
      }
    }
    unamended.keySet().stream().sorted(AmendmentImport::byIndex).limit(100)
        .forEach(path -> problems.add(Problems.child(path, "amended"), "is true, but no amendment of the session follows"));
  }

  /** Paths such as {@code sessions[12]} in the order of the file. */
  private static int byIndex(String a, String b) {
    return Long.compare(index(a), index(b));
  }

  private static long index(String path) {
    int open = path.lastIndexOf('[');
    try {
      return Long.parseLong(path.substring(open + 1, path.length() - 1));
    } catch (RuntimeException e) {
      return Long.MAX_VALUE;
    }
  }
}
