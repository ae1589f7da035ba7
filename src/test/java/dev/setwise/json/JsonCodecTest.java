package dev.setwise.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonCodecTest {

  private final JsonCodec codec = JsonCodec.forRequests();

  @Test
  void readsPlainTreesWithExactNumbers() {
    Object tree = read("{\"a\": [1, 2.50, true, null, \"x\"]}");

    assertThat(tree).isEqualTo(Map.of("a", java.util.Arrays.asList(
        BigInteger.ONE, new BigDecimal("2.50"), true, null, "x")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "duplicate key       | {\"a\": 1, \"a\": 2}                | holds a duplicate property \"a\"",
      "trailing content    | {} {}                              | has content after the JSON value",
      "truncated           | {\"a\": [1, 2                       | is not complete JSON (it ends too early)",
      "not JSON            | hello                              | is not valid JSON",
      "single quotes       | {'a': 1}                           | is not valid JSON",
      "NaN                 | {\"a\": NaN}                        | is not valid JSON",
      "comment             | {\"a\": 1 /* c */}                  | is not valid JSON",
  })
  void rejectsMalformedJsonWithAShortReason(String name, String json, String reason) {
    assertThatThrownBy(() -> read(json))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("Invalid session data");
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).path()).isEqualTo("$");
          assertThat(e.problems().get(0).message()).startsWith(reason);
        });
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "[".repeat(33) + "]".repeat(33);

    assertThatThrownBy(() -> read(deep)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.problems().get(0).message()).startsWith("is nested too deeply"));
    assertThat(read("[".repeat(32) + "]".repeat(32))).isNotNull();
  }

  @Test
  void rejectsHugeNumbersAndStrings() {
    assertThatThrownBy(() -> read("{\"a\": 1" + "0".repeat(100) + "}"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.problems().get(0).message()).startsWith("holds a number that is too long"));
    assertThatThrownBy(() -> read("{\"a\": \"" + "x".repeat(70_000) + "\"}"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.problems().get(0).message()).startsWith("holds a string that is too long"));
  }

  @Test
  void rejectsADocumentOverTheSizeLimit() {
    byte[] big = new byte[(int) JsonLimits.ONE_MIB + 1];
    java.util.Arrays.fill(big, (byte) ' ');

    assertThatThrownBy(() -> codec.read(big, "Invalid session data"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactly(new Problem("$", "must be at most 1048576 bytes")));
  }

  @Test
  void rejectsAnEmptyBody() {
    assertThatThrownBy(() -> codec.read(new byte[0], "Invalid plan data"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("Invalid plan data");
          assertThat(e.problems()).containsExactly(new Problem("$", "must not be empty"));
        });
  }

  @Test
  void errorMessagesNeverEchoTheInput() {
    assertThatThrownBy(() -> read("{\"secret-looking-key\" \"x\"}"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.problems().get(0).message()).doesNotContain("secret"));
  }

  @Test
  void writesTreesInOrder() {
    Map<String, Object> tree = new java.util.LinkedHashMap<>();
    tree.put("b", 1);
    tree.put("a", List.of(2.5, "x"));

    assertThat(codec.writeString(tree)).isEqualTo("{\"b\":1,\"a\":[2.5,\"x\"]}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "overlong slash (C0 AF)          | C0 AF",
      "overlong slash in 3 (E0 80 AF)  | E0 80 AF",
      "overlong slash in 4 (F0 80 80 AF) | F0 80 80 AF",
      "overlong NUL (C0 80)            | C0 80",
      "above U+10FFFF (F4 90 80 80)    | F4 90 80 80",
      "encoded high surrogate (ED A0 80) | ED A0 80",
      "encoded low surrogate (ED B0 80) | ED B0 80",
      "encoded pair (ED A0 80 ED B0 80) | ED A0 80 ED B0 80",
      "FF                              | FF",
      "FE                              | FE",
      "five-byte form (F8 88 80 80 80) | F8 88 80 80 80",
      "lone continuation byte (80)     | 80",
      "truncated three-byte (E2 82)    | E2 82",
  })
  void illFormedUtf8IsRefusedRatherThanReadAsSomethingElse(String name, String hex) {
    byte[] body = concat("{\"notes\": \"a".getBytes(StandardCharsets.UTF_8), bytes(hex),
        "b\"}".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> codec.read(body, "Invalid session data"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactly(new Problem("$", "is not valid UTF-8 (at byte offset 12)")));
  }

  @Test
  void aSequenceCutOffAtTheEndIsRefused() {
    byte[] body = concat("{\"notes\": \"a".getBytes(StandardCharsets.UTF_8), bytes("C3"));

    assertThatThrownBy(() -> codec.read(body, "Invalid session data"))
        .isInstanceOfSatisfying(ValidationException.class,
            e -> assertThat(e.problems().get(0).message()).startsWith("is not valid UTF-8"));
  }

  @Test
  void wellFormedUtf8OfEveryLengthAndAByteOrderMarkAreRead() {
    String text = "a\u00e9\u20ac\ud83d\ude00";

    assertThat(read("{\"notes\": \"" + text + "\"}")).isEqualTo(Map.of("notes", text));
    assertThat(codec.read(concat(bytes("EF BB BF"), "{\"a\": 1}".getBytes(StandardCharsets.UTF_8)), "x"))
        .isEqualTo(Map.of("a", BigInteger.ONE));
  }

  @Test
  void utf16IsNotGuessedAtTheContractSaysUtf8() {
    byte[] utf16 = "{\"a\": 1}".getBytes(StandardCharsets.UTF_16BE);

    assertThatThrownBy(() -> codec.read(utf16, "Invalid session data")).isInstanceOf(ValidationException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "lone high       | \\ud800",
      "lone low        | \\udc00",
      "reversed pair   | \\udc00\\ud800",
      "high then text  | \\ud83dx",
      "high at the end | x\\ud83d",
  })
  void escapedLoneSurrogatesAreRefusedWithTheirPath(String name, String escaped) {
    assertThatThrownBy(() -> read("{\"session\": {\"exercises\": [{\"name\": \"" + escaped + "\"}]}}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems()).hasSize(1);
          assertThat(e.problems().get(0).path()).isEqualTo("session.exercises[0].name");
          assertThat(e.problems().get(0).message()).startsWith("holds a lone surrogate (\\ud");
        });
  }

  @Test
  void aLoneSurrogateInAPropertyNameIsRefused() {
    assertThatThrownBy(() -> read("{\"session\": {\"\\udc00\": 1}}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems().get(0).path()).isEqualTo("session");
          assertThat(e.problems().get(0).message()).startsWith("has a property name with a lone surrogate");
        });
  }

  @Test
  void anEscapedSurrogatePairIsOneCharacter() {
    assertThat(read("{\"\\ud83d\\ude00\": \"\\ud83d\\ude00\"}")).isEqualTo(Map.of("\ud83d\ude00", "\ud83d\ude00"));
  }

  @ParameterizedTest
  @CsvSource({"1e2147483648", "-1e-2147483649", "1E+2147483648", "0e2147483648", "1.5e-2147483649",
      "0.5e-2147483647", "-0.0e99999999999"})
  void anExponentBeyondTheIntRangeIsAValidationErrorAtItsPath(String number) {
    assertThatThrownBy(() -> read("{\"sets\": [{\"weight\": " + number + "}]}"))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactly(new Problem("sets[0].weight", "is a number whose exponent is out of range")));
  }

  @Test
  void largeButRepresentableExponentsAreLeftToTheRangeRules() {
    assertThat(read("{\"a\": 1e2147483647, \"b\": 1e-2147483647}")).isEqualTo(Map.of(
        "a", new BigDecimal("1e2147483647"), "b", new BigDecimal("1e-2147483647")));
  }

  @Test
  void storedTextThatIsNotAStructureIsACorruptRowNotAClientError() {
    StructureJson structures = new StructureJson();

    for (String stored : new String[] {"{\"unit\": \"kg\", \"exercises\": 5}", "null", "[]", "{\"unit\":",
        "{\"unit\": \"kg\", \"exercises\": [], \"name\": \"\\ud800\"}", null}) {
      assertThatThrownBy(() -> structures.read(stored)).as(stored)
          .isInstanceOf(IllegalStateException.class).isNotInstanceOf(ValidationException.class);
      assertThat(structures.problem(stored, false)).as(stored).isNotBlank();
    }
    assertThat(structures.problem("{\"unit\": \"kg\", \"exercises\": []}", false)).isNull();
  }

  private static byte[] bytes(String hex) {
    String[] parts = hex.strip().split("\\s+");
    byte[] bytes = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      bytes[i] = (byte) Integer.parseInt(parts[i], 16);
    }
    return bytes;
  }

  private static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private Object read(String json) {
    return codec.read(json.getBytes(StandardCharsets.UTF_8), "Invalid session data");
  }
}
