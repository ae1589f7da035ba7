package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileServiceTest {

  @TempDir
  Path dir;

  @Test
  void createsAndListsByName() {
    try (TestContext t = new TestContext(dir)) {
      t.app.profiles().create("Sam", Unit.LB);
      t.app.profiles().create(" alex ", null);

      assertThat(t.app.profiles().list()).extracting(Profile::name, Profile::unit).containsExactly(
          org.assertj.core.groups.Tuple.tuple("alex", Unit.KG), org.assertj.core.groups.Tuple.tuple("Sam", Unit.LB));
    }
  }

  @Test
  void namesAreUniqueIgnoringCase() {
    try (TestContext t = new TestContext(dir)) {
      t.app.profiles().create("Alex", Unit.KG);

      assertThatThrownBy(() -> t.app.profiles().create("ALEX", Unit.KG))
          .isInstanceOf(ConflictException.class).hasMessage("A profile named \"Alex\" already exists");
    }
  }

  @Test
  void badNamesAreRefused() {
    try (TestContext t = new TestContext(dir)) {
      for (String bad : new String[] {"", "   ", "x".repeat(61), "tab\tname", null}) {
        assertThatThrownBy(() -> t.app.profiles().create(bad, Unit.KG)).as(String.valueOf(bad))
            .isInstanceOf(ValidationException.class);
      }
      assertThat(t.app.profiles().create("x".repeat(60), Unit.KG).name()).hasSize(60);
    }
  }

  @Test
  void ensureDefaultCreatesOneProfileOnlyOnce() {
    try (TestContext t = new TestContext(dir)) {
      Profile first = t.app.profiles().ensureDefault();
      Profile again = t.app.profiles().ensureDefault();

      assertThat(first.name()).isEqualTo(ProfileService.DEFAULT_NAME);
      assertThat(again).isEqualTo(first);
      assertThat(t.app.profiles().list()).hasSize(1);
    }
  }

  @Test
  void updateRenamesAndChangesUnit() {
    try (TestContext t = new TestContext(dir)) {
      Profile alex = t.app.profiles().create("Alex", Unit.KG);
      t.app.profiles().create("Sam", Unit.KG);

      Profile updated = t.app.profiles().update(alex.id(), "Alexandra", Unit.LB);

      assertThat(t.app.profiles().get(alex.id())).isEqualTo(updated);
      assertThat(updated.unit()).isEqualTo(Unit.LB);
      assertThat(t.app.profiles().findByName("alexandra")).contains(updated);
      assertThatThrownBy(() -> t.app.profiles().update(alex.id(), "sam", null))
          .isInstanceOf(ConflictException.class);
      assertThatThrownBy(() -> t.app.profiles().get(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }
  }
}
