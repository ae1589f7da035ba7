package dev.setwise.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Exercise;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.StructureTree;
import dev.setwise.domain.Unit;
import dev.setwise.support.Structures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The snapshot text written straight from the records ({@link StructureWriter}) is byte for byte
 * the text of the plain tree written by the codec, as every snapshot was written before: checks
 * kept for stored rows and the trusted binder's exact shape stay true. Random structures, with
 * every value absent or present, odd text and numbers of every size.
 */
class StructureWriterTest {

  private final Random random = new Random(53);
  private final JsonCodec codec = new JsonCodec(JsonLimits.STORED);

  @Test
  void writesTheSameBytesAsTheTreeWrittenByTheCodec() {
    assertSame(Structures.plan());
    assertSame(Structures.plan().withName("Legs").withNotes("Felt heavy"));
    assertSame(new SessionStructure(null, null, null, null, List.of()));
    for (int i = 0; i < 20_000; i++) {
      assertSame(structure());
    }
  }

  @Test
  void escapesEveryCharacterAsTheCodecDoes() {
    StringBuilder every = new StringBuilder();
    for (char c = 0; c < 0x100; c++) {
      every.append(c);
    }
    every.append("\u2028\u2029\uD800x\uDFFF\uFFFF\uFEFF\uD83C\uDFCB");
    String text = every.toString();
    assertSame(new SessionStructure(text, Unit.KG, text, 0.0, List.of(new Exercise(text, text, 0, text,
        List.of(new SetEntry(SetType.NORMAL, null, null, null, null, null, null, null, null, false, null))))));
    for (char c = 0; c < 0x100; c++) {
      assertSame(new SessionStructure(String.valueOf(c), null, c + "x" + c, null, List.of()));
    }
  }

  @Test
  void writesWholeNumbersAndQuartersAsDoubleToStringDoes() {
    for (int n = -4_000_000; n <= 4_000_000; n += random.nextInt(7) + 1) {
      for (double number : new double[] {n / 4.0, n, n * 3.0, n / 4.0 + 0.125, n * 0.01}) {
        StringBuilder out = new StringBuilder();
        StructureWriter.decimal(out, number);
        assertThat(out.toString()).isEqualTo(Double.toString(number));
      }
    }
    for (double number : new double[] {1, -1, 0.75, -0.25, 9_999_999.75, 10_000_000, -9_999_999.75, -10_000_000.25,
        1e7 - 0.25, 0.999, 1.25, 2.5, 1000.5}) {
      StringBuilder out = new StringBuilder();
      StructureWriter.decimal(out, number);
      assertThat(out.toString()).isEqualTo(Double.toString(number));
    }
  }

  @Test
  void writesExtremeNumbersAsTheCodecDoes() {
    double[] numbers = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 1e-3, 1e-4,
        1e7, 1e6, 9_999_999.999, 0.1 + 0.2, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    int[] integers = {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    for (double number : numbers) {
      for (int integer : integers) {
        assertSame(new SessionStructure("n", Unit.LB, null, number, List.of(new Exercise("e", null, integer, null,
            List.of(new SetEntry(SetType.NORMAL, integer, number, number, integer, number, number, integer, number,
                true, Instant.ofEpochSecond(integer)))))));
      }
    }
  }

  @Test
  void whatItWritesReadsBackTrustedAsTheSameStructure() {
    StructureJson json = new StructureJson();
    SessionStructure done = Structures.done(Structures.plan().withName("Legs"), 0, 1, 5, 100,
        Instant.parse("2026-11-24T07:10:00Z"));
    assertThat(json.readTrusted(json.write(done))).isEqualTo(done);
  }

  private void assertSame(SessionStructure structure) {
    assertThat(StructureWriter.write(structure)).as("%s", structure)
        .isEqualTo(codec.writeString(StructureTree.toTree(structure)));
  }

  private SessionStructure structure() {
    List<Exercise> exercises = new ArrayList<>();
    for (int e = random.nextInt(4); e > 0; e--) {
      List<SetEntry> sets = new ArrayList<>();
      for (int s = random.nextInt(5); s > 0; s--) {
        SetType type = SetType.values()[random.nextInt(SetType.values().length)];
        sets.add(new SetEntry(type, integer(), number(), number(), integer(), number(), number(), integer(), number(),
            random.nextBoolean(), random.nextBoolean() ? null : Instant.ofEpochMilli(random.nextLong(4_000_000_000_000L))
                .plusNanos(random.nextInt(1_000_000))));
      }
      exercises.add(new Exercise(random.nextInt(8) == 0 ? null : text(), maybeText(), integer(), maybeText(), sets));
    }
    Unit unit = random.nextInt(8) == 0 ? null : Unit.values()[random.nextInt(Unit.values().length)];
    return new SessionStructure(maybeText(), unit, maybeText(), number(), exercises);
  }

  private String maybeText() {
    return random.nextBoolean() ? null : text();
  }

  private String text() {
    String[] pieces = {"Squat", " ", "", "\"", "\\", "\n", "\t", "\u0001", "é", "日本", "\uD83C\uDFCB", "</script>", "\u2028",
        "\u0000", "\u001F", "\u007F", "\b", "\f", "\r", "/", "\uD800", "\uDFFF", "\uFFFF", "'"};
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(5); i >= 0; i--) {
      out.append(pieces[random.nextInt(pieces.length)]);
    }
    return out.toString();
  }

  private Integer integer() {
    return switch (random.nextInt(5)) {
      case 0 -> null;
      case 1 -> 0;
      case 2 -> random.nextInt();
      default -> random.nextInt(1000);
    };
  }

  private Double number() {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> -0.0;
      case 2 -> random.nextDouble() * 1e-7;
      case 3 -> random.nextDouble() * 1e22;
      case 4 -> (double) random.nextInt(400) / 4;
      case 5 -> random.nextGaussian() * 100;
      case 6 -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
      default -> Math.round(random.nextDouble() * 10000) / 100.0;
    };
  }
}
