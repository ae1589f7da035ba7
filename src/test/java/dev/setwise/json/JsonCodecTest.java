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

  private Object read(String json) {
    return codec.read(json.getBytes(StandardCharsets.UTF_8), "Invalid session data");
  }
}
