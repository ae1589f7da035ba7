package dev.setwise.service.progress;

import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.ExerciseKey;
import dev.setwise.domain.progress.ExerciseName;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.ExerciseSession;
import dev.setwise.domain.progress.LastTime;
import dev.setwise.domain.progress.LoggedSet;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.ProgressCharts;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.domain.progress.RepsAtWeight;
import dev.setwise.domain.progress.Weights;
import dev.setwise.store.Database;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.ProgressRepository;
import dev.setwise.store.ProgressRepository.BestRow;
import dev.setwise.store.ProgressRepository.KeyRow;
import dev.setwise.store.ProgressRepository.LastRow;
import dev.setwise.store.ProgressRepository.RepsRow;
import dev.setwise.store.ProgressRepository.SessionRow;
import dev.setwise.store.ProgressRepository.SetRow;
import dev.setwise.store.Tx;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The numbers of progress (contract §4a): exercise catalogue, exercise history, records, rep maxes,
 * last time, and the charts. Everything is read from the tables derived from completed sessions
 * (never from snapshots), with aliases applied, in the profile's unit (or the unit asked for).
 *
 * <p>Each public method is one read transaction; call from any thread but the JavaFX application
 * thread. Unknown profiles and exercises are {@link NotFoundException}; database failures are
 * {@link dev.setwise.store.StoreException}.
 */
public final class StatsService {

  private static final Comparator<ExerciseName> BY_NAME =
      Comparator.comparing((ExerciseName e) -> e.name().toLowerCase(Locale.ROOT)).thenComparing(ExerciseName::name);

  private final Database database;
  private final ProgressRepository progress;
  private final ProfileRepository profiles;

  public StatsService(Database database, ProgressRepository progress, ProfileRepository profiles) {
    this.database = database;
    this.progress = progress;
    this.profiles = profiles;
  }

  // ---- the catalogue ----

  /**
   * Every exercise of the profile, from its history and its plans, one entry per exercise after
   * aliases (names compared ignoring case and extra spaces), by name.
   */
  public List<ExerciseName> catalogue(UUID profileId) {
    return database.read(tx -> catalogue(tx, profileId, aliases(tx, profileId)));
  }

  /** The catalogue entry that {@code name} counts as, if the profile knows it. */
  public Optional<ExerciseName> find(UUID profileId, String name) {
    return database.read(tx -> find(tx, profileId, aliases(tx, profileId), name));
  }

  // ---- one exercise ----

  /**
   * The history of one exercise in the profile's unit: its sessions oldest first (the newest
   * {@code newest} of them, or all when 0), records, rep maxes and most reps at each weight.
   *
   * @throws NotFoundException when the profile knows no exercise of that name
   */
  public ExerciseHistory history(UUID profileId, String name, int newest) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      Aliases aliases = aliases(tx, profileId);
      ExerciseName exercise = find(tx, profileId, aliases, name)
          .orElseThrow(() -> new NotFoundException("No exercise is named \"" + ExerciseKey.tidy(name) + "\""));
      List<String> keys = exercise.keys();
      List<ExerciseSession> sessions = sessions(tx, profileId, keys, newest, unit);
      int total = newest > 0 && sessions.size() >= newest ? progress.sessionCount(tx, profileId, keys) : sessions.size();
      ExerciseRecords records = records(tx, profileId, exercise, unit);
      Map<Integer, RecordValue> repMaxes = new TreeMap<>();
      for (int reps = 1; reps <= OneRepMax.MAX_REPS; reps++) {
        BestRow best = null;
        for (String key : keys) {
          best = better(best, progress.repMax(tx, profileId, key, reps).orElse(null));
        }
        if (best != null) {
          repMaxes.put(reps, value(best, unit));
        }
      }
      return new ExerciseHistory(exercise.name(), unit, sessions, total, records, repMaxes,
          repsAtWeight(tx, profileId, keys, unit));
    });
  }

  /**
   * The completed sets of one exercise in each of the given sessions, in snapshot order and the
   * profile's unit (the sets an exercise history lists under each session).
   *
   * @throws NotFoundException when the profile knows no exercise of that name
   */
  public Map<UUID, List<LoggedSet>> sets(UUID profileId, String name, Collection<UUID> sessionIds) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      Aliases aliases = aliases(tx, profileId);
      ExerciseName exercise = find(tx, profileId, aliases, name)
          .orElseThrow(() -> new NotFoundException("No exercise is named \"" + ExerciseKey.tidy(name) + "\""));
      Map<UUID, List<LoggedSet>> sets = new LinkedHashMap<>();
      for (UUID sessionId : sessionIds) {
        List<LoggedSet> list = new ArrayList<>();
        for (SetRow row : progress.sets(tx, profileId, sessionId, exercise.keys())) {
          list.add(new LoggedSet(row.type(), row.reps(), row.weight(), row.rpe()));
        }
        sets.put(sessionId, list);
      }
      return convertSets(tx, profileId, sets, unit);
    });
  }

  private Map<UUID, List<LoggedSet>> convertSets(Tx tx, UUID profileId, Map<UUID, List<LoggedSet>> sets, Unit unit)
      throws SQLException {
    Map<UUID, List<LoggedSet>> converted = new LinkedHashMap<>();
    for (Map.Entry<UUID, List<LoggedSet>> entry : sets.entrySet()) {
      Unit from = progress.sessionUnit(tx, profileId, entry.getKey()).orElse(unit);
      converted.put(entry.getKey(), entry.getValue().stream().map(set -> new LoggedSet(set.type(), set.reps(),
          Weights.convert(set.weight(), from, unit), set.rpe())).toList());
    }
    return converted;
  }

  /**
   * The records of every exercise with at least one working set, by name, in the profile's unit.
   */
  public List<ExerciseRecords> records(UUID profileId) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      Aliases aliases = aliases(tx, profileId);
      List<ExerciseRecords> all = new ArrayList<>();
      for (ExerciseName exercise : catalogue(tx, profileId, aliases)) {
        if (exercise.lastDone() == null) {
          continue;
        }
        ExerciseRecords records = records(tx, profileId, exercise, unit);
        if (!records.isEmpty()) {
          all.add(records);
        }
      }
      return all;
    });
  }

  /**
   * For each name: what was done last time and the records to beat, in {@code unit} (the unit of
   * the workout that asks). Names the profile has never completed a set of are left out. Keys of
   * the answer are {@link ExerciseKey#of} of the names as given.
   */
  public Map<String, ExerciseOutlook> outlook(UUID profileId, Collection<String> names, Unit unit) {
    return database.read(tx -> {
      Aliases aliases = aliases(tx, profileId);
      Map<String, ExerciseOutlook> answer = new LinkedHashMap<>();
      for (String name : names) {
        String asked = ExerciseKey.of(name);
        if (asked.isEmpty() || answer.containsKey(asked)) {
          continue;
        }
        Optional<ExerciseName> exercise = find(tx, profileId, aliases, name);
        if (exercise.isEmpty() || exercise.get().lastDone() == null) {
          continue;
        }
        List<String> keys = exercise.get().keys();
        LastTime last = lastTime(tx, profileId, exercise.get(), unit);
        ExerciseRecords records = records(tx, profileId, exercise.get(), unit);
        answer.put(asked, new ExerciseOutlook(exercise.get().name(), last, records,
            repsAtWeight(tx, profileId, keys, unit)));
      }
      return answer;
    });
  }

  /**
   * The records that a completed session set: for each exercise, each kind whose value no earlier
   * session of that exercise reached (an exercise done for the first time sets none). Profile's unit.
   */
  public List<SessionRecord> sessionRecords(UUID profileId, UUID sessionId) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      Aliases aliases = aliases(tx, profileId);
      List<SessionRecord> found = new ArrayList<>();
      for (KeyRow row : progress.sessionKeys(tx, profileId, sessionId)) {
        String canonical = aliases.canonical(row.key());
        List<String> keys = aliases.keysOf(canonical);
        Optional<double[]> bests = progress.sessionBestsKg(tx, sessionId, row.key());
        if (bests.isEmpty()) {
          continue;
        }
        double[] kg = bests.get();
        java.time.Instant startedAt = java.time.Instant.ofEpochMilli((long) kg[4]);
        boolean before = false;
        for (String key : keys) {
          before |= progress.doneBefore(tx, profileId, key, row.lastDate(), startedAt);
        }
        if (!before) {
          continue;
        }
        String name = displayName(aliases, canonical, row.name());
        ProgressRepository.Best[] kinds = {ProgressRepository.Best.HEAVIEST, ProgressRepository.Best.E1RM,
            ProgressRepository.Best.SET_VOLUME, ProgressRepository.Best.SESSION_VOLUME};
        RecordKind[] recordKinds = {RecordKind.HEAVIEST_WEIGHT, RecordKind.BEST_E1RM, RecordKind.BEST_SET_VOLUME,
            RecordKind.BEST_SESSION_VOLUME};
        for (int k = 0; k < kinds.length; k++) {
          if (Double.isNaN(kg[k])) {
            continue;
          }
          boolean reached = false;
          for (String key : keys) {
            reached |= progress.reachedBefore(tx, profileId, key, kinds[k], kg[k], row.lastDate(), startedAt);
          }
          if (!reached) {
            found.add(new SessionRecord(name, recordKinds[k], Weights.convert(kg[k], Unit.KG, unit), unit));
          }
        }
      }
      return found;
    });
  }

  // ---- charts ----

  /** Completed sessions, working sets and volume per week (from Monday) or month, oldest first, empty periods included. */
  public List<ProgressCharts.Period> periods(UUID profileId, ProgressCharts.Span span, LocalDate today) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      boolean weeks = span != ProgressCharts.Span.MONTHS;
      LocalDate end = startOf(today, weeks);
      LocalDate from = span == ProgressCharts.Span.ALL
          ? progress.firstDay(tx, profileId).map(d -> startOf(d, true)).orElse(end)
          : weeks ? end.minusWeeks(span.buckets() - 1L) : end.minusMonths(span.buckets() - 1L);
      if (span == ProgressCharts.Span.ALL && from.isBefore(end.minusWeeks(260))) {
        weeks = false;
        from = startOf(from, false);
        end = startOf(today, false);
      }
      TreeMap<LocalDate, double[]> buckets = new TreeMap<>();
      for (LocalDate at = from; !at.isAfter(end); at = weeks ? at.plusWeeks(1) : at.plusMonths(1)) {
        buckets.put(at, new double[3]);
      }
      for (ProgressRepository.PeriodRow row : progress.periods(tx, profileId, weeks, from.toEpochDay(),
          end.toEpochDay())) {
        double[] sums = buckets.get(LocalDate.ofEpochDay(row.startDay()));
        if (sums != null) {
          sums[0] += row.sessions();
          sums[1] += row.workingSets();
          sums[2] += Weights.convert(row.volume(), row.unit(), unit);
        }
      }
      List<ProgressCharts.Period> periods = new ArrayList<>();
      buckets.forEach((start, sums) -> periods.add(new ProgressCharts.Period(start, (int) sums[0], (int) sums[1],
          sums[2])));
      return periods;
    });
  }

  /** Days with at least one completed session between two days (inclusive), oldest first. */
  public List<ProgressCharts.TrainingDay> trainingDays(UUID profileId, LocalDate from, LocalDate to) {
    return database.read(tx -> {
      TreeMap<LocalDate, Integer> days = new TreeMap<>();
      for (ProgressRepository.DayRow row : progress.days(tx, profileId, from, to)) {
        days.merge(LocalDate.ofEpochDay(row.day()), row.sessions(), Integer::sum);
      }
      List<ProgressCharts.TrainingDay> list = new ArrayList<>();
      days.forEach((day, count) -> list.add(new ProgressCharts.TrainingDay(day, count)));
      return list;
    });
  }

  /**
   * Bodyweights logged with completed sessions between two days, oldest first, in the profile's
   * unit: each one for up to half a year, else the average of each week (up to two years) or month.
   */
  public List<ProgressCharts.Bodyweight> bodyweight(UUID profileId, LocalDate from, LocalDate to) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      List<ProgressCharts.Bodyweight> list = new ArrayList<>();
      long days = to.toEpochDay() - from.toEpochDay();
      if (days <= 190) {
        for (ProgressRepository.BodyweightRow row : progress.bodyweights(tx, profileId, from, to)) {
          list.add(new ProgressCharts.Bodyweight(row.date(), Weights.convert(row.bodyweight(), row.unit(), unit)));
        }
        return list;
      }
      boolean weeks = days <= 730;
      TreeMap<Long, double[]> sums = new TreeMap<>();
      for (ProgressRepository.PeriodRow row : progress.periods(tx, profileId, weeks,
          startOf(from, weeks).toEpochDay(), to.toEpochDay())) {
        if (row.bodyweightCount() > 0) {
          double[] sum = sums.computeIfAbsent(row.startDay(), d -> new double[2]);
          sum[0] += Weights.convert(row.bodyweightSum(), row.unit(), unit);
          sum[1] += row.bodyweightCount();
        }
      }
      sums.forEach((day, sum) -> list.add(new ProgressCharts.Bodyweight(LocalDate.ofEpochDay(day), sum[0] / sum[1])));
      return list;
    });
  }

  /**
   * Best e1RM and volume of one exercise per week or month ({@code span}; all of it by week when it
   * spans up to two years, else by month), oldest first, only periods in which it was done.
   *
   * @throws NotFoundException when the profile knows no exercise of that name
   */
  public List<ProgressCharts.ExercisePoint> trend(UUID profileId, String name, ProgressCharts.Span span,
      LocalDate today) {
    return database.read(tx -> {
      Unit unit = unitOf(tx, profileId);
      Aliases aliases = aliases(tx, profileId);
      ExerciseName exercise = find(tx, profileId, aliases, name)
          .orElseThrow(() -> new NotFoundException("No exercise is named \"" + ExerciseKey.tidy(name) + "\""));
      boolean weeks = span == ProgressCharts.Span.WEEKS;
      LocalDate from = span == ProgressCharts.Span.ALL ? null
          : weeks ? startOf(today, true).minusWeeks(span.buckets() - 1L)
              : startOf(today, false).minusMonths(span.buckets() - 1L);
      List<ProgressRepository.ExercisePeriodRow> rows = progress.exercisePeriods(tx, profileId, exercise.keys(), weeks,
          from == null ? Long.MIN_VALUE : from.toEpochDay());
      if (span == ProgressCharts.Span.ALL) {
        // All of a short history reads best by week; of a long one, by month.
        List<ProgressRepository.ExercisePeriodRow> byWeek = progress.exercisePeriods(tx, profileId, exercise.keys(),
            true, Long.MIN_VALUE);
        boolean shortHistory = byWeek.isEmpty()
            || byWeek.get(byWeek.size() - 1).startDay() - byWeek.get(0).startDay() <= 7L * 104;
        rows = shortHistory ? byWeek : rows;
      }
      TreeMap<LocalDate, Object[]> points = new TreeMap<>();
      for (ProgressRepository.ExercisePeriodRow row : rows) {
        LocalDate start = LocalDate.ofEpochDay(row.startDay());
        Object[] point = points.computeIfAbsent(start, s -> new Object[] {null, null, 0.0, 0});
        point[0] = max((Double) point[0], Weights.convert(row.bestE1rm(), row.unit(), unit));
        point[1] = max((Double) point[1], Weights.convert(row.bestBrzycki(), row.unit(), unit));
        point[2] = (Double) point[2] + Weights.convert(row.volume(), row.unit(), unit);
        point[3] = (Integer) point[3] + row.sessions();
      }
      List<ProgressCharts.ExercisePoint> list = new ArrayList<>();
      points.forEach((start, p) -> list.add(new ProgressCharts.ExercisePoint(start, (Double) p[0], (Double) p[1],
          (Double) p[2], (Integer) p[3])));
      return list;
    });
  }

  // ---- internals (inside a transaction) ----

  Aliases aliases(Tx tx, UUID profileId) throws SQLException {
    return new Aliases(progress.aliases(tx, profileId));
  }

  private Unit unitOf(Tx tx, UUID profileId) throws SQLException {
    return profiles.find(tx, profileId).map(Profile::unit)
        .orElseThrow(() -> new NotFoundException("Profile not found"));
  }

  List<ExerciseName> catalogue(Tx tx, UUID profileId, Aliases aliases) throws SQLException {
    Map<String, String> names = new HashMap<>();
    Map<String, LocalDate> lastDone = new HashMap<>();
    Map<String, String> historyName = new HashMap<>();
    for (KeyRow row : progress.historyKeys(tx, profileId)) {
      String canonical = aliases.canonical(row.key());
      lastDone.merge(canonical, row.lastDate(), (a, b) -> a.isAfter(b) ? a : b);
      if (canonical.equals(row.key())) {
        historyName.put(canonical, row.name());
      } else {
        historyName.putIfAbsent(canonical, row.name());
      }
      names.putIfAbsent(canonical, null);
    }
    for (String planName : progress.planExerciseNames(tx, profileId)) {
      String key = ExerciseKey.of(planName);
      if (key.isEmpty()) {
        continue;
      }
      String canonical = aliases.canonical(key);
      names.putIfAbsent(canonical, null);
      if (canonical.equals(key)) {
        historyName.putIfAbsent(canonical, ExerciseKey.tidy(planName));
      }
    }
    for (ProgressRepository.AliasRow alias : aliases.all()) {
      names.putIfAbsent(alias.targetKey(), null);
    }
    List<ExerciseName> list = new ArrayList<>();
    for (String canonical : names.keySet()) {
      String name = displayName(aliases, canonical, historyName.get(canonical));
      list.add(new ExerciseName(canonical, name, aliases.aliasesOf(canonical), lastDone.get(canonical)));
    }
    list.sort(BY_NAME);
    return list;
  }

  private static String displayName(Aliases aliases, String canonical, String fallback) {
    String renamed = aliases.nameOf(canonical);
    if (renamed != null) {
      return renamed;
    }
    return fallback != null ? fallback : canonical;
  }

  private Optional<ExerciseName> find(Tx tx, UUID profileId, Aliases aliases, String name) throws SQLException {
    String key = ExerciseKey.of(name);
    if (key.isEmpty()) {
      return Optional.empty();
    }
    String canonical = aliases.canonical(key);
    for (ExerciseName exercise : catalogue(tx, profileId, aliases)) {
      if (exercise.key().equals(canonical)) {
        return Optional.of(exercise);
      }
    }
    return Optional.empty();
  }

  private List<ExerciseSession> sessions(Tx tx, UUID profileId, List<String> keys, int newest, Unit unit)
      throws SQLException {
    Map<UUID, ExerciseSession> merged = new LinkedHashMap<>();
    List<SessionRow> rows = progress.sessions(tx, profileId, keys, newest);
    for (int i = rows.size() - 1; i >= 0; i--) {
      SessionRow row = rows.get(i);
      ExerciseSession session = new ExerciseSession(row.sessionId(), row.date(), row.workingSets(),
          Weights.convert(row.bestE1rm(), row.unit(), unit), Weights.convert(row.bestBrzycki(), row.unit(), unit),
          Weights.convert(row.volume(), row.unit(), unit), Weights.convert(row.heaviest(), row.unit(), unit));
      merged.merge(row.sessionId(), session, (a, b) -> new ExerciseSession(a.sessionId(), a.date(),
          a.sets() + b.sets(), max(a.bestE1rm(), b.bestE1rm()), max(a.bestBrzycki(), b.bestBrzycki()),
          a.volume() + b.volume(), max(a.heaviest(), b.heaviest())));
    }
    return new ArrayList<>(merged.values());
  }

  private ExerciseRecords records(Tx tx, UUID profileId, ExerciseName exercise, Unit unit) throws SQLException {
    Map<RecordKind, RecordValue> best = new EnumMap<>(RecordKind.class);
    record Pair(RecordKind kind, ProgressRepository.Best column) {}
    for (Pair pair : List.of(new Pair(RecordKind.HEAVIEST_WEIGHT, ProgressRepository.Best.HEAVIEST),
        new Pair(RecordKind.BEST_E1RM, ProgressRepository.Best.E1RM),
        new Pair(RecordKind.BEST_SET_VOLUME, ProgressRepository.Best.SET_VOLUME),
        new Pair(RecordKind.BEST_SESSION_VOLUME, ProgressRepository.Best.SESSION_VOLUME))) {
      BestRow row = null;
      for (String key : exercise.keys()) {
        row = better(row, progress.best(tx, profileId, key, pair.column()).orElse(null));
      }
      if (row != null) {
        best.put(pair.kind(), value(row, unit));
      }
    }
    // Most reps at any weight: the highest rep count, at the heaviest weight it was done with.
    RepsAtWeight most = null;
    for (String key : exercise.keys()) {
      Integer reps = progress.maxReps(tx, profileId, key).orElse(null);
      if (reps == null || (most != null && reps < most.reps())) {
        continue;
      }
      BestRow row = progress.repMax(tx, profileId, key, reps).orElseThrow();
      RepsAtWeight candidate = new RepsAtWeight(Weights.convert(row.value(), row.unit(), unit), reps, row.date(),
          row.sessionId());
      if (most == null || reps > most.reps() || candidate.weight() > most.weight()) {
        most = candidate;
      }
    }
    return new ExerciseRecords(exercise.name(), best, most);
  }

  private List<RepsAtWeight> repsAtWeight(Tx tx, UUID profileId, List<String> keys, Unit unit) throws SQLException {
    TreeMap<Double, RepsRow> byWeight = new TreeMap<>();
    for (String key : keys) {
      for (RepsRow row : progress.repsAtWeight(tx, profileId, key)) {
        byWeight.merge(row.weightKg(), row, (a, b) -> a.reps() != b.reps() ? (a.reps() > b.reps() ? a : b)
            : (earlier(a.date(), a.startedAt(), b.date(), b.startedAt()) ? a : b));
      }
    }
    List<RepsAtWeight> list = new ArrayList<>();
    for (RepsRow row : byWeight.values()) {
      list.add(new RepsAtWeight(Weights.convert(row.weight(), row.unit(), unit), row.reps(), row.date(), row.sessionId()));
    }
    return list;
  }

  private LastTime lastTime(Tx tx, UUID profileId, ExerciseName exercise, Unit unit) throws SQLException {
    LastRow last = null;
    for (String key : exercise.keys()) {
      LastRow row = progress.last(tx, profileId, key).orElse(null);
      if (row != null && (last == null || earlier(last.date(), last.startedAt(), row.date(), row.startedAt()))) {
        last = row;
      }
    }
    if (last == null) {
      return null;
    }
    List<LoggedSet> sets = new ArrayList<>();
    for (SetRow row : progress.sets(tx, profileId, last.sessionId(), exercise.keys())) {
      sets.add(new LoggedSet(row.type(), row.reps(), Weights.convert(row.weight(), last.unit(), unit), row.rpe()));
    }
    return new LastTime(exercise.name(), last.date(), last.sessionId(), sets);
  }

  private static BestRow better(BestRow current, BestRow candidate) {
    if (candidate == null) {
      return current;
    }
    if (current == null || candidate.valueKg() > current.valueKg()) {
      return candidate;
    }
    if (candidate.valueKg() == current.valueKg()
        && earlier(candidate.date(), candidate.startedAt(), current.date(), current.startedAt())) {
      return candidate;
    }
    return current;
  }

  private static boolean earlier(LocalDate date, java.time.Instant startedAt, LocalDate otherDate,
      java.time.Instant otherStartedAt) {
    int byDate = date.compareTo(otherDate);
    return byDate < 0 || (byDate == 0 && startedAt.isBefore(otherStartedAt));
  }

  private static RecordValue value(BestRow row, Unit unit) {
    return new RecordValue(Weights.convert(row.value(), row.unit(), unit), row.date(), row.sessionId());
  }

  private static Double max(Double a, Double b) {
    if (a == null) {
      return b;
    }
    return b == null || a >= b ? a : b;
  }

  static LocalDate startOf(LocalDate day, boolean week) {
    return week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day.withDayOfMonth(1);
  }
}
