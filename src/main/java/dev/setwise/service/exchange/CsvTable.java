package dev.setwise.service.exchange;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read by Apache Commons CSV (RFC 4180: quoted fields, doubled quotes, line breaks
 * inside quotes), with the delimiter the header uses ({@code ,} {@code ;} or tab: Strong writes
 * {@code ;} in some locales) and the line number each row starts on. UTF-8, with or without a
 * byte-order mark.
 *
 * <p>The rows are read as a stream, one at a time, so memory stays bounded whatever the file: a
 * {@link CsvGuard} in front of the parser stops a field longer than {@value #MAX_FIELD} characters,
 * a row of more than {@value #MAX_COLUMNS} fields, a quote that is never closed and a file larger
 * than the caller's limit while they are read, before the parser holds them. Each problem stops
 * the whole file as a {@link ValidationException} naming its line.
 */
final class CsvTable implements AutoCloseable {

  static final int MAX_FIELD = 64 * 1024;
  static final int MAX_COLUMNS = 200;
  /** The header line is looked at (for its delimiter) up to this many characters. */
  private static final int SNIFF_CHARS = 64 * 1024;

  /** One data row. {@code line} is where it starts in the file (the header is line 1). */
  record Row(int line, List<String> fields) {}

  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final char delimiter;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final String invalidMessage;
  private boolean iterated;

  private CsvTable(List<String> header, char delimiter, CSVParser parser, Iterator<CSVRecord> records,
      String invalidMessage) {
    this.header = List.copyOf(header);
    this.delimiter = delimiter;
    this.parser = parser;
    this.records = records;
    this.invalidMessage = invalidMessage;
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(normalize(header.get(i)), i);
    }
  }

  /**
   * Opens a CSV file and reads its header.
   *
   * @param maxBytes the largest file accepted; a larger one is refused once that many bytes are read
   * @throws ValidationException {@code invalidMessage} when it is not UTF-8 text, has no header, or
   *     breaks a limit
   */
  static CsvTable open(InputStream in, long maxBytes, String invalidMessage) throws IOException {
    Reader decoded = new InputStreamReader(new LimitedInputStream(in, maxBytes, invalidMessage),
        StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));
    BufferedReader buffered = new BufferedReader(decoded, SNIFF_CHARS + 16);
    char delimiter;
    try {
      buffered.mark(1);
      if (buffered.read() != '\uFEFF') {
        buffered.reset();
      }
      buffered.mark(SNIFF_CHARS + 1);
      char[] head = new char[SNIFF_CHARS];
      int length = 0;
      while (length < head.length) {
        int n = buffered.read(head, length, head.length - length);
        if (n < 0 || (n > 0 && containsLineBreak(head, length, n))) {
          length += Math.max(n, 0);
          break;
        }
        length += n;
      }
      buffered.reset();
      delimiter = delimiter(head, length);
    } catch (CharacterCodingException e) {
      throw fail(invalidMessage, "$", "is not UTF-8 text");
    }
    CsvGuard guard = new CsvGuard(buffered, delimiter, MAX_FIELD, MAX_COLUMNS, invalidMessage);
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setIgnoreEmptyLines(false)
        .setTrailingData(true)
        .get();
    CSVParser parser = CSVParser.builder().setReader(guard).setFormat(format).get();
    Iterator<CSVRecord> records = parser.iterator();
    Row first = nextRow(parser, records, invalidMessage);
    if (first == null) {
      parser.close();
      throw fail(invalidMessage, "$", "is empty");
    }
    return new CsvTable(first.fields(), delimiter, parser, records, invalidMessage);
  }

  List<String> header() {
    return header;
  }

  char delimiter() {
    return delimiter;
  }

  boolean has(String column) {
    return columns.containsKey(normalize(column));
  }

  /** The index of {@code column} (ignoring case and surrounding spaces), or -1. */
  int index(String column) {
    return columns.getOrDefault(normalize(column), -1);
  }

  /**
   * A column named {@code base} alone or with a unit in parentheses ({@code Weight},
   * {@code Weight (kg)}, {@code Weight(lbs)}), with that unit ("" when it has none); null when the
   * header has no such column.
   */
  UnitColumn unitColumn(String base) {
    String wanted = normalize(base);
    for (int i = 0; i < header.size(); i++) {
      String name = normalize(header.get(i));
      if (name.equals(wanted)) {
        return new UnitColumn(i, header.get(i).strip(), "");
      }
      if (name.startsWith(wanted) && name.substring(wanted.length()).strip().startsWith("(")) {
        String unit = CsvValues.unitInHeader(header.get(i));
        if (unit != null) {
          return new UnitColumn(i, header.get(i).strip(), unit);
        }
      }
    }
    return null;
  }

  /** A column whose header may carry the unit of its values. */
  record UnitColumn(int index, String header, String unit) {}

  /**
   * The data rows, read as they are asked for; blank lines are passed over. Only once.
   *
   * @throws ValidationException (while iterating) when a row breaks a limit or is not UTF-8
   */
  Iterable<Row> rows() {
    if (iterated) {
      throw new IllegalStateException("the rows of a CSV file are read once");
    }
    iterated = true;
    return () -> new Iterator<>() {
      private Row next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = nextRow(parser, records, invalidMessage);
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = next;
        next = null;
        return row;
      }
    };
  }

  private static Row nextRow(CSVParser parser, Iterator<CSVRecord> records, String invalidMessage) {
    while (true) {
      long before = parser.getCurrentLineNumber();
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          return null;
        }
        record = records.next();
      } catch (UncheckedIOException e) {
        throw unreadable(e.getCause(), before, invalidMessage);
      }
      List<String> fields = record.toList();
      if (fields.isEmpty() || (fields.size() == 1 && fields.get(0).isBlank())) {
        continue;
      }
      return new Row((int) Math.min(Integer.MAX_VALUE, before + 1), new ArrayList<>(fields));
    }
  }

  private static ValidationException unreadable(IOException cause, long before, String invalidMessage) {
    if (cause instanceof CharacterCodingException) {
      // Decoded a block at a time, so the line would be a guess: the whole file is named.
      return fail(invalidMessage, "$", "is not UTF-8 text");
    }
    // The guard stops every malformed input it knows of; anything else the parser finds is named as it is.
    return fail(invalidMessage, "line " + (before + 1), "cannot be read as CSV (" + cause.getMessage() + ")");
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static boolean containsLineBreak(char[] text, int from, int count) {
    for (int i = from; i < from + count; i++) {
      if (text[i] == '\n' || text[i] == '\r') {
        return true;
      }
    }
    return false;
  }

  /** The delimiter the header line uses most, outside quotes. */
  private static char delimiter(char[] text, int length) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < length; i++) {
      char c = text[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted) {
        switch (c) {
          case ',' -> commas++;
          case ';' -> semicolons++;
          case '\t' -> tabs++;
          default -> { }
        }
      }
    }
    if (semicolons > commas && semicolons >= tabs) {
      return ';';
    }
    return tabs > commas ? '\t' : ',';
  }

  static ValidationException fail(String message, String path, String reason) {
    return new ValidationException(message, List.of(new Problem(path, reason)));
  }

  /** Refuses a file once it is longer than the limit, after reading one byte more. */
  private static final class LimitedInputStream extends java.io.FilterInputStream {

    private final long max;
    private final String invalidMessage;
    private long count;

    LimitedInputStream(InputStream in, long max, String invalidMessage) {
      super(in);
      this.max = max;
      this.invalidMessage = invalidMessage;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counted(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, (int) Math.min(length, max + 1 - count));
      if (n > 0) {
        counted(n);
      }
      return n;
    }

    private void counted(int n) {
      count += n;
      if (count > max) {
        throw fail(invalidMessage, "$", "is larger than " + (max / (1024 * 1024))
            + " MiB; a CSV export that large is not supported");
      }
    }
  }
}
