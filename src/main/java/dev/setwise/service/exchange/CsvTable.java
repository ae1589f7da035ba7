package dev.setwise.service.exchange;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file as RFC 4180 reads it (quoted fields, doubled quotes, line breaks inside quotes), with
 * the delimiter the header uses ({@code ,} {@code ;} or tab: Strong writes {@code ;} in some
 * locales) and the line number each row starts on. UTF-8, with or without a byte-order mark.
 */
final class CsvTable {

  static final int MAX_FIELD = 64 * 1024;
  static final int MAX_COLUMNS = 200;

  /** One data row. {@code line} is where it starts in the file (the header is line 1). */
  record Row(int line, List<String> fields) {}

  private final List<String> header;
  private final Map<String, Integer> columns = new HashMap<>();
  private final List<Row> rows;
  private final char delimiter;

  private CsvTable(List<String> header, List<Row> rows, char delimiter) {
    this.header = header;
    this.rows = rows;
    this.delimiter = delimiter;
    for (int i = 0; i < header.size(); i++) {
      columns.putIfAbsent(normalize(header.get(i)), i);
    }
  }

  List<String> header() {
    return header;
  }

  List<Row> rows() {
    return rows;
  }

  char delimiter() {
    return delimiter;
  }

  boolean has(String column) {
    return columns.containsKey(normalize(column));
  }

  /** The trimmed value of {@code column} in {@code row}, or "" when the column or the value is missing. */
  String get(Row row, String column) {
    Integer index = columns.get(normalize(column));
    if (index == null || index >= row.fields().size()) {
      return "";
    }
    return row.fields().get(index).strip();
  }

  private static String normalize(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Reads a whole CSV file.
   *
   * @throws ValidationException when it is not UTF-8 text, has no header, a quote is never
   *     closed, or a field or the column count is beyond the limits
   */
  static CsvTable parse(byte[] bytes, String invalidMessage) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw fail(invalidMessage, "$", "is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    char delimiter = delimiter(text);
    List<List<String>> records = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int line = 1;
    int recordLine = 1;
    boolean quoted = false;
    boolean fieldStarted = false;
    int quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"' && field.length() == 0 && !fieldStarted) {
        quoted = true;
        fieldStarted = true;
        quoteLine = line;
      } else if (c == delimiter) {
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        record.add(field.toString());
        field.setLength(0);
        fieldStarted = false;
        if (!(record.size() == 1 && record.get(0).isBlank())) {
          records.add(record);
          lines.add(recordLine);
        }
        record = new ArrayList<>();
        line++;
        recordLine = line;
      } else {
        field.append(c);
        fieldStarted = true;
      }
      if (field.length() > MAX_FIELD) {
        throw fail(invalidMessage, "line " + recordLine, "holds a field longer than " + MAX_FIELD + " characters");
      }
      if (record.size() > MAX_COLUMNS) {
        throw fail(invalidMessage, "line " + recordLine, "has more than " + MAX_COLUMNS + " columns");
      }
    }
    if (quoted) {
      throw fail(invalidMessage, "line " + quoteLine, "opens a quote that is never closed");
    }
    if (field.length() > 0 || !record.isEmpty()) {
      record.add(field.toString());
      if (!(record.size() == 1 && record.get(0).isBlank())) {
        records.add(record);
        lines.add(recordLine);
      }
    }
    if (records.isEmpty()) {
      throw fail(invalidMessage, "$", "is empty");
    }
    List<Row> rows = new ArrayList<>(records.size() - 1);
    for (int i = 1; i < records.size(); i++) {
      rows.add(new Row(lines.get(i), records.get(i)));
    }
    return new CsvTable(records.get(0), rows, delimiter);
  }

  /** The delimiter the header line uses most, outside quotes. */
  private static char delimiter(String text) {
    int commas = 0;
    int semicolons = 0;
    int tabs = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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

  private static ValidationException fail(String message, String path, String reason) {
    return new ValidationException(message, List.of(new Problem(path, reason)));
  }
}
