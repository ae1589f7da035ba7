package dev.setwise.api;

import dev.setwise.support.TestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real server per test class, on port 0 over a real SQLite file; every test starts with the
 * test clock at {@link TestContext#START}. Test classes run one after another, so the shared
 * static field is never used by two classes at once.
 */
abstract class ApiTestBase {

  @TempDir
  static Path dir;

  static ApiHarness api;

  @BeforeAll
  static void startServer() {
    api = ApiHarness.start(dir);
  }

  @AfterAll
  static void stopServer() {
    api.close();
  }

  @BeforeEach
  void resetClock() {
    api.t.clock.set(TestContext.START);
  }
}
