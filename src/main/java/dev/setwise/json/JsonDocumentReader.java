package dev.setwise.json;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.ValidationException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads one large JSON object without holding it, as strict UTF-8 with the checks of
 * {@link JsonValues} (lone surrogates, numbers out of range): the top-level properties one by one, and the
 * items of a top-level array one at a time, each as a plain tree ({@code Map}, {@code List},
 * {@code String}, {@code BigDecimal}, {@code BigInteger}, {@code Boolean}, {@code null}).
 *
 * <p>Memory is bounded whatever the input: Jackson's {@link JsonLimits} cap nesting, strings,
 * numbers and names while they are read; each tree is capped at {@link #MAX_ITEM_TOKENS} tokens and
 * every array inside it at {@link #MAX_ARRAY_ITEMS} items; and a run of more than
 * {@link #MAX_WHITESPACE_RUN} bytes of white space (which no valid document needs) stops the read
 * at once instead of being skipped for minutes. Duplicate property names are errors.
 *
 * <p>Any such failure throws a {@link ValidationException} whose single problem has the path being
 * read and a short reason with line and column. Not thread-safe.
 */
public final class JsonDocumentReader implements AutoCloseable {

  /** Tokens in one item tree: a session at every contract maximum (100 × 100 sets) needs about 270,000. */
  public static final int MAX_ITEM_TOKENS = 400_000;
  /** Items in one array inside an item tree (the contract's arrays hold at most 100). */
  public static final int MAX_ARRAY_ITEMS = 10_000;
  /** Bytes of white space in a row. */
  public static final int MAX_WHITESPACE_RUN = 1024 * 1024;
  /**
   * Characters of one number. Jackson checks its own number limit only once a number ends, and a
   * longer run trips its string limit first; this says what it really is, and sooner.
   */
  static final int MAX_NUMBER_RUN = 1000;

  private final WhitespaceGuard guard;
  private final JsonParser parser;
  private final String invalidMessage;
  private String property;
  private int index = -1;
  private int tokens;

  /**
   * @param in the document; closed with this reader
   * @param codec supplies the limits (its mapper's {@code StreamReadConstraints}) and duplicate detection
   * @param invalidMessage the message of every {@link ValidationException} thrown
   */
  public JsonDocumentReader(InputStream in, JsonCodec codec, String invalidMessage) {
    this.invalidMessage = invalidMessage;
    this.guard = new WhitespaceGuard(in);
    try {
      // Decoded here, strictly, rather than by Jackson, which lets overlong UTF-8 through altered.
      this.parser = codec.mapper().createParser(withoutByteOrderMark(
          new InputStreamReader(guard, JsonValues.strictUtf8())));
    } catch (JacksonException e) {
      throw translate(e, "$");
    } catch (IOException e) {
      throw unreadable(e, "$");
    }
  }

  private ValidationException notUtf8() {
    return fail("$", "is not valid UTF-8 (within its first " + guard.bytes + " bytes)");
  }

  private static Reader withoutByteOrderMark(Reader reader) throws IOException {
    PushbackReader pushback = new PushbackReader(reader, 1);
    int first = pushback.read();
    if (first >= 0 && first != '\uFEFF') {
      pushback.unread(first);
    }
    return pushback;
  }

  /**
   * Reads the start of the document.
   *
   * @throws ValidationException when it is empty or not a JSON object
   */
  public void beginObject() {
    JsonToken token = next("$");
    if (token == null) {
      throw fail("$", "is empty");
    }
    if (token != JsonToken.START_OBJECT) {
      throw fail("$", "must be a JSON object");
    }
  }

  /**
   * Moves to the next top-level property.
   *
   * @return its name, or {@code null} at the end of the document (after checking nothing follows)
   */
  public String nextProperty() {
    property = null;
    index = -1;
    JsonToken token = next("$");
    if (token == JsonToken.END_OBJECT) {
      JsonToken after;
      try {
        after = next("$");
      } catch (ValidationException unreadable) {
        after = JsonToken.NOT_AVAILABLE;
      }
      if (after != null) {
        throw fail("$", "has content after the JSON value");
      }
      return null;
    }
    if (token != JsonToken.PROPERTY_NAME) {
      throw fail("$", "is not valid JSON");
    }
    property = parser.currentName();
    String problem = JsonValues.stringProblem(property);
    if (problem != null) {
      throw fail("$", "has a property name with " + problem + ", which is not text");
    }
    next(property);
    return property;
  }

  /** Reads the current property's value as a bounded tree. */
  public Object readValue() {
    tokens = 0;
    return value(property);
  }

  /** Skips the current property's value (or the current array item), streaming. */
  public void skipValue() {
    try {
      parser.skipChildren();
    } catch (JacksonException e) {
      throw translate(e, path());
    }
  }

  /** True when the current property's value is an array; its items are then read with {@link #nextItem()}. */
  public boolean isArray() {
    return parser.currentToken() == JsonToken.START_ARRAY;
  }

  /** True when the current value is {@code null}. */
  public boolean isNull() {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /**
   * Moves to the next item of the current top-level array.
   *
   * @return false at the end of the array
   */
  public boolean nextItem() {
    JsonToken token = next(path());
    if (token == JsonToken.END_ARRAY) {
      return false;
    }
    index++;
    return true;
  }

  /** Reads the current array item as a bounded tree. */
  public Object readItem() {
    tokens = 0;
    return value(path());
  }

  /** The path of what is being read: {@code sessions[12]}. */
  public String path() {
    if (property == null) {
      return "$";
    }
    return index < 0 ? property : Problems.index(property, index);
  }

  /** Bytes read so far (for progress; a little ahead of the parser, which reads in blocks). */
  public long bytesRead() {
    return guard.bytes;
  }

  @Override
  public void close() {
    parser.close();
  }

  private Object value(String path) {
    if (++tokens > MAX_ITEM_TOKENS) {
      throw fail(path, "is too large (more than " + MAX_ITEM_TOKENS + " values)");
    }
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw fail(path, "is not complete JSON (it ends too early)");
    }
    try {
      switch (token) {
        case START_OBJECT: {
          Map<String, Object> map = new LinkedHashMap<>();
          while (next(path) == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            String problem = JsonValues.stringProblem(name);
            if (problem != null) {
              throw fail(path, "has a property name with " + problem + ", which is not text");
            }
            next(path);
            map.put(name, value(Problems.child(path, name)));
          }
          return map;
        }
        case START_ARRAY: {
          List<Object> list = new ArrayList<>();
          while (next(path) != JsonToken.END_ARRAY) {
            if (list.size() >= MAX_ARRAY_ITEMS) {
              throw fail(path, "has too many items (more than " + MAX_ARRAY_ITEMS + ")");
            }
            list.add(value(Problems.index(path, list.size())));
          }
          return list;
        }
        case VALUE_STRING: {
          String text = parser.getString();
          String problem = JsonValues.stringProblem(text);
          if (problem != null) {
            throw fail(path, "holds " + problem + ", which is not text");
          }
          return text;
        }
        case VALUE_NUMBER_INT:
          return JsonValues.number(parser, true);
        case VALUE_NUMBER_FLOAT:
          return JsonValues.number(parser, false);
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          throw fail(path, "is not valid JSON");
      }
    } catch (JacksonException e) {
      throw translate(e, path);
    } catch (JsonValues.Refused e) {
      throw fail(path, e.getMessage());
    }
  }

  private JsonToken next(String path) {
    try {
      return parser.nextToken();
    } catch (JacksonException e) {
      throw translate(e, path);
    }
  }

  private ValidationException translate(JacksonException e, String path) {
    if (e instanceof JacksonIOException && e.getCause() instanceof IOException io) {
      return unreadable(io, path);
    }
    Problem problem = JsonCodec.invalid(e, invalidMessage).problems().get(0);
    return fail(path, problem.message());
  }

  /** A failure of the input itself (the guards, the decoder, the disk) in words. */
  private ValidationException unreadable(IOException cause, String path) {
    // the guard and the decoder see bytes before Jackson parses them (read-ahead), so these have no exact path
    if (cause instanceof NumberTooLong) {
      return fail("$", "holds a number that is too long");
    }
    if (cause instanceof TooMuchWhitespace) {
      return fail("$", "holds more than " + MAX_WHITESPACE_RUN / (1024 * 1024) + " MiB of white space in a row");
    }
    if (cause instanceof CharacterCodingException) {
      return notUtf8();
    }
    return fail(path, "could not be read");
  }

  private ValidationException fail(String path, String reason) {
    return new ValidationException(invalidMessage, List.of(new Problem(path, reason)));
  }

  /**
   * Refuses long runs of white space before Jackson spends minutes skipping them, and numbers
   * (runs of number characters outside strings) longer than any valid one.
   */
  private static final class WhitespaceGuard extends FilterInputStream {

    private long bytes;
    private int run;
    private int numberRun;
    private boolean inString;
    private boolean escaped;

    WhitespaceGuard(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      for (int i = offset; i < offset + n; i++) {
        count(buffer[i]);
      }
      return n;
    }

    private void count(byte b) throws IOException {
      bytes++;
      if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
        if (++run > MAX_WHITESPACE_RUN) {
          throw new TooMuchWhitespace();
        }
      } else {
        run = 0;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
        }
        return;
      }
      if (b == '"') {
        inString = true;
        numberRun = 0;
      } else if ((b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E') {
        if (++numberRun > MAX_NUMBER_RUN) {
          throw new NumberTooLong();
        }
      } else {
        numberRun = 0;
      }
    }
  }

  private static final class NumberTooLong extends IOException {

    NumberTooLong() {
      super("number too long", null);
    }
  }

  private static final class TooMuchWhitespace extends IOException {

    TooMuchWhitespace() {
      super("too much white space", null);
    }
  }
}
