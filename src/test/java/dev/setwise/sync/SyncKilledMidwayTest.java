package dev.setwise.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.setwise.domain.Plan;
import dev.setwise.domain.Session;
import dev.setwise.support.Structures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code setwise sync} in a child process, killed with SIGKILL in the middle of its requests (the
 * answers come slowly through a proxy, so a kill often lands after the server committed and before
 * the client recorded it), three times at seeded points, with local changes in between. Then a sync
 * that runs to its end exits 0, and device, server and a second device hold the same plans and
 * sessions, each once, none missing.
 */
class SyncKilledMidwayTest {

  @TempDir
  Path dir;

  @Test
  void aSyncKilledAtAnyPointLosesAndDoublesNothing() throws Exception {
    Random random = new Random(2026);
    try (SyncServer server = SyncServer.start(dir.resolve("server"));
        FaultyProxy proxy = FaultyProxy.start(server.port())) {
      Path folder = dir.resolve("a");
      Set<UUID> made = new HashSet<>();
      try (Device a = Device.open(folder, "Alex", SyncTwoDevicesTest.FAST)) {
        a.setUp(proxy.url(), server.token);
        changes(a, random, made, 12);
      }
      proxy.delay(120);
      int killedMidway = 0;
      for (int kill = 0; kill < 3; kill++) {
        int before = proxy.requests.get();
        int at = before + 1 + random.nextInt(8);
        Process child = sync(folder);
        boolean reached = proxy.awaitRequests(at, Duration.ofSeconds(90));
        if (reached && child.isAlive()) {
          killedMidway++;
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        if (!reached) {
          break;
        }
        try (Device a = Device.open(folder, "Alex", SyncTwoDevicesTest.FAST)) {
          changes(a, random, made, 4);
        }
      }
      assertThat(killedMidway).as("kills that hit a sync under way").isGreaterThanOrEqualTo(2);
      proxy.delay(0);
      Process last = sync(folder);
      assertThat(last.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(last.exitValue()).as(Files.readString(folder.resolve("child-err.txt"))).isZero();

      try (Device a = Device.open(folder, "Alex", SyncTwoDevicesTest.FAST);
          Device b = Device.open(dir.resolve("b"), "Alex", SyncTwoDevicesTest.FAST)) {
        b.setUp(server);
        assertThat(b.sync().inSync()).isTrue();
        Snapshot there = server.snapshot();
        assertThat(a.snapshot()).isEqualTo(there);
        assertThat(b.snapshot()).isEqualTo(there);
        Set<UUID> held = new HashSet<>(there.plans().keySet());
        held.addAll(there.sessions().keySet());
        assertThat(held).containsExactlyInAnyOrderElementsOf(made);
        assertThat(a.sync.status(a.id()).waiting()).isZero();
      }
    }
  }

  /** Plans, completed sessions with amendments, a workout in progress logged set by set. */
  private static void changes(Device device, Random random, Set<UUID> made, int count) {
    UUID me = device.id();
    List<Plan> plans = new ArrayList<>();
    device.app.plans().list(me).forEach(p -> plans.add(device.app.plans().get(me, p.id())));
    for (int i = 0; i < count; i++) {
      if (plans.isEmpty() || random.nextInt(5) == 0) {
        Plan plan = device.app.plans().create(me, "Plan " + random.nextInt(100), Structures.plan());
        plans.add(plan);
        made.add(plan.id());
        continue;
      }
      Plan plan = plans.get(random.nextInt(plans.size()));
      Session running = device.app.sessions().findInProgress(me).orElse(null);
      if (running == null) {
        running = device.app.sessions().start(me, plan.id(), LocalDate.of(2026, 11, 1 + random.nextInt(28)));
        made.add(running.id());
      }
      Session logged = device.app.sessions().update(me, running.id(),
          Structures.done(running.structure(), 0, random.nextInt(4), 5, 100, now()));
      if (random.nextBoolean()) {
        Session done = device.app.sessions().complete(me, logged.id(), null);
        if (random.nextBoolean()) {
          device.app.sessions().amend(me, done.id(), Structures.done(done.structure(), 1, 0, 8, 60, now()), "fix");
        }
      }
      if (random.nextInt(4) == 0) {
        device.app.plans().update(me, plan.id(), "Renamed " + random.nextInt(100), null);
      }
    }
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }

  private static Process sync(Path folder) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1", "dev.setwise.Main",
        "--data-dir", folder.toString(), "sync");
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(folder.resolve("child-out.txt").toFile())
        .redirectError(folder.resolve("child-err.txt").toFile());
    builder.environment().remove("SETWISE_DATA_DIR");
    return builder.start();
  }
}
