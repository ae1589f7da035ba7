package dev.setwise.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JsonParser;

/**
 * The checks every JSON text passes here beyond Jackson's own, so that nothing is stored other
 * than it was sent. Jackson 3.1 reads some ill-formed input without complaint: overlong UTF-8
 * ({@code C0 AF} becomes "/"), sequences above U+10FFFF, lone surrogates written as escapes
 * ({@code "\ud800"}), and numbers whose exponent is beyond the int range (a
 * {@code NumberFormatException} rather than a parse error, so a server error). Text is therefore decoded by the
 * JDK's strict UTF-8 decoder before Jackson sees it, and every string, name and number is checked
 * as it is read.
 */
final class JsonValues {

  /** What a caller says when a value fails: the reason, without a path. */
  static final class Refused extends Exception {

    Refused(String reason) {
      super(reason, null, false, false);
    }
  }

  private JsonValues() {}

  /** A strict decoder (it reports what it cannot decode instead of replacing it). */
  static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /**
   * Decodes UTF-8, refusing what is not well-formed (overlong forms, encoded surrogates, code
   * points above U+10FFFF, truncated sequences, bytes such as {@code FF}). A leading byte order
   * mark is dropped.
   */
  static String decode(byte[] bytes) throws Refused {
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length - start);
    CharsetDecoder decoder = strictUtf8();
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new Refused("is not valid UTF-8 (at byte offset " + in.position() + ")");
    }
    return out.flip().toString();
  }

  /**
   * What makes a string (a value or a property name) impossible to keep, e.g. "a lone surrogate
   * (\\ud800)", or {@code null} when it is well-formed.
   */
  static String stringProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "a lone surrogate (\\u" + Integer.toHexString(c) + ")";
      }
    }
    return null;
  }

  /**
   * The number at the parser's current token: a {@link BigInteger} for an integer, a
   * {@link BigDecimal} otherwise. Its range is for the reader of the tree to judge (the domain
   * says "must be from 0 to 10000" with the path); only what cannot be held at all is refused.
   *
   * @throws Refused when the exponent is beyond the int range ({@code 1e2147483648}), which
   *     {@link BigDecimal} cannot represent
   */
  static Number number(JsonParser parser, boolean integer) throws Refused {
    try {
      return integer ? parser.getBigIntegerValue() : parser.getDecimalValue();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new Refused("is a number whose exponent is out of range");
    }
  }
}
