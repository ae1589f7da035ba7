package dev.setwise.service.exchange;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Watches the characters on their way to the CSV parser and stops a hostile or broken file before
 * the parser would hold it: a field longer than {@code maxField} characters, a row of more than
 * {@code maxColumns} fields, a quote still open at the end of the file. It follows the parser's
 * reading of quotes (a quote opens a field only as its first character; {@code ""} inside quotes
 * is a quote), so what it counts is what the parser sees. Each refusal names the line the row
 * starts on (or, for a quote, the line it opens on).
 */
final class CsvGuard extends FilterReader {

  private final char delimiter;
  private final int maxField;
  private final int maxColumns;
  private final String invalidMessage;

  private long line = 1;
  private long rowLine = 1;
  private long quoteLine;
  private int fields = 1;
  private long fieldLength;
  private boolean fieldStart = true;
  private boolean quoted;
  /** A quote seen inside quotes: it closes them unless the next character is a quote too. */
  private boolean quoteInQuotes;
  private boolean afterCarriageReturn;

  CsvGuard(Reader in, char delimiter, int maxField, int maxColumns, String invalidMessage) {
    super(in);
    this.delimiter = delimiter;
    this.maxField = maxField;
    this.maxColumns = maxColumns;
    this.invalidMessage = invalidMessage;
  }

  @Override
  public int read() throws IOException {
    char[] one = new char[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0];
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n < 0) {
      if (quoted && !quoteInQuotes) {
        throw CsvTable.fail(invalidMessage, "line " + quoteLine, "opens a quote that is never closed");
      }
      return n;
    }
    for (int i = offset; i < offset + n; i++) {
      look(buffer[i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    char[] buffer = new char[(int) Math.min(n, 8192)];
    int read = read(buffer, 0, buffer.length);
    return Math.max(read, 0);
  }

  private void look(char c) {
    boolean lineFeedAfterReturn = afterCarriageReturn && c == '\n';
    afterCarriageReturn = c == '\r';
    if (c == '\r' || (c == '\n' && !lineFeedAfterReturn)) {
      line++;
    }
    if (quoted) {
      if (quoteInQuotes) {
        quoteInQuotes = false;
        if (c == '"') {
          grow();
          return;
        }
        quoted = false;
        // the quote closed the field's quotes; this character is read as outside them
      } else {
        if (c == '"') {
          quoteInQuotes = true;
        } else {
          grow();
        }
        return;
      }
    }
    if (c == delimiter) {
      fields++;
      fieldLength = 0;
      fieldStart = true;
      if (fields > maxColumns) {
        throw CsvTable.fail(invalidMessage, "line " + rowLine, "has more than " + maxColumns + " columns");
      }
    } else if (c == '\r' || c == '\n') {
      if (!lineFeedAfterReturn) {
        fields = 1;
        fieldLength = 0;
        fieldStart = true;
        rowLine = line;
      }
    } else if (c == '"' && fieldStart) {
      quoted = true;
      quoteLine = line;
      fieldStart = false;
    } else {
      fieldStart = false;
      grow();
    }
  }

  private void grow() {
    fieldLength++;
    if (fieldLength > maxField) {
      throw CsvTable.fail(invalidMessage, "line " + rowLine, "holds a field longer than " + maxField + " characters");
    }
  }
}
