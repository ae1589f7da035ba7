package dev.setwise.support;

import dev.setwise.AppContext;
import dev.setwise.domain.Plan;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.nio.file.Path;
import java.time.Instant;

/** An {@link AppContext} on a real SQLite file in a temp folder, with a hand-moved clock. */
public final class TestContext implements AutoCloseable {

  public static final Instant START = Instant.parse("2026-11-24T07:15:00Z");

  public final MutableClock clock = new MutableClock(START);
  public final AppContext app;
  public final Path dataDir;

  public TestContext(Path dataDir) {
    this.dataDir = dataDir;
    try {
      java.nio.file.Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    this.app = AppContext.open(dataDir, clock);
  }

  public Profile profile(String name) {
    return app.profiles().create(name, Unit.KG);
  }

  public Plan plan(Profile owner, String name) {
    return app.plans().create(owner.id(), name, Structures.plan());
  }

  @Override
  public void close() {
    app.close();
  }
}
