package dev.setwise.service.progress;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ValidationException;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.ProgressSettings;
import dev.setwise.service.AuditLog;
import dev.setwise.store.Database;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.ProfileSettingsRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A profile's bar, plates, prefill and e1RM-formula settings (defaults by the profile's unit until
 * saved). One transaction per method; any thread but the JavaFX application thread.
 */
public final class ProgressSettingsService {

  static final String BAR = "bar_weight";
  static final String PLATES = "plates";
  static final String PREFILL = "prefill";
  static final String FORMULA = "e1rm_formula";

  private final Database database;
  private final ProfileSettingsRepository settings;
  private final ProfileRepository profiles;
  private final AuditLog audit;

  public ProgressSettingsService(Database database, ProfileSettingsRepository settings, ProfileRepository profiles,
      AuditLog audit) {
    this.database = database;
    this.settings = settings;
    this.profiles = profiles;
    this.audit = audit;
  }

  /** The profile's settings; defaults for its unit where nothing was saved. */
  public ProgressSettings get(UUID profileId) {
    return database.read(tx -> {
      Profile profile = profiles.find(tx, profileId).orElseThrow(() -> new NotFoundException("Profile not found"));
      return parse(settings.all(tx, profileId), ProgressSettings.defaults(profile.unit()));
    });
  }

  /**
   * Saves the settings.
   *
   * @throws ValidationException for a bar outside 0..1000 or plates that are not positive weights with counts 0..100
   */
  public ProgressSettings save(UUID profileId, ProgressSettings changed) {
    List<Problem> problems = new ArrayList<>();
    if (!(changed.barWeight() >= 0 && changed.barWeight() <= 1000)) {
      problems.add(new Problem("bar_weight", "must be 0 to 1000"));
    }
    changed.plates().forEach((weight, count) -> {
      if (!(weight > 0 && weight <= 1000) || count == null || count < 0 || count > 100) {
        problems.add(new Problem("plates", "each plate must weigh more than 0 (at most 1000) and be owned 0 to 100 times"));
      }
    });
    if (!problems.isEmpty()) {
      throw new ValidationException("Invalid settings", problems.subList(0, 1));
    }
    return database.write(tx -> {
      profiles.find(tx, profileId).orElseThrow(() -> new NotFoundException("Profile not found"));
      settings.put(tx, profileId, BAR, Double.toString(changed.barWeight()));
      StringBuilder plates = new StringBuilder();
      changed.plates().forEach((weight, count) -> plates.append(plates.length() == 0 ? "" : ",")
          .append(weight).append('x').append(count));
      settings.put(tx, profileId, PLATES, plates.toString());
      settings.put(tx, profileId, PREFILL, changed.prefill().name().toLowerCase(Locale.ROOT));
      settings.put(tx, profileId, FORMULA, changed.formula().name().toLowerCase(Locale.ROOT));
      Map<String, Object> details = new LinkedHashMap<>();
      details.put("bar_weight", changed.barWeight());
      details.put("plates", plates.toString());
      details.put("prefill", changed.prefill().name().toLowerCase(Locale.ROOT));
      audit.record(tx, profileId, AuditAction.PROGRESS_SETTINGS_UPDATED, "profile", profileId, details);
      return changed;
    });
  }

  static ProgressSettings parse(Map<String, String> values, ProgressSettings defaults) {
    double bar = defaults.barWeight();
    Map<Double, Integer> plates = defaults.plates();
    ProgressSettings.Prefill prefill = defaults.prefill();
    OneRepMax.Formula formula = defaults.formula();
    try {
      if (values.containsKey(BAR)) {
        bar = Double.parseDouble(values.get(BAR));
      }
      if (values.containsKey(PLATES)) {
        Map<Double, Integer> parsed = new LinkedHashMap<>();
        for (String part : values.get(PLATES).split(",")) {
          if (!part.isBlank()) {
            String[] pieces = part.split("x");
            parsed.put(Double.parseDouble(pieces[0]), Integer.parseInt(pieces[1]));
          }
        }
        plates = parsed;
      }
      if (values.containsKey(PREFILL)) {
        prefill = ProgressSettings.Prefill.valueOf(values.get(PREFILL).toUpperCase(Locale.ROOT));
      }
      if (values.containsKey(FORMULA)) {
        formula = OneRepMax.Formula.valueOf(values.get(FORMULA).toUpperCase(Locale.ROOT));
      }
    } catch (RuntimeException e) {
      return defaults;
    }
    return new ProgressSettings(bar, plates, prefill, formula);
  }
}
