package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.RestCountdown;
import dev.setwise.domain.Session;
import dev.setwise.domain.ValidationException;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestTimerServiceTest {

  @TempDir
  Path dir;

  TestContext t;
  RestTimerService rests;
  Profile alex;
  Session session;
  Instant ends = TestContext.START.plusSeconds(90);

  @BeforeEach
  void open() {
    t = new TestContext(dir);
    rests = t.app.rests();
    alex = t.profile("Alex");
    session = t.app.sessions().start(alex.id(), t.plan(alex, "Legs").id(), null);
  }

  @AfterEach
  void close() {
    t.close();
  }

  @Test
  void aCountdownIsSavedReplacedAndEndedForItsSession() {
    assertThat(rests.find(alex.id(), session.id())).isEmpty();
    rests.save(alex.id(), session.id(), ends, 90);
    assertThat(rests.find(alex.id(), session.id())).contains(new RestCountdown(session.id(), ends, 90));

    rests.save(alex.id(), session.id(), ends.plusSeconds(15), 105);
    assertThat(rests.find(alex.id(), session.id())).contains(new RestCountdown(session.id(), ends.plusSeconds(15), 105));

    rests.end(alex.id(), session.id());
    assertThat(rests.find(alex.id(), session.id())).isEmpty();
    rests.end(alex.id(), session.id());
  }

  @Test
  void anotherProfilesOrACompletedSessionHasNone() {
    Profile sam = t.profile("Sam");
    assertThatThrownBy(() -> rests.save(sam.id(), session.id(), ends, 90))
        .isInstanceOf(NotFoundException.class).hasMessage(Messages.SESSION_NOT_FOUND);
    rests.save(alex.id(), session.id(), ends, 90);
    assertThat(rests.find(sam.id(), session.id())).isEmpty();

    t.app.sessions().complete(alex.id(), session.id(), null);
    assertThat(rests.find(alex.id(), session.id())).as("completing ends the rest").isEmpty();
    assertThatThrownBy(() -> rests.save(alex.id(), session.id(), ends, 90))
        .isInstanceOf(ValidationException.class).hasMessage(Messages.SESSION_COMPLETED);
    assertThatThrownBy(() -> rests.save(alex.id(), session.id(), ends, 0)).isInstanceOf(ValidationException.class);
  }

  @Test
  void warmUpRestIsOneMinuteUntilTheProfileSetsItAndIsChecked() {
    assertThat(rests.warmupRest(alex.id())).isEqualTo(60);
    rests.setWarmupRest(alex.id(), 45);
    assertThat(rests.warmupRest(alex.id())).isEqualTo(45);
    assertThat(rests.warmupRest(t.profile("Sam").id())).isEqualTo(60);
    assertThatThrownBy(() -> rests.setWarmupRest(alex.id(), 3601)).isInstanceOf(ValidationException.class)
        .hasMessage("Rest after warm-up sets must be 0 to 3600 seconds");
    assertThat(rests.warmupRest(alex.id())).isEqualTo(45);
  }
}
