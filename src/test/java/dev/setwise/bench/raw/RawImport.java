package dev.setwise.bench.raw;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32C;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Baseline of {@code setwise import FILE}: what any correct import of a Setwise export into this
 * schema must do, and nothing of Setwise's own. One streaming pass of Jackson over the file; each
 * plan and session copied token by token into its stored JSON text while the columns derived
 * from it are computed on the way; every row inserted in JDBC batches with plain SQL into the real
 * schema (same pragmas as Setwise, including the page cache its import uses: SessionBatch's
 * 128 MiB), in one transaction, the schema's triggers firing as for any insert (the change feed,
 * the session totals and trigram name index, the week and month totals).
 *
 * <p>The rows are those the schema expects (docs/decisions/0060; {@code BaselineDataTest} holds
 * them equal to Setwise's, table by table): the profile; the plans with the CRC-32C of their text
 * (V15) and {@code has_sessions} set for every plan a session refers to; the sessions with their
 * summary columns (the contract's exact volume), version and the CRC-32C of their snapshot (V17);
 * and for each completed session its progress rows (V6, decision 0023): {@code session_log}, one
 * {@code exercise_log} row per exercise key with a completed set, one {@code set_log} row per
 * completed set, with e1RM (Epley, Brzycki) and the kg columns. The formulas are written out here
 * (contract §4a), not taken from Setwise, so that the jar holds only this class, Jackson's core
 * and sqlite-jdbc.
 *
 * <p>Not done, because only Setwise needs them: validation, the duplicate and id checks, the
 * backup, the audit entry and the {@code imports} record; amendments (a version 2 file's) are
 * skipped. {@link RawImportBare} is the first baseline, which wrote neither the checks nor the
 * progress rows.
 *
 * <p>{@code java -jar raw-import.jar FILE DB}; prints {@code plans N sessions M}.
 */
public final class RawImport {

  private static final int BATCH = 500;
  private static final double KG_PER_LB = 0.45359237;

  public static void main(String[] args) throws Exception {
    JsonFactory factory = new JsonFactory();
    try (JsonParser parser = factory.createParser(ObjectReadContext.empty(), Path.of(args[0]));
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + Path.of(args[1]).toAbsolutePath())) {
      try (Statement pragmas = connection.createStatement()) {
        pragmas.execute("PRAGMA journal_mode=WAL");
        pragmas.execute("PRAGMA synchronous=FULL");
        pragmas.execute("PRAGMA foreign_keys=ON");
        pragmas.execute("PRAGMA busy_timeout=10000");
        // what Setwise's import sets while its batches are open (SessionBatch.CACHE_KIB)
        pragmas.execute("PRAGMA cache_size=-131072");
      }
      connection.setAutoCommit(false);
      RawImport run = new RawImport(factory, connection);
      run.document(parser);
      connection.commit();
      System.out.println("plans " + run.plans + " sessions " + run.sessions);
    }
  }

  private final JsonFactory factory;
  private final PreparedStatement insertProfile;
  private final PreparedStatement insertPlan;
  private final PreparedStatement markPlan;
  private final PreparedStatement insertSession;
  private final PreparedStatement insertSessionLog;
  private final PreparedStatement insertExerciseLog;
  private final PreparedStatement insertSetLog;
  private final Set<String> plansUsed = new LinkedHashSet<>();
  private final CRC32C crc = new CRC32C();
  private String profileId;
  private int plans;
  private int sessions;
  private int queued;

  private RawImport(JsonFactory factory, Connection connection) throws Exception {
    this.factory = factory;
    insertProfile = connection.prepareStatement("INSERT INTO profiles (id, name, unit, created_at) VALUES (?, ?, ?, ?)");
    insertPlan = connection.prepareStatement("INSERT INTO plans (id, user_id, name, exercise_count, has_sessions, "
        + "archived, created_at, updated_at, structure_check, structure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    markPlan = connection.prepareStatement("UPDATE plans SET has_sessions = 1 WHERE id = ? AND has_sessions = 0");
    insertSession = connection.prepareStatement("INSERT INTO sessions (id, user_id, plan_id, date, started_at, "
        + "ended_at, name, unit, exercise_count, set_count, completed_set_count, volume, created_at, updated_at, "
        + "version, snapshot_check, session, summary, summary_version) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertSessionLog = connection.prepareStatement("INSERT INTO session_log (session_id, user_id, date, day, "
        + "started_at, unit, bodyweight, working_sets, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertExerciseLog = connection.prepareStatement("INSERT INTO exercise_log (session_id, exercise_key, user_id, "
        + "exercise_name, date, day, started_at, unit, completed_sets, working_sets, volume, volume_kg, best_e1rm, "
        + "best_e1rm_kg, best_brzycki, heaviest, heaviest_kg, best_set_volume, best_set_volume_kg) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertSetLog = connection.prepareStatement("INSERT INTO set_log (session_id, exercise_index, set_index, user_id, "
        + "exercise_key, date, started_at, unit, type, reps, weight, rpe, working, e1rm, weight_kg) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  }

  private void document(JsonParser p) throws Exception {
    p.nextToken();
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "profile" -> profile(p);
        case "plans" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            plan(p);
          }
          insertPlan.executeBatch();
        }
        case "sessions" -> {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            session(p);
          }
          flushSessions();
          for (String plan : plansUsed) {
            markPlan.setString(1, plan);
            markPlan.addBatch();
          }
          markPlan.executeBatch();
        }
        default -> p.skipChildren();
      }
    }
  }

  private void profile(JsonParser p) throws Exception {
    String name = null;
    String unit = null;
    String createdAt = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> profileId = p.getString();
        case "name" -> name = p.getString();
        case "unit" -> unit = p.getString();
        case "created_at" -> createdAt = p.getString();
        default -> p.skipChildren();
      }
    }
    insertProfile.setString(1, profileId);
    insertProfile.setString(2, name);
    insertProfile.setString(3, unit);
    insertProfile.setLong(4, millis(createdAt));
    insertProfile.executeUpdate();
  }

  private void plan(JsonParser p) throws Exception {
    Structure structure = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> insertPlan.setString(1, p.getString());
        case "name" -> insertPlan.setString(3, p.getString());
        case "structure" -> structure = copy(p);
        case "has_sessions" -> insertPlan.setInt(5, p.getBooleanValue() ? 1 : 0);
        case "archived" -> insertPlan.setInt(6, p.getBooleanValue() ? 1 : 0);
        case "created_at" -> insertPlan.setLong(7, millis(p.getString()));
        case "updated_at" -> insertPlan.setLong(8, millis(p.getString()));
        default -> p.skipChildren();
      }
    }
    insertPlan.setString(2, profileId);
    insertPlan.setInt(4, structure.exercises.size());
    insertPlan.setLong(9, structure.check);
    insertPlan.setString(10, structure.text);
    insertPlan.addBatch();
    if (++plans % BATCH == 0) {
      insertPlan.executeBatch();
    }
  }

  private void session(JsonParser p) throws Exception {
    Structure structure = null;
    PreparedStatement s = insertSession;
    String id = null;
    String planId = null;
    String date = null;
    long startedAt = 0;
    Long endedAt = null;
    long createdAt = 0;
    long updatedAt = 0;
    boolean completed = false;
    long version = 1;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> s.setString(1, id = p.getString());
        case "plan_id" -> {
          if (value == JsonToken.VALUE_NULL) {
            s.setNull(3, Types.VARCHAR);
          } else {
            String plan = p.getString();
            planId = plan;
            s.setString(3, plan);
            plansUsed.add(plan);
          }
        }
        case "date" -> s.setString(4, date = p.getString());
        case "started_at" -> s.setLong(5, startedAt = millis(p.getString()));
        case "ended_at" -> {
          completed = value != JsonToken.VALUE_NULL;
          if (completed) {
            s.setLong(6, endedAt = millis(p.getString()));
          } else {
            s.setNull(6, Types.INTEGER);
          }
        }
        case "session" -> structure = copy(p);
        case "created_at" -> s.setLong(13, createdAt = millis(p.getString()));
        case "updated_at" -> s.setLong(14, updatedAt = millis(p.getString()));
        case "version" -> version = p.getLongValue();
        default -> p.skipChildren();
      }
    }
    s.setString(2, profileId);
    s.setString(7, structure.name == null ? "Workout" : structure.name);
    s.setString(8, structure.unit);
    s.setInt(9, structure.exercises.size());
    s.setInt(10, structure.sets);
    s.setInt(11, structure.completedSets);
    s.setDouble(12, structure.volume.setScale(3, RoundingMode.HALF_UP).doubleValue());
    s.setLong(15, version);
    s.setLong(16, structure.check);
    s.setString(17, structure.text);
    // the list item's text Setwise stores with the row (0066), written here by hand
    String name = structure.name == null ? "Workout" : structure.name;
    double volume = structure.volume.setScale(3, RoundingMode.HALF_UP).doubleValue();
    s.setString(18, "{\"id\":\"" + id + "\",\"plan_id\":" + (planId == null ? "null" : "\"" + planId + "\"")
        + ",\"date\":\"" + date + "\",\"started_at\":\"" + Instant.ofEpochMilli(startedAt)
        + "\",\"ended_at\":" + (endedAt == null ? "null" : "\"" + Instant.ofEpochMilli(endedAt) + "\"")
        + ",\"status\":\"" + (completed ? "completed" : "in_progress") + "\",\"created_at\":\""
        + Instant.ofEpochMilli(createdAt) + "\",\"updated_at\":\"" + Instant.ofEpochMilli(updatedAt)
        + "\",\"version\":" + version + ",\"amended\":false,\"name\":\""
        + quoted(name) + "\",\"unit\":\"" + structure.unit
        + "\",\"exercise_count\":" + structure.exercises.size() + ",\"set_count\":" + structure.sets
        + ",\"completed_set_count\":" + structure.completedSets + ",\"volume\":" + volume + "}");
    s.setLong(19, version);
    s.addBatch();
    if (completed) {
      progress(id, date, startedAt, structure);
    }
    sessions++;
    if (++queued == BATCH) {
      flushSessions();
    }
  }

  /** {@code text} escaped for a JSON string, as Jackson's generator escapes it. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    JsonStringEncoder.getInstance().quoteAsString(text, out);
    return out.toString();
  }

  /** The sessions first: the progress rows refer to them. */
  private void flushSessions() throws Exception {
    insertSession.executeBatch();
    insertSessionLog.executeBatch();
    insertExerciseLog.executeBatch();
    insertSetLog.executeBatch();
    queued = 0;
  }

  /** The progress rows of a completed session (contract §4a). */
  private void progress(String sessionId, String date, long startedAt, Structure structure) throws Exception {
    boolean lb = structure.unit.equals("lb");
    long day = LocalDate.parse(date).toEpochDay();
    Map<String, ExerciseTotals> byKey = new LinkedHashMap<>();
    int working = 0;
    BigDecimal volume = BigDecimal.ZERO;
    PreparedStatement set = insertSetLog;
    for (int e = 0; e < structure.exercises.size(); e++) {
      ExerciseSets exercise = structure.exercises.get(e);
      String key = tidy(exercise.name).toLowerCase(Locale.ROOT);
      for (int i = 0; i < exercise.sets.size(); i++) {
        SetValues v = exercise.sets.get(i);
        if (!v.completed) {
          continue;
        }
        boolean isWorking = !v.type.equals("warmup") && v.reps != null && v.reps >= 1 && v.weight != null
            && v.weight > 0;
        Double e1rm = isWorking ? estimate(v.reps, v.weight, true) : null;
        set.setString(1, sessionId);
        set.setInt(2, e);
        set.setInt(3, i);
        set.setString(4, profileId);
        set.setString(5, key);
        set.setString(6, date);
        set.setLong(7, startedAt);
        set.setString(8, structure.unit);
        set.setString(9, v.type);
        if (v.reps == null) {
          set.setNull(10, Types.INTEGER);
        } else {
          set.setInt(10, v.reps);
        }
        setDouble(set, 11, v.weight);
        setDouble(set, 12, v.rpe);
        set.setInt(13, isWorking ? 1 : 0);
        setDouble(set, 14, e1rm);
        setDouble(set, 15, v.weight == null ? null : kg(v.weight, lb));
        set.addBatch();
        ExerciseTotals line = byKey.computeIfAbsent(key, k -> new ExerciseTotals(tidy(exercise.name)));
        line.completed++;
        if (isWorking) {
          BigDecimal setVolume = BigDecimal.valueOf(v.weight).multiply(BigDecimal.valueOf(v.reps));
          working++;
          volume = volume.add(setVolume);
          line.working++;
          line.volume = line.volume.add(setVolume);
          line.bestE1rm = max(line.bestE1rm, e1rm);
          line.bestBrzycki = max(line.bestBrzycki, estimate(v.reps, v.weight, false));
          line.heaviest = max(line.heaviest, v.weight);
          line.bestSetVolume = max(line.bestSetVolume, setVolume.doubleValue());
        }
      }
    }
    PreparedStatement log = insertSessionLog;
    log.setString(1, sessionId);
    log.setString(2, profileId);
    log.setString(3, date);
    log.setLong(4, day);
    log.setLong(5, startedAt);
    log.setString(6, structure.unit);
    setDouble(log, 7, structure.bodyweight);
    log.setInt(8, working);
    log.setDouble(9, volume.doubleValue());
    log.addBatch();
    PreparedStatement x = insertExerciseLog;
    for (Map.Entry<String, ExerciseTotals> entry : byKey.entrySet()) {
      ExerciseTotals line = entry.getValue();
      double lineVolume = line.volume.doubleValue();
      x.setString(1, sessionId);
      x.setString(2, entry.getKey());
      x.setString(3, profileId);
      x.setString(4, line.name);
      x.setString(5, date);
      x.setLong(6, day);
      x.setLong(7, startedAt);
      x.setString(8, structure.unit);
      x.setInt(9, line.completed);
      x.setInt(10, line.working);
      x.setDouble(11, lineVolume);
      x.setDouble(12, kg(lineVolume, lb));
      setDouble(x, 13, line.bestE1rm);
      setDouble(x, 14, line.bestE1rm == null ? null : kg(line.bestE1rm, lb));
      setDouble(x, 15, line.bestBrzycki);
      setDouble(x, 16, line.heaviest);
      setDouble(x, 17, line.heaviest == null ? null : kg(line.heaviest, lb));
      setDouble(x, 18, line.bestSetVolume);
      setDouble(x, 19, line.bestSetVolume == null ? null : kg(line.bestSetVolume, lb));
      x.addBatch();
    }
  }

  /** Epley (or Brzycki) for 1 to 12 reps, the weight itself for one rep. */
  private static Double estimate(int reps, double weight, boolean epley) {
    if (reps < 1 || reps > 12 || !(weight > 0)) {
      return null;
    }
    if (reps == 1) {
      return weight;
    }
    return epley ? weight * (1 + reps / 30.0) : weight * 36.0 / (37 - reps);
  }

  private static double kg(double value, boolean lb) {
    return lb ? value * KG_PER_LB : value;
  }

  private static Double max(Double current, Double candidate) {
    if (candidate == null) {
      return current;
    }
    return current == null || candidate > current ? candidate : current;
  }

  /** An exercise's name as a key is made of it: trimmed, inner runs of white space made one space. */
  private static String tidy(String name) {
    if (name == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(name.length());
    boolean space = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }

  private static void setDouble(PreparedStatement statement, int index, Double value) throws Exception {
    if (value == null) {
      statement.setNull(index, Types.REAL);
    } else {
      statement.setDouble(index, value);
    }
  }

  /** The structure under the parser, copied to compact JSON text, what the rows need taken on the way. */
  private Structure copy(JsonParser p) {
    Structure structure = new Structure();
    StringWriter text = new StringWriter(1024);
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String field = p.currentName();
        g.writeName(field);
        JsonToken value = p.nextToken();
        switch (field) {
          case "name" -> {
            structure.name = value == JsonToken.VALUE_STRING ? p.getString() : null;
            g.copyCurrentEvent(p);
          }
          case "unit" -> {
            structure.unit = p.getString();
            g.copyCurrentEvent(p);
          }
          case "bodyweight" -> {
            structure.bodyweight = value.isNumeric() ? p.getDoubleValue() : null;
            g.copyCurrentEvent(p);
          }
          case "exercises" -> exercises(p, g, structure);
          default -> g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    }
    structure.text = text.toString();
    byte[] utf8 = structure.text.getBytes(StandardCharsets.UTF_8);
    crc.reset();
    crc.update(utf8, 0, utf8.length);
    structure.check = crc.getValue();
    return structure;
  }

  private static void exercises(JsonParser p, JsonGenerator g, Structure structure) {
    g.writeStartArray();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      ExerciseSets exercise = new ExerciseSets();
      structure.exercises.add(exercise);
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String field = p.currentName();
        g.writeName(field);
        JsonToken value = p.nextToken();
        if (field.equals("sets")) {
          sets(p, g, structure, exercise);
        } else {
          if (field.equals("name") && value == JsonToken.VALUE_STRING) {
            exercise.name = p.getString();
          }
          g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void sets(JsonParser p, JsonGenerator g, Structure structure, ExerciseSets exercise) {
    g.writeStartArray();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      structure.sets++;
      SetValues set = new SetValues();
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String field = p.currentName();
        g.writeName(field);
        JsonToken value = p.nextToken();
        switch (field) {
          case "type" -> set.type = value == JsonToken.VALUE_STRING ? p.getString() : set.type;
          case "completed" -> set.completed = value == JsonToken.VALUE_TRUE;
          case "reps" -> set.reps = value.isNumeric() ? p.getIntValue() : null;
          case "weight" -> set.weight = value.isNumeric() ? p.getDoubleValue() : null;
          case "rpe" -> set.rpe = value.isNumeric() ? p.getDoubleValue() : null;
          default -> { }
        }
        g.copyCurrentEvent(p);
      }
      g.writeEndObject();
      exercise.sets.add(set);
      if (set.completed) {
        structure.completedSets++;
        if (!set.type.equals("warmup") && set.reps != null && set.weight != null) {
          structure.volume = structure.volume.add(BigDecimal.valueOf(set.weight).multiply(BigDecimal.valueOf(set.reps)));
        }
      }
    }
    g.writeEndArray();
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /** One plan's or session's structure: its text and check, and what the rows derived from it need. */
  private static final class Structure {
    String text;
    long check;
    String name;
    String unit;
    Double bodyweight;
    final List<ExerciseSets> exercises = new ArrayList<>();
    int sets;
    int completedSets;
    /** Σ reps × weight of completed, non-warm-up sets, exact (the contract's session volume). */
    BigDecimal volume = BigDecimal.ZERO;
  }

  private static final class ExerciseSets {
    String name;
    final List<SetValues> sets = new ArrayList<>();
  }

  private static final class SetValues {
    String type = "normal";
    boolean completed;
    Integer reps;
    Double weight;
    Double rpe;
  }

  /** One exercise key's line of {@code exercise_log}. */
  private static final class ExerciseTotals {
    final String name;
    int completed;
    int working;
    BigDecimal volume = BigDecimal.ZERO;
    Double bestE1rm;
    Double bestBrzycki;
    Double heaviest;
    Double bestSetVolume;

    ExerciseTotals(String name) {
      this.name = name;
    }
  }
}
