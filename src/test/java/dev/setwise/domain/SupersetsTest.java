package dev.setwise.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupersetsTest {

  private record Item(String name, String label, Integer rest, List<String> sets) {}

  private static Item item(String name, String label, Integer rest, String... sets) {
    return new Item(name, label, rest, Arrays.asList(sets));
  }

  @Test
  void consecutiveExercisesWithTheSameLabelFormABlockAndOthersStandAlone() {
    List<Item> items = List.of(item("squat", null, 180), item("curl", "A", null), item("pushdown", "A", 90),
        item("row", "B", 60), item("fly", "A", 60), item("plank", null, 30), item("crunch", null, 30));

    List<List<Item>> blocks = Supersets.blocks(items, Item::label);

    assertThat(blocks).extracting(b -> b.stream().map(Item::name).toList()).containsExactly(
        List.of("squat"), List.of("curl", "pushdown"), List.of("row"), List.of("fly"), List.of("plank"),
        List.of("crunch"));
    assertThat(blocks).extracting(Supersets::isSuperset).containsExactly(false, true, false, false, false, false);
  }

  @Test
  void aSupersetIsDoneRoundByRoundAndAShorterExerciseDropsOut() {
    List<Item> block = List.of(item("a", "A", null, "A1", "A2", "A3"), item("b", "A", 90, "B1", "B2"));

    assertThat(Supersets.sequence(block, Item::sets)).containsExactly("A1", "B1", "A2", "B2", "A3");
    assertThat(Supersets.round(block, Item::sets, 2)).containsExactly("A3");
  }

  @Test
  void theRoundRestIsTheLastExerciseThatSetsOne() {
    assertThat(Supersets.roundRest(List.of(item("a", "A", 120), item("b", "A", null)), Item::rest)).isEqualTo(120);
    assertThat(Supersets.roundRest(List.of(item("a", "A", 120), item("b", "A", 60)), Item::rest)).isEqualTo(60);
    assertThat(Supersets.roundRest(List.of(item("a", "A", null)), Item::rest)).isNull();
  }
}
