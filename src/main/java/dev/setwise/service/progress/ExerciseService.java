package dev.setwise.service.progress;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.Problem;
import dev.setwise.domain.StructureValidator;
import dev.setwise.domain.ValidationException;
import dev.setwise.domain.progress.ExerciseKey;
import dev.setwise.domain.progress.ExerciseName;
import dev.setwise.service.AuditLog;
import dev.setwise.store.Database;
import dev.setwise.store.ProgressRepository;
import dev.setwise.store.ProgressRepository.AliasRow;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Renaming and merging exercises. Both write an alias ("bench press (barbell)" counts as "bench
 * press") that every read applies; completed snapshots are never rewritten, so history stays what
 * was logged and an alias can be removed again. Aliases always point straight at an exercise that
 * is not itself an alias.
 *
 * <p>Each method is one write transaction with its audit row; call from any thread but the JavaFX
 * application thread. Bad names are {@link ValidationException}.
 */
public final class ExerciseService {

  private final Database database;
  private final ProgressRepository progress;
  private final StatsService stats;
  private final AuditLog audit;
  private final Clock clock;

  public ExerciseService(Database database, ProgressRepository progress, StatsService stats, AuditLog audit,
      Clock clock) {
    this.database = database;
    this.progress = progress;
    this.stats = stats;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Renames an exercise: from now on {@code from} (and everything that counted as it) is shown and
   * counted as {@code to}. When {@code to} is an exercise already, the two are merged under that name.
   *
   * @return the exercise as it is now called
   * @throws ValidationException when either name is blank or too long
   */
  public ExerciseName rename(UUID profileId, String from, String to) {
    String fromName = checked("from", from);
    String toName = checked("to", to);
    return database.write(tx -> {
      Aliases aliases = stats.aliases(tx, profileId);
      String source = aliases.canonical(ExerciseKey.of(fromName));
      String toKey = ExerciseKey.of(toName);
      String toCanonical = aliases.canonical(toKey);
      // Within one exercise (a change of case, or back to a name it was logged as) the new name
      // becomes its key; into another exercise, the two merge under that one's key.
      boolean sameExercise = toCanonical.equals(source);
      String target = sameExercise ? toKey : toCanonical;
      String shownAs = sameExercise || toKey.equals(toCanonical) ? toName
          : displayed(tx, profileId, aliases, toCanonical, toName);
      Instant now = clock.instant();
      // Everything that counted as either now counts as the target, directly (chains stay flat).
      for (AliasRow row : aliases.all()) {
        boolean involved = row.targetKey().equals(source) || row.targetKey().equals(toCanonical);
        if (involved && !row.aliasKey().equals(target)) {
          progress.putAlias(tx, profileId, new AliasRow(row.aliasKey(), target, shownAs, now));
        }
      }
      for (String key : new String[] {source, toCanonical}) {
        if (!key.equals(target)) {
          progress.putAlias(tx, profileId, new AliasRow(key, target, shownAs, now));
        }
      }
      progress.putAlias(tx, profileId, new AliasRow(target, target, shownAs, now));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("from", fromName);
      details.put("to", shownAs);
      audit.record(tx, profileId, AuditAction.EXERCISE_RENAMED, "exercise", target, details);
      Aliases after = stats.aliases(tx, profileId);
      return new ExerciseName(target, shownAs, after.aliasesOf(target), null);
    });
  }

  /**
   * Merges {@code from} into {@code into}, keeping the name {@code into} is shown by: "Bench Press
   * (Barbell)" from an import into "Bench press".
   */
  public ExerciseName merge(UUID profileId, String from, String into) {
    String intoName = checked("into", into);
    String shown = stats.find(profileId, intoName).map(ExerciseName::name).orElse(intoName);
    return rename(profileId, from, shown);
  }

  /**
   * Splits {@code name} off again: it counts as itself, under the name it was logged with.
   *
   * @return false when {@code name} was no alias
   */
  public boolean unalias(UUID profileId, String name) {
    String checked = checked("name", name);
    String key = ExerciseKey.of(checked);
    return database.write(tx -> {
      Aliases aliases = stats.aliases(tx, profileId);
      if (!aliases.isAliasElsewhere(key)) {
        return false;
      }
      progress.deleteAlias(tx, profileId, key);
      audit.record(tx, profileId, AuditAction.EXERCISE_ALIAS_REMOVED, "exercise", key, Map.of("name", checked));
      return true;
    });
  }

  /** Every alias of the profile: the name it was logged as (its key) and what it counts as. */
  public List<Alias> aliases(UUID profileId) {
    return database.read(tx -> progress.aliases(tx, profileId).stream()
        .filter(row -> !row.aliasKey().equals(row.targetKey()))
        .map(row -> new Alias(row.aliasKey(), row.targetName()))
        .toList());
  }

  /** An alias: sets logged as {@code loggedAs} (a key) count as {@code countsAs}. */
  public record Alias(String loggedAs, String countsAs) {}

  private String displayed(dev.setwise.store.Tx tx, UUID profileId, Aliases aliases, String key, String fallback)
      throws java.sql.SQLException {
    for (ExerciseName exercise : stats.catalogue(tx, profileId, aliases)) {
      if (exercise.key().equals(key)) {
        return exercise.name();
      }
    }
    return fallback;
  }

  private static String checked(String field, String name) {
    String tidy = ExerciseKey.tidy(name);
    int length = tidy.codePointCount(0, tidy.length());
    if (length < 1 || length > StructureValidator.MAX_NAME) {
      throw new ValidationException("Invalid exercise name",
          List.of(new Problem(field, "must be 1 to " + StructureValidator.MAX_NAME + " characters")));
    }
    return tidy;
  }
}
