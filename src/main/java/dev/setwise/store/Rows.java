package dev.setwise.store;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Small conversions between JDBC and the domain's value types. */
final class Rows {

  private Rows() {}

  /** {@link #uuid(ResultSet, String)} by position: no look-up of the column's name. */
  static UUID uuid(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : UUID.fromString(text);
  }

  static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static LocalDate date(ResultSet rs, int column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : date(text);
  }

  static UUID uuid(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : UUID.fromString(text);
  }

  /**
   * A text column as stored, or {@code null} when it is NULL or not well-formed UTF-8. A damaged
   * file can hold such bytes (SQLite does not check them), and {@link ResultSet#getString} would
   * quietly replace them with U+FFFD; reading the bytes keeps a damaged value from passing as data.
   */
  static String strictText(ResultSet rs, String column) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    return bytes == null ? null : strict(bytes);
  }

  /**
   * A snapshot column as stored, with whether it is exactly what Setwise wrote: its bytes give the
   * CRC-32C kept beside them in {@code checkColumn} ({@link SnapshotCheck}). Text that does not
   * match (or has no check) is read as {@link #strictText} reads it, and is not trusted.
   */
  static StoredText checkedText(ResultSet rs, String column, String checkColumn) throws SQLException {
    return checkedText(rs, rs.findColumn(column), rs.findColumn(checkColumn));
  }

  /** {@link #checkedText(ResultSet, String, String)} by position. */
  static StoredText checkedText(ResultSet rs, int column, int checkColumn) throws SQLException {
    byte[] bytes = rs.getBytes(column);
    if (bytes == null) {
      return new StoredText(null, false);
    }
    long check = rs.getLong(checkColumn);
    if (!rs.wasNull() && SnapshotCheck.of(bytes) == check) {
      // the bytes Setwise encoded itself: well-formed UTF-8
      return new StoredText(new String(bytes, StandardCharsets.UTF_8), true);
    }
    return new StoredText(strict(bytes), false);
  }

  /** Stored snapshot text ({@code null} when not readable text) and whether its check matched. */
  record StoredText(String text, boolean trusted) {}

  private static String strict(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    String text = rs.getString(column);
    return text == null ? null : date(text);
  }

  /**
   * {@link LocalDate#parse} of a stored date: {@code yyyy-MM-dd} is read digit by digit (the
   * general parser was a tenth of a REST read); anything else, or a day that does not exist, goes
   * to {@link LocalDate#parse}, which refuses it as before.
   */
  static LocalDate date(String text) {
    if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28) {
        return LocalDate.of(year, month, day);
      }
    }
    return LocalDate.parse(text);
  }

  /** The number written by {@code count} ASCII digits at {@code at}, or -1 when one is not a digit. */
  private static int digits(String text, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  static void setUuid(PreparedStatement statement, int index, UUID value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value.toString());
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.BIGINT);
    } else {
      statement.setLong(index, value.toEpochMilli());
    }
  }

  static void setDate(PreparedStatement statement, int index, LocalDate value) throws SQLException {
    if (value == null) {
      statement.setNull(index, Types.VARCHAR);
    } else {
      statement.setString(index, value.toString());
    }
  }

  /** Escapes {@code %}, {@code _} and {@code \} for a {@code LIKE … ESCAPE '\'} pattern. */
  static String likeContains(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }
}
