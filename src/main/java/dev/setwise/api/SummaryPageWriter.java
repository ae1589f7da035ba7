package dev.setwise.api;

import dev.setwise.domain.Page;
import dev.setwise.domain.SessionSummary;
import dev.setwise.json.JsonBytes;
import dev.setwise.json.SummaryJson;
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
  private static final int BYTES_PER_ITEM = SummaryJson.TYPICAL_BYTES;

  private static final byte[] DATA = JsonBytes.ascii("{\"data\":[");
  private static final byte[] COMMA = JsonBytes.ascii(",");
  private static final byte[] TOTAL = JsonBytes.ascii("],\"pagination\":{\"total\":");
  private static final byte[] LIMIT = JsonBytes.ascii(",\"limit\":");
  private static final byte[] OFFSET = JsonBytes.ascii(",\"offset\":");
  private static final byte[] END = JsonBytes.ascii("}}");

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
      SummaryJson.write(json, summary);
    }
    return end(json, page);
  }

  /** The same answer from the items' texts ({@code SessionService#listTexts}), copied as they are. */
  static byte[] writeTexts(JsonMapper mapper, Page<byte[]> page) {
    int size = 64;
    for (byte[] item : page.items()) {
      size += item.length + 1;
    }
    JsonBytes json = new JsonBytes(mapper, size);
    json.raw(DATA);
    boolean first = true;
    for (byte[] item : page.items()) {
      if (!first) {
        json.raw(COMMA);
      }
      first = false;
      json.raw(item);
    }
    return end(json, page);
  }

  private static byte[] end(JsonBytes json, Page<?> page) {
    json.raw(TOTAL).number(page.total()).raw(LIMIT).number(page.limit()).raw(OFFSET).number(page.offset());
    return json.raw(END).toByteArray();
  }
}
