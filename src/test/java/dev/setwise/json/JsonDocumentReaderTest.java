package dev.setwise.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The streaming reader of large documents (imports) applies the same text and number rules as the codec. */
class JsonDocumentReaderTest {

  private final JsonCodec codec = new JsonCodec(JsonLimits.STORED);

  @Test
  void readsItemsOfATopLevelArrayAsPlainTrees() {
    try (JsonDocumentReader reader = reader(utf8("\uFEFF{\"format\": \"x\", \"items\": [{\"a\": 1.5}, {\"b\": \"\u00e9\"}]}"))) {
      reader.beginObject();
      assertThat(reader.nextProperty()).isEqualTo("format");
      assertThat(reader.readValue()).isEqualTo("x");
      assertThat(reader.nextProperty()).isEqualTo("items");
      assertThat(reader.nextItem()).isTrue();
      assertThat(reader.readItem()).isEqualTo(Map.of("a", new BigDecimal("1.5")));
      assertThat(reader.nextItem()).isTrue();
      assertThat(reader.readItem()).isEqualTo(Map.of("b", "\u00e9"));
      assertThat(reader.nextItem()).isFalse();
      assertThat(reader.nextProperty()).isNull();
    }
  }

  @Test
  void overlongUtf8IsRefusedNotReadAsASlash() {
    byte[] document = concat(utf8("{\"items\": [{\"name\": \"a"), new byte[] {(byte) 0xC0, (byte) 0xAF}, utf8("\"}]}"));

    assertThatThrownBy(() -> readAll(document)).isInstanceOfSatisfying(ValidationException.class,
        e -> assertThat(e.problems().get(0).message()).startsWith("is not valid UTF-8"));
  }

  @Test
  void anEscapedLoneSurrogateIsRefusedAtItsPath() {
    assertThatThrownBy(() -> readAll(utf8("{\"items\": [{\"name\": \"\\ud800\"}]}")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactly(new Problem("items[0].name", "holds a lone surrogate (\\ud800), which is not text")));
  }

  @Test
  void anExponentBeyondTheIntRangeIsRefusedAtItsPath() {
    assertThatThrownBy(() -> readAll(utf8("{\"items\": [{\"weight\": 1e2147483648}]}")))
        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
            .containsExactly(new Problem("items[0].weight", "is a number whose exponent is out of range")));
  }

  private void readAll(byte[] document) {
    try (JsonDocumentReader reader = reader(document)) {
      reader.beginObject();
      while (reader.nextProperty() != null) {
        if (reader.isArray()) {
          while (reader.nextItem()) {
            reader.readItem();
          }
        } else {
          reader.readValue();
        }
      }
    }
  }

  private JsonDocumentReader reader(byte[] document) {
    return new JsonDocumentReader(new ByteArrayInputStream(document), codec, "Invalid file");
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
