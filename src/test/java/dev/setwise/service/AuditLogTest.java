package dev.setwise.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.setwise.domain.AuditAction;
import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.store.AuditRepository;
import dev.setwise.store.Database;
import dev.setwise.support.MutableClock;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

  @TempDir
  Path dir;

  @Test
  void entriesAreNewestFirstAndPaged() {
    try (TestContext t = new TestContext(dir)) {
      Profile alex = t.profile("Alex");
      Plan plan = t.plan(alex, "A");
      t.clock.advance(Duration.ofMinutes(1));
      Session session = t.app.sessions().start(alex.id(), plan.id(), null);
      t.clock.advance(Duration.ofMinutes(1));
      t.app.sessions().complete(alex.id(), session.id(), null);

      List<AuditEntry> all = t.app.audit().list(alex.id(), 100, 0).items();

      assertThat(all).extracting(AuditEntry::action)
          .containsExactly("session_completed", "session_started", "plan_created", "profile_created");
      assertThat(all.get(0).at()).isEqualTo(t.clock.instant());
      assertThat(all.get(0).details()).containsEntry("unit", "kg");
      assertThat(t.app.audit().list(alex.id(), 2, 2).items()).extracting(AuditEntry::action)
          .containsExactly("plan_created", "profile_created");
      assertThat(t.app.audit().list(alex.id(), 2, 2).total()).isEqualTo(4);
    }
  }

  @Test
  void eachProfileSeesOnlyItsOwnEntries() {
    try (TestContext t = new TestContext(dir)) {
      Profile alex = t.profile("Alex");
      Profile sam = t.profile("Sam");
      t.plan(alex, "A");

      assertThat(t.app.audit().list(sam.id(), 100, 0).items()).extracting(AuditEntry::action)
          .containsExactly("profile_created");
    }
  }

  @Test
  void anEntryRollsBackWithItsTransaction() throws Exception {
    try (TestContext t = new TestContext(dir)) {
      t.profile("Alex");
    }
    MutableClock clock = new MutableClock(TestContext.START);
    try (Database database = Database.open(dir.resolve("setwise.db"))) {
      AuditLog audit = new AuditLog(database, new AuditRepository(), clock);
      java.util.UUID alex = database.read(tx -> new dev.setwise.store.ProfileRepository().list(tx)).get(0).id();

      assertThatThrownBy(() -> database.write(tx -> {
        audit.record(tx, alex, AuditAction.PLAN_CREATED, "plan", "p1", Map.of());
        throw new IllegalStateException("the change failed after the audit row was written");
      })).isInstanceOf(IllegalStateException.class);
      database.write(tx -> {
        audit.record(tx, alex, AuditAction.PLAN_DELETED, "plan", "p2", Map.of());
        return null;
      });

      assertThat(audit.list(alex, 100, 0).items()).extracting(AuditEntry::action)
          .containsExactly("plan_deleted", "profile_created");
    }
  }

  @Test
  void aRefusedStartWritesNoAuditRow() {
    try (TestContext t = new TestContext(dir)) {
      Profile alex = t.profile("Alex");
      Plan plan = t.plan(alex, "A");
      t.app.sessions().start(alex.id(), plan.id(), null);
      long before = t.app.audit().list(alex.id(), 1, 0).total();

      assertThatThrownBy(() -> t.app.sessions().start(alex.id(), plan.id(), null))
          .isInstanceOf(ConflictException.class);

      assertThat(t.app.audit().list(alex.id(), 1, 0).total()).isEqualTo(before);
    }
  }

  @Test
  void limitsAreChecked() {
    try (TestContext t = new TestContext(dir)) {
      Profile alex = t.profile("Alex");
      assertThatThrownBy(() -> t.app.audit().list(alex.id(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> t.app.audit().list(alex.id(), 101, 0)).isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> t.app.audit().list(alex.id(), 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
