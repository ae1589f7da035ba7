package dev.setwise.service.exchange;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.Ids;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Problems;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.AuditLog;
import dev.setwise.service.ProfileService;
import dev.setwise.store.ExchangeRepository;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.SessionBatch;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One pass of an import inside one transaction: resolves the target profile, decides for every
 * plan and session whether it is new, already there (a duplicate, skipped) or in conflict, and in
 * {@link Mode#APPLY} inserts what is new. The same code checks (in a read transaction) and
 * imports (in the write transaction), so the dry run and the import cannot disagree.
 *
 * <p>In {@link Mode#APPLY} new sessions go to the database in JDBC batches ({@link SessionBatch}),
 * only while the file has shown no problem and no conflict: the first one makes
 * {@link #checkpoint} throw {@link Abandoned}, the transaction is rolled back and the caller gets
 * the full report from a dry run instead (a file the dry run finds clean is imported in this one
 * pass, read and validated once).
 *
 * <p>Ids: an item keeps its id unless another profile in this data folder already uses it (the
 * same file imported into a second profile); it then gets an id derived from the target profile
 * and the original id, the same on every run, so re-importing finds it again and skips it.
 */
final class ImportRun {

  enum Mode { ANALYZE, APPLY }

  /** Thrown by {@link #checkpoint} in {@link Mode#APPLY} once the file has a problem or a conflict. */
  static final class Abandoned extends RuntimeException {
    Abandoned() {
      super("the file has a problem or a conflict", null, false, false);
    }
  }

  /** More plans than any person keeps; bounds the id map. */
  static final int MAX_PLANS = 100_000;
  /** Bounds the list of session ids kept to find repeats (16 bytes each). */
  static final int MAX_SESSIONS = 5_000_000;

  private final Tx tx;
  private final Mode mode;
  private final ProfileRepository profiles;
  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final ExchangeRepository exchange;
  private final AuditLog audit;
  private final Clock clock;

  final Problems problems = new Problems();
  final Problems conflicts = new Problems();
  private Profile target;
  private boolean createsProfile;
  private boolean targetKnown;
  long plansNew;
  long plansDuplicate;
  long sessionsNew;
  long sessionsDuplicate;
  long idsRemapped;
  /** The first and last date of the file's sessions (new or already there), or null. */
  LocalDate firstDate;
  LocalDate lastDate;
  private final Map<UUID, UUID> planIds = new HashMap<>();
  private final IdList sessionIds = new IdList();
  /** In {@link Mode#APPLY}: the new sessions not sent yet, and the plans already marked as used. */
  private SessionBatch batch;
  private final Set<UUID> plansMarked = new HashSet<>();
  private String inProgressPath;
  private Boolean targetHasInProgress;
  private boolean tooMany;
  /** The amendments of a version 2 export. */
  final AmendmentImport amendments;

  ImportRun(Tx tx, Mode mode, ProfileRepository profiles, PlanRepository plans, SessionRepository sessions,
      ExchangeRepository exchange, AuditLog audit, Clock clock) {
    this.tx = tx;
    this.mode = mode;
    this.profiles = profiles;
    this.plans = plans;
    this.sessions = sessions;
    this.exchange = exchange;
    this.audit = audit;
    this.clock = clock;
    this.amendments = new AmendmentImport(tx, mode, sessions, exchange, problems, conflicts);
  }

  Profile target() {
    return target;
  }

  boolean createsProfile() {
    return createsProfile;
  }

  boolean clean() {
    return problems.isEmpty() && conflicts.isEmpty();
  }

  /**
   * In {@link Mode#APPLY}: stops the pass as soon as the file has a problem or a conflict, since
   * nothing of it will be imported (the caller rolls back and reports from a dry run).
   *
   * @throws Abandoned then
   */
  void checkpoint() {
    if (mode == Mode.APPLY && !clean()) {
      throw new Abandoned();
    }
  }

  /** Sends the sessions still queued (before anything reads them back, and at the end). */
  void flush() throws SQLException {
    if (batch != null) {
      batch.flush();
    }
  }

  /** Closes the statements of the pass (in its transaction); what was not flushed is dropped. */
  void close() throws SQLException {
    if (batch != null) {
      batch.close();
      batch = null;
    }
  }
  /**
   * The target of a Setwise export: the profile named by the user, else the file's own profile
   * (by id, then by name), created when it does not exist.
   *
   * @param fromFile the file's profile, or null when it had problems (then nothing is looked up)
   */
  void targetFromFile(Profile fromFile, String requestedName) throws SQLException {
    if (requestedName != null) {
      String name = checkName(requestedName);
      Optional<Profile> named = profiles.findByName(tx, name);
      if (named.isPresent()) {
        use(named.get(), false);
      } else if (fromFile != null) {
        use(new Profile(Ids.newId(), name, fromFile.unit(), clock.instant()), true);
      }
      return;
    }
    if (fromFile == null) {
      return;
    }
    Optional<Profile> existing = profiles.find(tx, fromFile.id());
    if (existing.isEmpty()) {
      existing = profiles.findByName(tx, fromFile.name());
    }
    if (existing.isPresent()) {
      use(existing.get(), false);
    } else {
      use(fromFile, true);
    }
  }

  /**
   * The target of a CSV import, which names no profile: the one named by the user (created when
   * it does not exist, with the file's unit, else kg), else the only one.
   *
   * @param fileUnit the unit the file's header gives its weights, or null
   * @throws NotFoundException when no profile is named and there is none
   * @throws ValidationException when there are several and none is named, or the name is not valid
   */
  Profile targetForCsv(String requestedName, Unit fileUnit) throws SQLException {
    List<Profile> all = profiles.list(tx);
    String names = all.stream().map(Profile::name).collect(Collectors.joining(", "));
    Profile chosen;
    if (requestedName != null) {
      String wanted = checkName(requestedName);
      Optional<Profile> named = profiles.findByName(tx, wanted);
      if (named.isEmpty()) {
        Profile created = new Profile(Ids.newId(), wanted, fileUnit == null ? Unit.KG : fileUnit, clock.instant());
        use(created, true);
        return created;
      }
      chosen = named.get();
    } else if (all.isEmpty()) {
      throw new NotFoundException("There is no profile yet: create one with 'setwise profile add NAME'");
    } else if (all.size() > 1) {
      throw new ValidationException("There are several profiles (" + names + "): choose one with --profile NAME");
    } else {
      chosen = all.get(0);
    }
    use(chosen, false);
    return chosen;
  }

  void plan(String path, Plan plan) throws SQLException {
    if (planIds.containsKey(plan.id())) {
      problems.add(Problems.child(path, "id"), "is used by another plan of the file as well");
      return;
    }
    if (planIds.size() >= MAX_PLANS) {
      tooMany("plans", MAX_PLANS);
      return;
    }
    if (!targetKnown) {
      planIds.put(plan.id(), plan.id());
      plansNew++;
      return;
    }
    Resolution resolution = resolve(plan.id(), true);
    if (resolution == null) {
      conflicts.add(path, "its id belongs to another profile and cannot be given a new one");
      return;
    }
    planIds.put(plan.id(), resolution.id);
    if (resolution.duplicate) {
      plansDuplicate++;
      return;
    }
    plansNew++;
    if (resolution.remapped) {
      idsRemapped++;
    }
    if (mode == Mode.APPLY && clean()) {
      plans.insert(tx, target.id(), new Plan(resolution.id, plan.name(), plan.structure(), plan.hasSessions(),
          plan.archived(), plan.createdAt(), plan.updatedAt()));
    }
  }

  /** A plan of the file that has problems: its sessions must not also report it as missing. */
  void invalidPlan(UUID id) {
    planIds.putIfAbsent(id, id);
  }

  void session(String path, Session session) throws SQLException {
    if (session.date() != null) {
      firstDate = firstDate == null || session.date().isBefore(firstDate) ? session.date() : firstDate;
      lastDate = lastDate == null || session.date().isAfter(lastDate) ? session.date() : lastDate;
    }
    if (sessionIds.size() >= MAX_SESSIONS) {
      tooMany("sessions", MAX_SESSIONS);
      return;
    }
    sessionIds.add(session.id());
    if (session.endedAt() == null) {
      amendments.inProgress(session.id());
    }
    UUID planId = null;
    if (session.planId() != null) {
      planId = planIds.get(session.planId());
      if (planId == null) {
        problems.add(Problems.child(path, "plan_id"), "refers to a plan that is not in the file");
        skippedIfAmended(session.id(), session.amended());
        return;
      }
    }
    if (!targetKnown) {
      sessionsNew++;
      inProgress(path, session);
      if (session.amended()) {
        amendments.newSession(path, session, session.id());
      }
      return;
    }
    Resolution resolution = resolve(session.id(), false);
    if (resolution == null) {
      conflicts.add(path, "its id belongs to another profile and cannot be given a new one");
      skippedIfAmended(session.id(), session.amended());
      return;
    }
    if (resolution.duplicate) {
      sessionsDuplicate++;
      if (session.amended()) {
        amendments.existingSession(path, session, target.id(), resolution.id);
      }
      return;
    }
    if (session.amended()) {
      amendments.newSession(path, session, resolution.id);
    }
    sessionsNew++;
    if (resolution.remapped) {
      idsRemapped++;
    }
    inProgress(path, session);
    if (mode == Mode.APPLY && clean()) {
      // at the version of its snapshot (1 from a version 1 file), so that its amendments follow it
      if (batch == null) {
        batch = sessions.batch(tx, target.id());
      }
      batch.add(new Session(resolution.id, planId, session.date(), session.startedAt(), session.endedAt(),
          session.structure(), session.createdAt(), session.updatedAt(), session.version()),
          sessions.prepare(session.structure()));
      if (planId != null && plansMarked.add(planId)) {
        plans.markHasSessions(tx, target.id(), planId);
      }
    }
  }

  /** A session of the file that had problems: when it says it is amended, its amendments go unreported. */
  void invalidSession(Object tree) {
    if (tree instanceof Map<?, ?> map && Boolean.TRUE.equals(map.get("amended")) && map.get("id") instanceof String id
        && dev.setwise.domain.TreeObject.parseUuid(id) != null) {
      amendments.skippedSession(dev.setwise.domain.TreeObject.parseUuid(id));
    }
  }

  private void skippedIfAmended(UUID id, boolean amended) {
    if (amended) {
      amendments.skippedSession(id);
    }
  }

  /** One item of a version 2 file's {@code amendments}. */
  void amendment(String path, ExportItems.Amendment amendment) throws SQLException {
    flush();
    amendments.amendment(path, amendment, target == null ? null : target.id());
  }

  /** Checks what can only be checked once every item was seen. */
  void finish(String sessionsPath) throws SQLException {
    UUID repeated = sessionIds.firstDuplicate();
    if (repeated != null) {
      problems.add(sessionsPath, "holds session " + repeated + " more than once");
    }
    flush();
  }

  /** In {@link Mode#APPLY}: creates the target profile when needed and audits the import. */
  void record(ImportFormat format, String fileName, String sha256, long skipped) throws SQLException {
    flush();
    UUID importId = Ids.newId();
    exchange.insertImport(tx, new ExchangeRepository.ImportRecord(importId, target.id(), format.code(),
        shortName(fileName), sha256, (int) plansNew, sessionsNew, plansDuplicate + sessionsDuplicate + skipped,
        clock.instant()));
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("source", format.code());
    details.put("file", shortName(fileName));
    details.put("plans_added", plansNew);
    details.put("sessions_added", sessionsNew);
    if (amendments.added > 0) {
      details.put("amendments_added", amendments.added);
    }
    details.put("duplicates_skipped", plansDuplicate + sessionsDuplicate);
    if (skipped > 0) {
      details.put("rows_skipped", skipped);
    }
    audit.record(tx, target.id(), AuditAction.DATA_IMPORTED, "import", importId, details);
  }

  private void use(Profile profile, boolean create) throws SQLException {
    target = profile;
    createsProfile = create;
    targetKnown = true;
    if (create && mode == Mode.APPLY) {
      profiles.insert(tx, profile);
      audit.record(tx, profile.id(), AuditAction.PROFILE_CREATED, "profile", profile.id(),
          Map.of("name", profile.name(), "unit", profile.unit().code(), "source", "import"));
    }
  }

  private void inProgress(String path, Session session) throws SQLException {
    if (session.endedAt() != null) {
      return;
    }
    if (inProgressPath != null) {
      problems.add(path, "is in progress, and so is " + inProgressPath
          + ": a profile has at most one session in progress");
      return;
    }
    inProgressPath = path;
    if (targetKnown && !createsProfile && targetHasInProgress()) {
      conflicts.add(path, "is in progress, but profile " + target.name()
          + " already has a session in progress: complete or discard it, then import again");
    }
  }

  private boolean targetHasInProgress() throws SQLException {
    if (targetHasInProgress == null) {
      targetHasInProgress = sessions.findInProgress(tx, target.id()).isPresent();
    }
    return targetHasInProgress;
  }

  private record Resolution(UUID id, boolean duplicate, boolean remapped) {}

  /** How many ids are tried for one item: its own, then ids derived from it, one from the other. */
  private static final int ID_CANDIDATES = 4;

  /**
   * The id an item gets: its own when free, else the first free id derived from it; a duplicate when
   * one of them (before any free one) is already the target's. An id is taken when another profile
   * uses it or when it belongs to a deleted item (its tombstone in the change feed keeps it, so sync
   * never sees a deleted thing come back under its old id). Null when every candidate is taken.
   */
  private Resolution resolve(UUID id, boolean plan) throws SQLException {
    UUID candidate = id;
    for (int i = 0; i < ID_CANDIDATES; i++) {
      if (!plan && batch != null && batch.isQueued(candidate)) {
        // this pass queued it (the file holds it twice): the target's already, as if sent
        return new Resolution(candidate, true, i > 0);
      }
      Optional<UUID> owner = plan ? exchange.planOwner(tx, candidate) : exchange.sessionOwner(tx, candidate);
      if (owner.isPresent() && owner.get().equals(target.id())) {
        return new Resolution(candidate, true, i > 0);
      }
      boolean deleted = owner.isEmpty()
          && (plan ? exchange.planDeleted(tx, candidate) : exchange.sessionDeleted(tx, candidate));
      if (owner.isEmpty() && !deleted) {
        return new Resolution(candidate, false, i > 0);
      }
      candidate = derivedId(target.id(), candidate);
    }
    return null;
  }

  /** The id an item gets in {@code profileId} when its own is taken by another profile. */
  static UUID derivedId(UUID profileId, UUID original) {
    return UUID.nameUUIDFromBytes(("setwise-import:" + profileId + ":" + original).getBytes(StandardCharsets.UTF_8));
  }

  private void tooMany(String path, int max) {
    if (!tooMany) {
      tooMany = true;
      problems.add(path, "holds more than " + max + " items; split the history into several files");
    }
  }

  private static String checkName(String name) {
    String trimmed = name.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < 1 || length > ProfileService.MAX_NAME || trimmed.codePoints().anyMatch(Character::isISOControl)) {
      throw new ValidationException("The profile name must be 1 to " + ProfileService.MAX_NAME
          + " characters without control characters");
    }
    return trimmed;
  }

  private static String shortName(String fileName) {
    String name = fileName.isBlank() ? "import" : fileName;
    return name.codePointCount(0, name.length()) <= 255 ? name : name.substring(0, 255);
  }
}
