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
    return text == null ? null : LocalDate.parse(text);
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
