package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.support.Structures;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresSmokeTest {

  @TempDir
  Path dir;

  @Test
  void servicesWorkOnPostgres() {
    try (TestContext t = TestContext.onPostgres(dir)) {
      var alex = t.profile("Alex");
      var plan = t.app.plans().create(alex.id(), "Push", Structures.plan());
      assertThat(t.app.plans().list(alex.id())).hasSize(1);
      assertThat(t.app.profiles().findByName("alex")).isPresent();
      assertThat(plan.version()).isEqualTo(1);
    }
  }
}
