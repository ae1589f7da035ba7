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
import dev.setwise.store.Database;
import dev.setwise.store.ProfileRepository;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Local profiles. Every method is one transaction, callable from any thread except the JavaFX
 * application thread (it may wait on disk). Database failures surface as
 * {@link dev.setwise.store.StoreException}.
 */
public final class ProfileService {

  public static final int MAX_NAME = 60;
  /** The name of the profile the desktop app creates on its first run. */
  public static final String DEFAULT_NAME = "Athlete";

  private final Database database;
  private final ProfileRepository profiles;
  private final AuditLog audit;
  private final Clock clock;

  public ProfileService(Database database, ProfileRepository profiles, AuditLog audit, Clock clock) {
    this.database = database;
    this.profiles = profiles;
    this.audit = audit;
    this.clock = clock;
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
