package dev.setwise.api;

import dev.setwise.support.TestContext;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One real server per test class and database, on port 0: every test class runs twice, over a
 * real SQLite file and over a new PostgreSQL database ({@link ApiHarness.Backend}); every test
 * starts with the test clock at {@link TestContext#START}. Test classes run one after another, so
 * the shared static field is never used by two classes at once.
 */
@ParameterizedClass(name = "on {0}")
@EnumSource(ApiHarness.Backend.class)
abstract class ApiTestBase {

  static ApiHarness api;

  /** The database this run of the class is on. */
  @Parameter
  ApiHarness.Backend backend;

  @BeforeParameterizedClassInvocation
  static void startServer(ApiHarness.Backend backend, @TempDir Path dir) {
    api = ApiHarness.start(dir, backend);
  }

  @AfterParameterizedClassInvocation
  static void stopServer() {
    api.close();
  }

  @BeforeEach
  void resetClock() {
    api.t.clock.set(TestContext.START);
  }
}
