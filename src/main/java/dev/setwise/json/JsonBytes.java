package dev.setwise.json;

import dev.setwise.domain.Timestamps;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.io.NumberOutput;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON answer written as bytes, for answers made mostly of values whose text is plain ASCII
 * (ids, dates, instants, numbers, codes): those are written digit by digit, straight into the
 * buffer. Every value is written as the codec's mapper writes it (SummaryPageWriterTest holds the
 * two to the same bytes): a string with any character that might be escaped (a quote, a
 * backslash, a slash, a control character, anything outside ASCII) is written by the mapper
 * itself, and a double by Jackson's own {@link NumberOutput} with the mapper's choice of writer.
 * Not thread-safe; one answer each.
 */
public final class JsonBytes {

  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** 10000-01-01T00:00:00Z: from there on years have five digits and a sign ({@link Timestamps#format}). */
  private static final long LAST_FAST_SECONDS = 253_402_300_800L;

  private final JsonMapper mapper;
  private final boolean fastDoubles;
  private byte[] bytes;
  private int size;

  public JsonBytes(JsonMapper mapper, int capacity) {
    this.mapper = mapper;
    this.fastDoubles = mapper.isEnabled(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
    this.bytes = new byte[Math.max(16, capacity)];
  }

  /** The ASCII bytes of {@code text}, as they are: for the answer's own punctuation and names. */
  public static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Appends bytes written already (punctuation and field names, from {@link #ascii}). */
  public JsonBytes raw(byte[] text) {
    ensure(text.length);
    System.arraycopy(text, 0, bytes, size, text.length);
    size += text.length;
    return this;
  }

  /** A JSON string, or null. */
  public JsonBytes string(String value) {
    if (value == null) {
      return raw(NULL);
    }
    int length = value.length();
    ensure(length + 2);
    int at = size;
    bytes[at++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\' || c == '/') {
        // Whatever the mapper may escape or encode: let it write the whole string.
        return raw(mapper.writeValueAsBytes(value));
      }
      bytes[at++] = (byte) c;
    }
    bytes[at++] = '"';
    size = at;
    return this;
  }

  /** A UUID as a JSON string (lower-case 8-4-4-4-12, as {@link UUID#toString}), or null. */
  public JsonBytes uuid(UUID id) {
    if (id == null) {
      return raw(NULL);
    }
    ensure(38);
    bytes[size++] = '"';
    hex(id.getMostSignificantBits() >>> 32, 8);
    bytes[size++] = '-';
    hex(id.getMostSignificantBits() >>> 16, 4);
    bytes[size++] = '-';
    hex(id.getMostSignificantBits(), 4);
    bytes[size++] = '-';
    hex(id.getLeastSignificantBits() >>> 48, 4);
    bytes[size++] = '-';
    hex(id.getLeastSignificantBits(), 12);
    bytes[size++] = '"';
    return this;
  }

  /** A date as a JSON string ({@code yyyy-MM-dd}, as {@link LocalDate#toString}), or null. */
  public JsonBytes date(LocalDate date) {
    if (date == null) {
      return raw(NULL);
    }
    int year = date.getYear();
    if (year < 0 || year > 9999) {
      return string(date.toString()); // a sign, or more than four digits
    }
    ensure(12);
    bytes[size++] = '"';
    digits(year, 4);
    bytes[size++] = '-';
    digits(date.getMonthValue(), 2);
    bytes[size++] = '-';
    digits(date.getDayOfMonth(), 2);
    bytes[size++] = '"';
    return this;
  }

  /**
   * An instant as {@link Timestamps#format} writes it ({@code 2026-11-24T07:15:00.250Z}, the
   * milliseconds only when there are some), as a JSON string, or null.
   */
  public JsonBytes instant(Instant instant) {
    if (instant == null) {
      return raw(NULL);
    }
    long seconds = instant.getEpochSecond();
    if (seconds < 0 || seconds >= LAST_FAST_SECONDS) {
      return string(Timestamps.format(instant));
    }
    int ofDay = (int) (seconds % 86_400L) * 1000 + instant.getNano() / 1_000_000;
    LocalDate date = LocalDate.ofEpochDay(seconds / 86_400L);
    ensure(26);
    bytes[size++] = '"';
    digits(date.getYear(), 4);
    bytes[size++] = '-';
    digits(date.getMonthValue(), 2);
    bytes[size++] = '-';
    digits(date.getDayOfMonth(), 2);
    bytes[size++] = 'T';
    digits(ofDay / 3_600_000, 2);
    bytes[size++] = ':';
    digits(ofDay / 60_000 % 60, 2);
    bytes[size++] = ':';
    digits(ofDay / 1000 % 60, 2);
    if (ofDay % 1000 != 0) {
      bytes[size++] = '.';
      digits(ofDay % 1000, 3);
    }
    bytes[size++] = 'Z';
    bytes[size++] = '"';
    return this;
  }

  public JsonBytes number(long value) {
    if (value == Long.MIN_VALUE) {
      return raw(ascii(Long.toString(value)));
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest > 0; rest /= 10) {
      digits++;
    }
    for (int i = size + digits - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += digits;
    return this;
  }

  /** A double as the mapper writes one (Jackson's {@link NumberOutput}, its choice of writer). */
  public JsonBytes number(double value) {
    if (!Double.isFinite(value)) {
      return raw(mapper.writeValueAsBytes(value)); // the mapper's own choice (a string, by default)
    }
    return raw(ascii(NumberOutput.toString(value, fastDoubles)));
  }

  public JsonBytes bool(boolean value) {
    return raw(value ? TRUE : FALSE);
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void hex(long value, int count) {
    for (int i = size + count - 1; i >= size; i--) {
      bytes[i] = HEX[(int) (value & 0xf)];
      value >>>= 4;
    }
    size += count;
  }

  private void digits(int value, int count) {
    for (int i = size + count - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    size += count;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, bytes.length * 2));
    }
  }
}
