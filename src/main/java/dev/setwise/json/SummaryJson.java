package dev.setwise.json;

import dev.setwise.domain.SessionStatus;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.Unit;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import tools.jackson.databind.json.JsonMapper;

/**
 * A session summary as the REST list sends it ({@code {"id":…,"volume":…}}), as bytes, and the
 * same text in the parts a save can replace without knowing the rest (docs/decisions/0066).
 *
 * <p>The text is always, in this order: the {@linkplain #write head} (id, plan, date, start; they
 * never change), the {@linkplain #ended end} ({@code ,"ended_at":…,"status":…}; it changes once,
 * when the session is completed), the creation ({@code ,"created_at":…}; it never changes), the
 * {@linkplain #updated last change} and the version, then the {@linkplain #tail figures}
 * ({@code ,"amended":…,"name":…,"volume":…}). The parts start with the keys {@link #ENDED_KEY},
 * {@link #CREATED_KEY} and {@link #UPDATED_KEY}, which no value before them can hold (ids, a date
 * and instants), so the schema's stored summary is cut at them by SQL ({@code store/StoredSummary}).
 * Whole or in parts, every value is written by {@link JsonBytes}, as the mapper writes it.
 */
public final class SummaryJson {

  /** Where the end starts: after the head. */
  public static final String ENDED_KEY = ",\"ended_at\":";
  /** Where the creation starts: after the end. */
  public static final String CREATED_KEY = ",\"created_at\":";
  /** Where the last change starts: after the creation. */
  public static final String UPDATED_KEY = ",\"updated_at\":";

  /** A summary is about 400 bytes. */
  public static final int TYPICAL_BYTES = 420;

  private static final byte[] ID = JsonBytes.ascii("{\"id\":");
  private static final byte[] PLAN_ID = JsonBytes.ascii(",\"plan_id\":");
  private static final byte[] DATE = JsonBytes.ascii(",\"date\":");
  private static final byte[] STARTED_AT = JsonBytes.ascii(",\"started_at\":");
  private static final byte[] ENDED_AT = JsonBytes.ascii(ENDED_KEY);
  private static final byte[] STATUS = JsonBytes.ascii(",\"status\":");
  private static final byte[] CREATED_AT = JsonBytes.ascii(CREATED_KEY);
  private static final byte[] UPDATED_AT = JsonBytes.ascii(UPDATED_KEY);
  private static final byte[] VERSION = JsonBytes.ascii(",\"version\":");
  private static final byte[] AMENDED = JsonBytes.ascii(",\"amended\":");
  private static final byte[] NAME = JsonBytes.ascii(",\"name\":");
  private static final byte[] UNIT = JsonBytes.ascii(",\"unit\":");
  private static final byte[] EXERCISE_COUNT = JsonBytes.ascii(",\"exercise_count\":");
  private static final byte[] SET_COUNT = JsonBytes.ascii(",\"set_count\":");
  private static final byte[] COMPLETED_SET_COUNT = JsonBytes.ascii(",\"completed_set_count\":");
  private static final byte[] VOLUME = JsonBytes.ascii(",\"volume\":");
  private static final byte[] OBJECT_END = JsonBytes.ascii("}");

  private SummaryJson() {}

  /** The whole summary, as its own bytes. */
  public static byte[] of(JsonMapper mapper, SessionSummary summary) {
    JsonBytes json = new JsonBytes(mapper, TYPICAL_BYTES);
    write(json, summary);
    return json.toByteArray();
  }

  /** The whole summary, appended to {@code json}. */
  public static void write(JsonBytes json, SessionSummary summary) {
    json.raw(ID).uuid(summary.id())
        .raw(PLAN_ID).uuid(summary.planId())
        .raw(DATE).date(summary.date())
        .raw(STARTED_AT).instant(summary.startedAt());
    ended(json, summary.endedAt());
    json.raw(CREATED_AT).instant(summary.createdAt());
    updated(json, summary.updatedAt());
    json.number(summary.version());
    tail(json, summary.amended(), summary.name(), summary.unit(), summary.exerciseCount(), summary.setCount(),
        summary.completedSetCount(), summary.volume());
  }

  /** The end: {@code ,"ended_at":…,"status":…}. */
  public static String ended(JsonMapper mapper, Instant endedAt) {
    JsonBytes json = new JsonBytes(mapper, 64);
    ended(json, endedAt);
    return text(json);
  }

  /** The last change, up to its version's value: {@code ,"updated_at":…,"version":}. */
  public static String updated(JsonMapper mapper, Instant updatedAt) {
    JsonBytes json = new JsonBytes(mapper, 64);
    updated(json, updatedAt);
    return text(json);
  }

  /** The figures and the closing brace: {@code ,"amended":…,"name":…,…,"volume":…}}. */
  public static String tail(JsonMapper mapper, boolean amended, String name, Unit unit, int exerciseCount,
      int setCount, int completedSetCount, double volume) {
    JsonBytes json = new JsonBytes(mapper, 192);
    tail(json, amended, name, unit, exerciseCount, setCount, completedSetCount, volume);
    return text(json);
  }

  private static void ended(JsonBytes json, Instant endedAt) {
    SessionStatus status = endedAt == null ? SessionStatus.IN_PROGRESS : SessionStatus.COMPLETED;
    json.raw(ENDED_AT).instant(endedAt).raw(STATUS).string(status.code());
  }

  private static void updated(JsonBytes json, Instant updatedAt) {
    json.raw(UPDATED_AT).instant(updatedAt).raw(VERSION);
  }

  private static void tail(JsonBytes json, boolean amended, String name, Unit unit, int exerciseCount,
      int setCount, int completedSetCount, double volume) {
    json.raw(AMENDED).bool(amended)
        .raw(NAME).string(name)
        .raw(UNIT).string(unit.code())
        .raw(EXERCISE_COUNT).number(exerciseCount)
        .raw(SET_COUNT).number(setCount)
        .raw(COMPLETED_SET_COUNT).number(completedSetCount)
        .raw(VOLUME).number(volume)
        .raw(OBJECT_END);
  }

  private static String text(JsonBytes json) {
    return new String(json.toByteArray(), StandardCharsets.UTF_8);
  }
}
