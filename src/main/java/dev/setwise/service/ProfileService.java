package dev.setwise.service;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Ids;
import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.store.Database;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Local profiles: created, renamed, deleted (never the last one). Every method is one transaction, callable from any thread except the JavaFX
 * application thread (it may wait on disk). Database failures surface as
 * {@link dev.setwise.store.StoreException}.
 */
public final class ProfileService {

  public static final int MAX_NAME = 60;
  /** The name of the profile the desktop app creates on its first run. */
  public static final String DEFAULT_NAME = "Athlete";

  private static final Logger LOG = LoggerFactory.getLogger(ProfileService.class);

  private final Database database;
  private final ProfileRepository profiles;
  private final AuditLog audit;
  private final Clock clock;
  private final BackupService backups;
  /** What else goes with a deleted profile outside the database (its sync token file), after the commit. */
  private final java.util.function.Consumer<UUID> afterDeletion;

  public ProfileService(Database database, ProfileRepository profiles, AuditLog audit, Clock clock,
      BackupService backups, java.util.function.Consumer<UUID> afterDeletion) {
    this.afterDeletion = afterDeletion;
    this.database = database;
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
    this.backups = backups;
  }

  /**
   * Creates a profile.
   *
   * @throws ValidationException when the name is blank, too long or holds control characters
   * @throws ConflictException when a profile of that name (ignoring case) exists
   */
  public Profile create(String name, Unit unit) {
    String checked = checkName(name);
    Unit chosen = unit == null ? Unit.KG : unit;
    return database.write(tx -> {
      Optional<Profile> existing = profiles.findByName(tx, checked);
      if (existing.isPresent()) {
        throw new ConflictException("A profile named \"" + existing.get().name() + "\" already exists");
      }
      Profile profile = new Profile(Ids.newId(), checked, chosen, clock.instant());
      profiles.insert(tx, profile);
      audit.record(tx, profile.id(), AuditAction.PROFILE_CREATED, "profile", profile.id(),
          Map.of("name", checked, "unit", chosen.code()));
      return profile;
    });
  }

  /** Every profile, by name. */
  public List<Profile> list() {
    return database.read(profiles::list);
  }

  /** @throws NotFoundException when there is no such profile */
  public Profile get(UUID id) {
    return database.read(tx -> profiles.find(tx, id)).orElseThrow(() -> new NotFoundException(Messages.PROFILE_NOT_FOUND));
  }

  /** The profile of that name, ignoring case. */
  public Optional<Profile> findByName(String name) {
    return database.read(tx -> profiles.findByName(tx, name.strip()));
  }

  /**
   * The first profile, creating {@value #DEFAULT_NAME} when there is none: the desktop app's
   * first run. Safe to call from several threads or processes at once.
   */
  public Profile ensureDefault() {
    return database.write(tx -> {
      List<Profile> existing = profiles.list(tx);
      if (!existing.isEmpty()) {
        return existing.get(0);
      }
      Profile profile = new Profile(Ids.newId(), DEFAULT_NAME, Unit.KG, clock.instant());
      profiles.insert(tx, profile);
      audit.record(tx, profile.id(), AuditAction.PROFILE_CREATED, "profile", profile.id(),
          Map.of("name", DEFAULT_NAME, "unit", Unit.KG.code()));
      return profile;
    });
  }

  /**
   * Renames a profile and sets its unit (the unit of new plans; existing plans and sessions keep theirs).
   *
   * @throws NotFoundException when there is no such profile
   * @throws ValidationException for a bad name
   * @throws ConflictException when another profile has that name
   */
  public Profile update(UUID id, String name, Unit unit) {
    String checked = checkName(name);
    return database.write(tx -> {
      Profile current = profiles.find(tx, id).orElseThrow(() -> new NotFoundException(Messages.PROFILE_NOT_FOUND));
      Optional<Profile> sameName = profiles.findByName(tx, checked);
      if (sameName.isPresent() && !sameName.get().id().equals(id)) {
        throw new ConflictException("A profile named \"" + checked + "\" already exists");
      }
      Profile updated = new Profile(id, checked, unit == null ? current.unit() : unit, current.createdAt());
      profiles.update(tx, updated);
      audit.record(tx, id, AuditAction.PROFILE_UPDATED, "profile", id,
          Map.of("name", checked, "unit", updated.unit().code()));
      return updated;
    });
  }

  /**
   * What deleting the profile would remove. One read transaction; any thread but the JavaFX
   * application thread.
   *
   * @throws NotFoundException when there is no such profile
   */
  public ProfileContents contents(UUID id) {
    return database.read(tx -> contents(tx, id));
  }

  private ProfileContents contents(Tx tx, UUID id) throws SQLException {
    Profile profile = profiles.find(tx, id).orElseThrow(() -> new NotFoundException(Messages.PROFILE_NOT_FOUND));
    ProfileRepository.Contents counted = profiles.contents(tx, id);
    return new ProfileContents(profile, counted.plans(), counted.sessions(), counted.amendments(),
        counted.workoutInProgress(), profiles.list(tx).size() == 1);
  }

  /**
   * Deletes a profile and everything of it: plans, sessions (the one in progress too), amendments,
   * API tokens, idempotency keys, derived progress rows, its change feed with its tombstones and its
   * audit log (docs/decisions/0036). First a backup of the whole database is made (kept until you
   * delete it; it is the way back); then everything goes in one write transaction. The last profile
   * is never deleted. Nothing is recorded in another profile's audit log; the app log says what was
   * deleted and where the backup is. On PostgreSQL Setwise makes no backups (the server's own
   * backups are the way back, decision 0049): the same rules, the same transaction, no backup.
   *
   * <p>Makes a backup (reads the whole database), then one write transaction: call from a
   * background thread, never the JavaFX application thread.
   *
   * @param workoutInProgressConfirmed true when the person confirmed that a workout in progress
   *     goes too; without it a profile with one is refused
   * @throws NotFoundException when there is no such profile
   * @throws ConflictException when it is the only profile, or it has a workout in progress and
   *     that was not confirmed (nothing is changed, no backup is made)
   * @throws dev.setwise.service.backup.BackupException when the backup fails (nothing is deleted)
   */
  public ProfileDeleted delete(UUID id, boolean workoutInProgressConfirmed) {
    checkDeletable(contents(id), workoutInProgressConfirmed);
    BackupInfo backup = database.file() == null ? null : backups.create(BackupReason.BEFORE_PROFILE_DELETE);
    ProfileContents removed = database.write(tx -> {
      // Checked again: another process may have started a workout or deleted a profile meanwhile.
      ProfileContents now = contents(tx, id);
      checkDeletable(now, workoutInProgressConfirmed);
      profiles.deleteEverything(tx, id);
      return now;
    });
    afterDeletion.accept(id);
    LOG.info("Deleted profile {} ({}) with {} plans, {} sessions and {} amendments; the backup before is {}",
        removed.profile().name(), id, removed.plans(), removed.sessions(), removed.amendments(),
        backup == null ? "none (PostgreSQL)" : backup.file().getFileName());
    return new ProfileDeleted(removed, backup == null ? null : backup.file());
  }

  /**
   * Refuses what {@link #delete} refuses, before anyone is asked to confirm: the only profile, and a
   * workout in progress unless {@code workoutInProgressConfirmed}.
   *
   * @throws ConflictException with the message {@link #delete} would give
   */
  public static void checkDeletable(ProfileContents contents, boolean workoutInProgressConfirmed) {
    String name = contents.profile().name();
    if (contents.onlyProfile()) {
      throw new ConflictException("Cannot delete " + name + ": it is the only profile; create another one first");
    }
    if (contents.workoutInProgress() && !workoutInProgressConfirmed) {
      throw new ConflictException(name + " has a workout in progress; deleting the profile deletes it too, "
          + "so that must be confirmed");
    }
  }

  private static String checkName(String name) {
    String trimmed = name == null ? "" : name.strip();
    int length = trimmed.codePointCount(0, trimmed.length());
    if (length < 1 || length > MAX_NAME) {
      throw new ValidationException(Messages.INVALID_PROFILE_DATA,
          List.of(new Problem("name", "must be 1 to " + MAX_NAME + " characters")));
    }
    if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      throw new ValidationException(Messages.INVALID_PROFILE_DATA,
          List.of(new Problem("name", "must not contain control characters")));
    }
    return trimmed;
  }
}
