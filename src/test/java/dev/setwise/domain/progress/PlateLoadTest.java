package dev.setwise.domain.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Unit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlateLoadTest {

  private final ProgressSettings kg = ProgressSettings.defaults(Unit.KG);

  @Test
  void oneHundredFortyTwoAndAHalfOnATwentyKiloBar() {
    PlateLoad load = kg.load(142.5);

    assertThat(load.exact()).isTrue();
    assertThat(load.perSide()).containsExactly(25.0, 25.0, 10.0, 1.25);
    assertThat(load.loaded()).isEqualTo(142.5);
  }

  @Test
  void aWeightThatCannotBeMadeGivesTheNearestOnEachSide() {
    PlateLoad load = kg.load(143);

    assertThat(load.exact()).isFalse();
    assertThat(load.lighter()).isEqualTo(142.5);
    assertThat(load.heavier()).isEqualTo(145.0);
    assertThat(load.loaded()).isEqualTo(142.5);
  }

  @Test
  void limitedPlatesAreRespectedAndTheSolverFindsWhatGreedyMisses() {
    // 30 a side from one pair of 20s and two of 15s: heaviest-first (20, then nothing fits) misses 15 + 15.
    PlateLoad load = PlateLoad.solve(80, 20, Map.of(20.0, 2, 15.0, 4));

    assertThat(load.exact()).isTrue();
    assertThat(load.perSide()).containsExactly(15.0, 15.0);

    PlateLoad tooHeavy = PlateLoad.solve(200, 20, Map.of(20.0, 2));
    assertThat(tooHeavy.exact()).isFalse();
    assertThat(tooHeavy.loaded()).isEqualTo(60.0);
    assertThat(tooHeavy.heavier()).isNull();
  }

  @Test
  void poundsAndTheBarAlone() {
    ProgressSettings lb = ProgressSettings.defaults(Unit.LB);

    assertThat(lb.load(315).perSide()).containsExactly(45.0, 45.0, 45.0);
    assertThat(lb.load(45).perSide()).isEmpty();
    assertThat(lb.load(45).exact()).isTrue();
    // 46.25 lb a side cannot be made without 1.25 lb plates: 135 and 140 are as near; the lighter wins.
    PlateLoad load = lb.load(137.5);
    assertThat(load.exact()).isFalse();
    assertThat(load.lighter()).isEqualTo(135.0);
    assertThat(load.heavier()).isEqualTo(140.0);
    assertThat(load.perSide()).containsExactly(45.0);
  }
}
