package dev.setwise.json;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Problems;
import dev.setwise.domain.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Converts between JSON text and plain Java trees ({@code Map}, {@code List}, {@code String},
 * {@code BigDecimal}/{@code BigInteger}, {@code Boolean}, {@code null}) that the domain validates.
 * Reading is strict: duplicate keys, trailing content, ill-formed UTF-8, lone surrogates, numbers
 * out of range and anything over the {@link JsonLimits} are errors. Thread-safe.
 */
public final class JsonCodec {

  private final JsonLimits limits;
  private final JsonMapper mapper;

  public JsonCodec(JsonLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxDocumentLength(limits.maxDocumentBytes())
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNumberLength(limits.maxNumberLength())
        .maxNameLength(limits.maxNameLength())
        .build();
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(constraints)
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    this.mapper = JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
        .build();
  }

  /** A codec with the request limits. */
  public static JsonCodec forRequests() {
    return new JsonCodec(JsonLimits.REQUEST);
  }

  public JsonLimits limits() {
    return limits;
  }

  /**
   * Parses untrusted JSON into a plain tree. The bytes must be well-formed UTF-8 (a leading byte
   * order mark is allowed); strings and names must not hold lone surrogates; numbers must be
   * finite and, unless zero, not so small that they would become zero (see {@link JsonValues}).
   *
   * @param invalidMessage the message of the exception when the text is not acceptable JSON
   * @throws ValidationException with one problem saying what is wrong and where: {@code $} with
   *     line and column for a syntax error, the value's path for a value that cannot be kept
   */
  public Object read(byte[] json, String invalidMessage) {
    if (json.length > limits.maxDocumentBytes()) {
      throw tooLarge(invalidMessage);
    }
    if (json.length == 0) {
      throw new ValidationException(invalidMessage, List.of(new Problem("$", "must not be empty")));
    }
    String text;
    try {
      text = JsonValues.decode(json);
    } catch (JsonValues.Refused e) {
      throw new ValidationException(invalidMessage, List.of(new Problem("$", e.getMessage())));
    }
    return parse(text, invalidMessage);
  }

  /** Like {@link #read(byte[], String)} for a stream, reading at most the document limit. */
  public Object read(InputStream json, String invalidMessage) throws IOException {
    byte[] bytes = json.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxDocumentBytes() + 1));
    return read(bytes, invalidMessage);
  }

  /**
   * Like {@link #read(byte[], String)} for text already decoded (what the store hands back):
   * the same checks but the byte-level one.
   */
  public Object readText(String json, String invalidMessage) {
    if (json.length() > limits.maxDocumentBytes()) {
      throw tooLarge(invalidMessage);
    }
    if (json.isEmpty()) {
      throw new ValidationException(invalidMessage, List.of(new Problem("$", "must not be empty")));
    }
    return parse(json, invalidMessage);
  }

  private Object parse(String text, String invalidMessage) {
    try (JsonParser parser = mapper.createParser(text)) {
      if (parser.nextToken() == null) {
        throw new ValidationException(invalidMessage,
            List.of(new Problem("$", "is not complete JSON (it ends too early)")));
      }
      Object tree = value(parser, "$", invalidMessage);
      if (parser.nextToken() != null) {
        throw new ValidationException(invalidMessage, List.of(new Problem("$", "has content after the JSON value")));
      }
      return tree;
    } catch (JacksonException e) {
      throw invalid(e, invalidMessage);
    }
  }

  /** The value at the current token as a plain tree; nesting is bounded by the parser's limits. */
  private static Object value(JsonParser parser, String path, String invalidMessage) {
    JsonToken token = parser.currentToken();
    try {
      switch (token) {
        case START_OBJECT: {
          Map<String, Object> map = new LinkedHashMap<>();
          for (JsonToken next = parser.nextToken(); next == JsonToken.PROPERTY_NAME; next = parser.nextToken()) {
            String name = parser.currentName();
            String child = Problems.child(path, name);
            String problem = JsonValues.stringProblem(name);
            if (problem != null) {
              throw refused(path, "has a property name with " + problem + ", which is not text", invalidMessage);
            }
            parser.nextToken();
            map.put(name, value(parser, child, invalidMessage));
          }
          return map;
        }
        case START_ARRAY: {
          List<Object> list = new ArrayList<>();
          for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
            list.add(value(parser, Problems.index(path, list.size()), invalidMessage));
          }
          return list;
        }
        case VALUE_STRING: {
          String text = parser.getString();
          String problem = JsonValues.stringProblem(text);
          if (problem != null) {
            throw refused(path, "holds " + problem + ", which is not text", invalidMessage);
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
          throw refused("$", "is not valid JSON", invalidMessage);
      }
    } catch (JsonValues.Refused e) {
      throw refused(path, e.getMessage(), invalidMessage);
    }
  }

  private static ValidationException refused(String path, String reason, String invalidMessage) {
    return new ValidationException(invalidMessage, List.of(new Problem(path, reason)));
  }

  /**
   * A value for a tree that is written as the given JSON text, unchanged: for text known to be
   * valid JSON already (a snapshot the store vouches for), so it is copied instead of parsed and
   * written again.
   */
  public static Object raw(String json) {
    return new RawValue(json);
  }

  public String writeString(Object tree) {
    return mapper.writeValueAsString(tree);
  }

  public byte[] writeBytes(Object tree) {
    return mapper.writeValueAsBytes(tree);
  }

  public void write(OutputStream out, Object tree) {
    mapper.writeValue(out, tree);
  }

  /** The configured Jackson mapper, for streaming readers and writers built on the same limits. */
  public JsonMapper mapper() {
    return mapper;
  }

  private ValidationException tooLarge(String invalidMessage) {
    return new ValidationException(invalidMessage,
        List.of(new Problem("$", "must be at most " + limits.maxDocumentBytes() + " bytes")));
  }

  /** A short, client-safe description of why the text is not acceptable JSON. */
  static ValidationException invalid(JacksonException e, String invalidMessage) {
    String reason = e instanceof StreamConstraintsException ? limitReason(e) : syntaxReason(e);
    TokenStreamLocation location = e.getLocation();
    if (location != null && location.getLineNr() > 0) {
      reason += " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
    return new ValidationException(invalidMessage, List.of(new Problem("$", reason)));
  }

  private static String limitReason(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("nesting depth")) {
      return "is nested too deeply";
    }
    if (message.contains("Number value length") || message.contains("number")) {
      return "holds a number that is too long";
    }
    if (message.contains("String value length")) {
      return "holds a string that is too long";
    }
    if (message.contains("Name length")) {
      return "holds a property name that is too long";
    }
    if (message.contains("Document length") || message.contains("document")) {
      return "is too large";
    }
    return "exceeds a size limit";
  }

  private static String syntaxReason(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
      return "holds a duplicate property " + quoted(message);
    }
    if (message.contains("end-of-input") || message.contains("Unexpected end")) {
      return "is not complete JSON (it ends too early)";
    }
    if (message.contains("Trailing token")) {
      return "has content after the JSON value";
    }
    return "is not valid JSON";
  }

  private static String quoted(String message) {
    int start = message.indexOf('"');
    int end = message.indexOf('"', start + 1);
    return start >= 0 && end > start && end - start < 100 ? message.substring(start, end + 1) : "";
  }
}
