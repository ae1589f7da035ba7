package dev.setwise.support;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.Unit;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes export documents for tests: a generated history with every field and every set type
 * (seeded, so the same every run), streamed so that large ones cost no memory.
 */
public final class ExportDocuments {

  public static final String PROFILE_ID = "0192f0a0-0000-7000-8000-000000000001";
  private static final JsonMapper MAPPER = new JsonCodec(JsonLimits.STORED).mapper();

  private ExportDocuments() {}

  /**
   * A history of {@code sessions} sessions over {@code plans} plans (one archived), the newest
   * session in progress when {@code withInProgress}.
   */
  public static Path history(Path file, String profileName, int plans, int sessions, boolean withInProgress)
      throws IOException {
    return history(file, profileName, plans, sessions, withInProgress, Instant.parse("2024-02-01T07:00:00Z"));
  }

  /** Like {@link #history(Path, String, int, int, boolean)}, the first session at {@code start}, one every 20 hours. */
  public static Path history(Path file, String profileName, int plans, int sessions, boolean withInProgress,
      Instant start) throws IOException {
    Random random = new Random(42);
    List<UUID> planIds = new ArrayList<>();
    try (OutputStream out = Files.newOutputStream(file);
        JsonGenerator json = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
      json.writeStartObject();
      json.writeStringProperty("format", "setwise-export");
      json.writeNumberProperty("version", 1);
      json.writeStringProperty("exported_at", "2026-11-24T07:15:00Z");
      json.writeStringProperty("exported_by", "Setwise test");
      Map<String, Object> profile = new LinkedHashMap<>();
      profile.put("id", PROFILE_ID);
      profile.put("name", profileName);
      profile.put("unit", "kg");
      profile.put("created_at", "2024-01-01T08:00:00Z");
      json.writeName("profile");
      MAPPER.writeValue(json, profile);
      json.writeName("counts");
      Map<String, Object> counts = new LinkedHashMap<>();
      counts.put("plans", plans);
      counts.put("sessions", sessions);
      MAPPER.writeValue(json, counts);
      json.writeName("plans");
      json.writeStartArray();
      Instant planTime = Instant.parse("2024-01-02T09:00:00.125Z");
      for (int p = 0; p < plans; p++) {
        UUID id = new UUID(0x0192f0a000017000L + p, 0x8000000000000000L | random.nextLong() >>> 2);
        planIds.add(id);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("id", id.toString());
        plan.put("name", "Plan " + (char) ('A' + p % 26) + p);
        plan.put("structure", StructureTree.toTree(structure(random, p, false)));
        plan.put("has_sessions", true);
        plan.put("archived", p == plans - 1);
        plan.put("created_at", Timestamps.format(planTime.plusSeconds(p * 60L)));
        plan.put("updated_at", Timestamps.format(planTime.plusSeconds(p * 60L + 30)));
        MAPPER.writeValue(json, plan);
      }
      json.writeEndArray();
      json.writeName("sessions");
      json.writeStartArray();
      for (int s = 0; s < sessions; s++) {
        Instant startedAt = start.plus(Duration.ofHours(20L * s)).plusMillis(random.nextInt(1000));
        boolean inProgress = withInProgress && s == sessions - 1;
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("id", new UUID(0x0192f0b000017000L + s, 0x8000000000000000L | random.nextLong() >>> 2).toString());
        session.put("plan_id", plans == 0 || s % 7 == 3 ? null : planIds.get(s % plans).toString());
        session.put("date", LocalDate.ofInstant(startedAt, ZoneOffset.UTC).toString());
        session.put("started_at", Timestamps.format(startedAt));
        Instant endedAt = inProgress ? null : startedAt.plus(Duration.ofMinutes(45 + random.nextInt(40)));
        session.put("ended_at", Timestamps.format(endedAt));
        session.put("status", inProgress ? "in_progress" : "completed");
        session.put("session", StructureTree.toTree(structure(random, s, true)));
        session.put("created_at", Timestamps.format(startedAt));
        session.put("updated_at", Timestamps.format(endedAt == null ? startedAt.plusSeconds(90) : endedAt));
        MAPPER.writeValue(json, session);
      }
      json.writeEndArray();
      json.writeEndObject();
    }
    return file;
  }

  /** A structure using every field and every set type; with actual values when {@code done}. */
  public static SessionStructure structure(Random random, int n, boolean done) {
    Unit unit = n % 3 == 0 ? Unit.LB : Unit.KG;
    List<Exercise> exercises = new ArrayList<>();
    int count = 1 + random.nextInt(4);
    for (int e = 0; e < count; e++) {
      List<SetEntry> sets = new ArrayList<>();
      for (SetType type : SetType.values()) {
        Integer targetReps = 3 + random.nextInt(8);
        Double targetWeight = 20 + random.nextInt(160) + (random.nextBoolean() ? 0.5 : 0.0);
        Double targetRpe = random.nextBoolean() ? 6.5 + random.nextInt(4) * 0.5 : null;
        Integer duration = e == 2 ? 30 + random.nextInt(60) : null;
        Double distance = e == 3 ? 100.0 + random.nextInt(5000) / 4.0 : null;
        SetEntry set = new SetEntry(type, targetReps, targetWeight, targetRpe, null, null, null, duration, distance,
            false, null);
        if (done && random.nextInt(10) > 0) {
          Instant at = Instant.parse("2024-02-01T07:10:00.250Z").plusSeconds(random.nextInt(1_000_000));
          set = set.withActuals(targetReps - random.nextInt(2), targetWeight, random.nextBoolean() ? 8.5 : null)
              .withCompleted(at);
        }
        sets.add(set);
      }
      exercises.add(new Exercise("Exercise " + e + " ünïcødé", e % 2 == 0 ? "Notes, \"quoted\"\nline two" : null,
          e == 0 ? null : 60 * e, e >= 2 ? "A" : null, sets));
    }
    return new SessionStructure(n % 5 == 0 ? null : "Workout " + n, unit, n % 4 == 0 ? "Felt strong" : null,
        n % 2 == 0 ? 81.5 : null, exercises);
  }
}
