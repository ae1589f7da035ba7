package dev.setwise.bench.raw;

import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The first baseline of {@code setwise import FILE}, kept to show the old ratio beside the fair
 * one ({@link RawImport}, docs/decisions/0060): one streaming pass of Jackson over a Setwise
 * export, each plan and session copied token by token into its stored JSON text while the summary
 * columns are counted on the way, inserted in batches with plain JDBC into the real schema (same
 * pragmas as Setwise, including the page cache its import uses: SessionBatch's 128 MiB), in one
 * transaction. No validation, no duplicate check, no backup, no audit.
 *
 * <p>It does less than any correct import into this schema: it writes neither the check of each
 * snapshot (V15/V17) nor the progress rows (V6: {@code session_log}, {@code exercise_log},
 * {@code set_log}, and through their triggers the week and month totals), which the schema expects
 * in step with every completed session (decision 0023), so a database it leaves has no progress
 * numbers; its session volume is a plain double sum, not the contract's exact one.
 *
 * <p>{@code java -jar raw-import-bare.jar FILE DB}; prints {@code plans N sessions M}.
 */
public final class RawImportBare {

  private static final int BATCH = 1_000;

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
      RawImportBare run = new RawImportBare(factory, connection);
      run.document(parser);
      connection.commit();
      System.out.println("plans " + run.plans + " sessions " + run.sessions);
    }
  }

  private final JsonFactory factory;
  private final PreparedStatement insertProfile;
  private final PreparedStatement insertPlan;
  private final PreparedStatement insertSession;
  private String profileId;
  private int plans;
  private int sessions;

  private RawImportBare(JsonFactory factory, Connection connection) throws Exception {
    this.factory = factory;
    insertProfile = connection.prepareStatement("INSERT INTO profiles (id, name, unit, created_at) VALUES (?, ?, ?, ?)");
    insertPlan = connection.prepareStatement("INSERT INTO plans (id, user_id, name, exercise_count, has_sessions, "
        + "archived, created_at, updated_at, structure) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insertSession = connection.prepareStatement("INSERT INTO sessions (id, user_id, plan_id, date, started_at, "
        + "ended_at, name, unit, exercise_count, set_count, completed_set_count, volume, created_at, updated_at, "
        + "session) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
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
          insertSession.executeBatch();
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
    Summary summary = new Summary();
    String structure = null;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String field = p.currentName();
      p.nextToken();
      switch (field) {
        case "id" -> insertPlan.setString(1, p.getString());
        case "name" -> insertPlan.setString(3, p.getString());
        case "structure" -> structure = copy(p, summary);
        case "has_sessions" -> insertPlan.setInt(5, p.getBooleanValue() ? 1 : 0);
        case "archived" -> insertPlan.setInt(6, p.getBooleanValue() ? 1 : 0);
        case "created_at" -> insertPlan.setLong(7, millis(p.getString()));
        case "updated_at" -> insertPlan.setLong(8, millis(p.getString()));
        default -> p.skipChildren();
      }
    }
    insertPlan.setString(2, profileId);
    insertPlan.setInt(4, summary.exercises);
    insertPlan.setString(9, structure);
    insertPlan.addBatch();
    if (++plans % BATCH == 0) {
      insertPlan.executeBatch();
    }
  }

  private void session(JsonParser p) throws Exception {
    Summary summary = new Summary();
    PreparedStatement s = insertSession;
    for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "id" -> s.setString(1, p.getString());
        case "plan_id" -> {
          if (value == JsonToken.VALUE_NULL) {
            s.setNull(3, Types.VARCHAR);
          } else {
            s.setString(3, p.getString());
          }
        }
        case "date" -> s.setString(4, p.getString());
        case "started_at" -> s.setLong(5, millis(p.getString()));
        case "ended_at" -> {
          if (value == JsonToken.VALUE_NULL) {
            s.setNull(6, Types.INTEGER);
          } else {
            s.setLong(6, millis(p.getString()));
          }
        }
        case "session" -> s.setString(15, copy(p, summary));
        case "created_at" -> s.setLong(13, millis(p.getString()));
        case "updated_at" -> s.setLong(14, millis(p.getString()));
        default -> p.skipChildren();
      }
    }
    s.setString(2, profileId);
    s.setString(7, summary.name == null ? "Workout" : summary.name);
    s.setString(8, summary.unit);
    s.setInt(9, summary.exercises);
    s.setInt(10, summary.sets);
    s.setInt(11, summary.completedSets);
    s.setDouble(12, summary.volume);
    s.addBatch();
    if (++sessions % BATCH == 0) {
      s.executeBatch();
    }
  }

  /** The structure under the parser, copied to compact JSON text, its summary counted on the way. */
  private String copy(JsonParser p, Summary summary) {
    StringWriter text = new StringWriter(1024);
    try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), text)) {
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String field = p.currentName();
        g.writeName(field);
        JsonToken value = p.nextToken();
        switch (field) {
          case "name" -> {
            summary.name = value == JsonToken.VALUE_STRING ? p.getString() : null;
            g.copyCurrentEvent(p);
          }
          case "unit" -> {
            summary.unit = p.getString();
            g.copyCurrentEvent(p);
          }
          case "exercises" -> exercises(p, g, summary);
          default -> g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    }
    return text.toString();
  }

  private static void exercises(JsonParser p, JsonGenerator g, Summary summary) {
    g.writeStartArray();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      summary.exercises++;
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String field = p.currentName();
        g.writeName(field);
        p.nextToken();
        if (field.equals("sets")) {
          sets(p, g, summary);
        } else {
          g.copyCurrentStructure(p);
        }
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void sets(JsonParser p, JsonGenerator g, Summary summary) {
    g.writeStartArray();
    while (p.nextToken() == JsonToken.START_OBJECT) {
      summary.sets++;
      String type = "normal";
      boolean completed = false;
      double reps = 0;
      double weight = 0;
      g.writeStartObject();
      for (JsonToken t = p.nextToken(); t == JsonToken.PROPERTY_NAME; t = p.nextToken()) {
        String field = p.currentName();
        g.writeName(field);
        JsonToken value = p.nextToken();
        switch (field) {
          case "type" -> type = value == JsonToken.VALUE_STRING ? p.getString() : type;
          case "completed" -> completed = value == JsonToken.VALUE_TRUE;
          case "reps" -> reps = value.isNumeric() ? p.getDoubleValue() : 0;
          case "weight" -> weight = value.isNumeric() ? p.getDoubleValue() : 0;
          default -> { }
        }
        g.copyCurrentEvent(p);
      }
      g.writeEndObject();
      if (completed) {
        summary.completedSets++;
        if (!type.equals("warmup")) {
          summary.volume += reps * weight;
        }
      }
    }
    g.writeEndArray();
  }

  private static long millis(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  /** The summary columns of one structure. */
  private static final class Summary {
    String name;
    String unit;
    int exercises;
    int sets;
    int completedSets;
    double volume;
  }
}
