package dev.setwise.api;

import dev.setwise.domain.Page;
import dev.setwise.domain.SessionSummary;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer of {@code GET /api/sessions} straight from the summaries, as bytes, instead of
 * building the tree of {@link Views#page} with {@link Views#summary} and serialising that: the same
 * fields in the same order, the very same bytes (SummaryPageWriterTest holds the two to it). Ids,
 * dates, instants and numbers are written digit by digit ({@link JsonBytes}); a name with anything
 * but plain ASCII is written by the mapper (docs/decisions/0058, 0061).
 */
final class SummaryPageWriter {

  /** A summary is about 400 bytes; a page of 50 then fits without growing the buffer. */
  private static final int BYTES_PER_ITEM = 420;

  private static final byte[] DATA = JsonBytes.ascii("{\"data\":[");
  private static final byte[] COMMA = JsonBytes.ascii(",");
  private static final byte[] TOTAL = JsonBytes.ascii("],\"pagination\":{\"total\":");
  private static final byte[] LIMIT = JsonBytes.ascii(",\"limit\":");
  private static final byte[] OFFSET = JsonBytes.ascii(",\"offset\":");
  private static final byte[] END = JsonBytes.ascii("}}");
  private static final byte[] ID = JsonBytes.ascii("{\"id\":");
  private static final byte[] PLAN_ID = JsonBytes.ascii(",\"plan_id\":");
  private static final byte[] DATE = JsonBytes.ascii(",\"date\":");
  private static final byte[] STARTED_AT = JsonBytes.ascii(",\"started_at\":");
  private static final byte[] ENDED_AT = JsonBytes.ascii(",\"ended_at\":");
  private static final byte[] STATUS = JsonBytes.ascii(",\"status\":");
  private static final byte[] CREATED_AT = JsonBytes.ascii(",\"created_at\":");
  private static final byte[] UPDATED_AT = JsonBytes.ascii(",\"updated_at\":");
  private static final byte[] VERSION = JsonBytes.ascii(",\"version\":");
  private static final byte[] AMENDED = JsonBytes.ascii(",\"amended\":");
  private static final byte[] NAME = JsonBytes.ascii(",\"name\":");
  private static final byte[] UNIT = JsonBytes.ascii(",\"unit\":");
  private static final byte[] EXERCISE_COUNT = JsonBytes.ascii(",\"exercise_count\":");
  private static final byte[] SET_COUNT = JsonBytes.ascii(",\"set_count\":");
  private static final byte[] COMPLETED_SET_COUNT = JsonBytes.ascii(",\"completed_set_count\":");
  private static final byte[] VOLUME = JsonBytes.ascii(",\"volume\":");
  private static final byte[] OBJECT_END = JsonBytes.ascii("}");

  private SummaryPageWriter() {}

  static byte[] write(JsonMapper mapper, Page<SessionSummary> page) {
    JsonBytes json = new JsonBytes(mapper, 64 + BYTES_PER_ITEM * page.items().size());
    json.raw(DATA);
    boolean first = true;
    for (SessionSummary summary : page.items()) {
      if (!first) {
        json.raw(COMMA);
      }
      first = false;
      summary(json, summary);
    }
    json.raw(TOTAL).number(page.total()).raw(LIMIT).number(page.limit()).raw(OFFSET).number(page.offset());
    return json.raw(END).toByteArray();
  }

  private static void summary(JsonBytes json, SessionSummary summary) {
    json.raw(ID).uuid(summary.id())
        .raw(PLAN_ID).uuid(summary.planId())
        .raw(DATE).date(summary.date())
        .raw(STARTED_AT).instant(summary.startedAt())
        .raw(ENDED_AT).instant(summary.endedAt())
        .raw(STATUS).string(summary.status().code())
        .raw(CREATED_AT).instant(summary.createdAt())
        .raw(UPDATED_AT).instant(summary.updatedAt())
        .raw(VERSION).number(summary.version())
        .raw(AMENDED).bool(summary.amended())
        .raw(NAME).string(summary.name())
        .raw(UNIT).string(summary.unit().code())
        .raw(EXERCISE_COUNT).number(summary.exerciseCount())
        .raw(SET_COUNT).number(summary.setCount())
        .raw(COMPLETED_SET_COUNT).number(summary.completedSetCount())
        .raw(VOLUME).number(summary.volume())
        .raw(OBJECT_END);
  }
}
