package dev.setwise.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {

  @Test
  void buildsOnceOnTheFirstGetAndNeverBefore() {
    AtomicInteger builds = new AtomicInteger();
    Lazy<String> lazy = Lazy.of(() -> "screen " + builds.incrementAndGet());
    List<String> seen = new ArrayList<>();

    lazy.ifBuilt(seen::add);
    assertThat(lazy.isBuilt()).isFalse();
    assertThat(builds).hasValue(0);
    assertThat(seen).isEmpty();

    assertThat(lazy.get()).isEqualTo("screen 1");
    assertThat(lazy.get()).isEqualTo("screen 1");
    lazy.ifBuilt(seen::add);
    assertThat(builds).hasValue(1);
    assertThat(lazy.isBuilt()).isTrue();
    assertThat(seen).containsExactly("screen 1");
  }

  @Test
  void aBuilderThatGivesNothingIsRefused() {
    Lazy<String> lazy = Lazy.of(() -> null);
    assertThatThrownBy(lazy::get).isInstanceOf(NullPointerException.class).hasMessageContaining("cannot be null");
    assertThat(lazy.isBuilt()).isFalse();
  }
}
