package dev.setwise.api;

import dev.setwise.domain.Page;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.Timestamps;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the answer of {@code GET /api/sessions} straight from the summaries with a streaming
 * generator, instead of building the tree of {@link Views#page} with {@link Views#summary} and
 * serialising that: the same fields in the same order, the very same bytes (SummaryPageWriterTest
 * holds the two to it). A page of 50 summaries was 50 ordered maps of 14 entries plus boxing, walked
 * again by the serialiser; this writes each value once (issue 12, docs/decisions/0058).
 */
final class SummaryPageWriter {

  /** A summary is about 400 bytes; a page of 50 then fits without growing the buffer. */
  private static final int BYTES_PER_ITEM = 420;

  private SummaryPageWriter() {}

  static byte[] write(JsonMapper mapper, Page<SessionSummary> page) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + BYTES_PER_ITEM * page.items().size());
    try (JsonGenerator json = mapper.createGenerator(out)) {
      json.writeStartObject();
      json.writeName("data");
      json.writeStartArray();
      for (SessionSummary summary : page.items()) {
        summary(json, summary);
      }
      json.writeEndArray();
      json.writeName("pagination");
      json.writeStartObject();
      json.writeName("total");
      json.writeNumber(page.total());
      json.writeName("limit");
      json.writeNumber(page.limit());
      json.writeName("offset");
      json.writeNumber(page.offset());
      json.writeEndObject();
      json.writeEndObject();
    }
    return out.toByteArray();
  }

  private static void summary(JsonGenerator json, SessionSummary summary) {
    json.writeStartObject();
    string(json, "id", summary.id().toString());
    string(json, "plan_id", uuid(summary.planId()));
    string(json, "date", summary.date().toString());
    string(json, "started_at", Timestamps.format(summary.startedAt()));
    string(json, "ended_at", Timestamps.format(summary.endedAt()));
    string(json, "status", summary.status().code());
    string(json, "created_at", Timestamps.format(summary.createdAt()));
    string(json, "updated_at", Timestamps.format(summary.updatedAt()));
    json.writeName("version");
    json.writeNumber(summary.version());
    json.writeName("amended");
    json.writeBoolean(summary.amended());
    string(json, "name", summary.name());
    string(json, "unit", summary.unit().code());
    json.writeName("exercise_count");
    json.writeNumber(summary.exerciseCount());
    json.writeName("set_count");
    json.writeNumber(summary.setCount());
    json.writeName("completed_set_count");
    json.writeNumber(summary.completedSetCount());
    json.writeName("volume");
    json.writeNumber(summary.volume());
    json.writeEndObject();
  }

  private static String uuid(UUID id) {
    return id == null ? null : id.toString();
  }

  /** A string field; {@code null} is written as JSON null, as the tree writes a null entry. */
  private static void string(JsonGenerator json, String name, String value) {
    json.writeName(name);
    if (value == null) {
      json.writeNull();
    } else {
      json.writeString(value);
    }
  }
}
