package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.AppContext;
import dev.setwise.domain.Change;
import dev.setwise.domain.ChangePage;
import dev.setwise.domain.ChangeQuery;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.service.IdempotencyService;
import dev.setwise.support.PostgresServer;
import dev.setwise.support.TestContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0021 on PostgreSQL: a change that commits late never lands behind a reader. Instance A
 * changes a plan and keeps its transaction open; instance B changes another plan of the same
 * profile meanwhile. If B's change could take the next position and commit first, a reader would
 * page past A's position before A committed and never see A's change. B waits for A instead, and
 * the reader then finds both, in commit order.
 */
class PostgresChangeFeedOrderTest {

  @TempDir
  Path dir;

  @Test
  void aWriterOfTheSameProfileWaitsSoPositionsCommitInOrder() throws Exception {
    try (TestContext t = TestContext.onPostgres(dir)) {
      Profile alex = t.profile("Alex");
      Profile sam = t.profile("Sam");
      Plan first = t.plan(alex, "First");
      Plan second = t.plan(alex, "Second");
      Plan samsPlan = t.plan(sam, "Sam's");
      String alexToken = t.app.tokens().create(alex.id(), "a").text();
      String samToken = t.app.tokens().create(sam.id(), "s").text();
      AppContext a = t.newServer();
      AppContext b = t.newServer();
      b.tokens().authenticate(alexToken).orElseThrow();
      ChangePage start = b.changes().page(alex.id(), ChangeQuery.fromStart());
      assertThat(start.changes()).hasSize(2);
      String cursor = start.nextCursor();

      CountDownLatch changed = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> {
        a.tokens().authenticate(alexToken).orElseThrow();
        a.idempotency().execute(alex.id(), "slow-1", new byte[32], () -> {
          a.plans().update(alex.id(), first.id(), "First, renamed", null);
          changed.countDown();
          await(release);
          return new IdempotencyService.Answer(200, null, "{}".getBytes());
        });
      });
      assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
      CompletableFuture<Void> quick = CompletableFuture.runAsync(() -> {
        b.tokens().authenticate(alexToken).orElseThrow();
        b.plans().update(alex.id(), second.id(), "Second, renamed", null);
      });
      awaitAWriterWaitingForALock(t.database);

      // another profile's writes do not wait
      CompletableFuture.runAsync(() -> {
        b.tokens().authenticate(samToken).orElseThrow();
        b.plans().update(sam.id(), samsPlan.id(), "Sam's, renamed", null);
      }).get(30, TimeUnit.SECONDS);
      b.tokens().authenticate(alexToken).orElseThrow();
      assertThat(b.changes().page(alex.id(), ChangeQuery.of(cursor, 10)).changes())
          .as("nothing committed yet, nothing to pass").isEmpty();
      assertThat(quick).isNotDone();

      release.countDown();
      slow.get(30, TimeUnit.SECONDS);
      quick.get(30, TimeUnit.SECONDS);

      ChangePage page = b.changes().page(alex.id(), ChangeQuery.of(cursor, 10));
      assertThat(page.changes()).extracting(Change::id).containsExactly(first.id(), second.id());
      assertThat(page.changes()).extracting(Change::version).containsExactly(2L, 2L);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("never released");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits (on the server's own view of its backends) until a Setwise connection waits for a lock. */
  private static void awaitAWriterWaitingForALock(String database) throws SQLException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Connection superuser = PostgresServer.get().connectAsSuperuser("postgres");
        PreparedStatement waiting = superuser.prepareStatement("SELECT count(*) FROM pg_stat_activity "
            + "WHERE datname = ? AND application_name = 'setwise' AND wait_event_type = 'Lock'")) {
      waiting.setString(1, database);
      while (true) {
        try (ResultSet rs = waiting.executeQuery()) {
          rs.next();
          if (rs.getInt(1) > 0) {
            return;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no writer waited for the first one");
        }
      }
    }
  }
}
