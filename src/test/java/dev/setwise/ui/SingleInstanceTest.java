package dev.setwise.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One desktop window per data folder, across processes: the OS lock, the loopback request with
 * its secret, a stale file from a crashed app, and a real second start in a child JVM.
 */
class SingleInstanceTest {

  @TempDir
  Path dir;

  final List<AutoCloseable> toClose = new ArrayList<>();
  final List<Process> children = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (Process child : children) {
      child.destroyForcibly();
      child.waitFor();
    }
    for (AutoCloseable each : toClose) {
      each.close();
    }
  }

  private SingleInstance.Owner own(Path folder) {
    SingleInstance.Claim claim = SingleInstance.claim(folder);
    assertThat(claim).isInstanceOf(SingleInstance.Owner.class);
    SingleInstance.Owner owner = (SingleInstance.Owner) claim;
    toClose.add(owner);
    return owner;
  }

  private Properties lockFile() throws IOException {
    Properties properties = new Properties();
    try (var in = Files.newBufferedReader(dir.resolve(SingleInstance.LOCK_FILE))) {
      properties.load(in);
    }
    return properties;
  }

  @Test
  void aSecondClaimFindsTheFolderHeldAndAsksTheFirstToShowItsWindow() throws Exception {
    SingleInstance.Owner first = own(dir);
    CountDownLatch shown = new CountDownLatch(1);
    first.onShowRequest(shown::countDown);

    SingleInstance.Claim second = SingleInstance.claim(dir);

    assertThat(second).isEqualTo(new SingleInstance.Running(dir, true));
    assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aRequestThatComesBeforeTheWindowIsReadyIsDeliveredOnceItIs() {
    SingleInstance.Owner first = own(dir);
    assertThat(SingleInstance.claim(dir)).isEqualTo(new SingleInstance.Running(dir, true));
    AtomicInteger shown = new AtomicInteger();

    first.onShowRequest(shown::incrementAndGet);

    assertThat(shown).hasValue(1);
  }

  @Test
  void aRequestWithoutTheSecretIsRefused() throws Exception {
    SingleInstance.Owner first = own(dir);
    AtomicInteger shown = new AtomicInteger();
    first.onShowRequest(shown::incrementAndGet);
    int port = Integer.parseInt(lockFile().getProperty("port"));

    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.getOutputStream().write("show 0123456789\n".getBytes(StandardCharsets.US_ASCII));
      String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
      assertThat(answer).isEqualTo("refused");
    }
    assertThat(shown).hasValue(0);
    assertThat(lockFile().getProperty("secret")).hasSizeGreaterThanOrEqualTo(32);
  }

  @Test
  void aStaleLockFileIsIgnoredAndWrittenAgain() throws Exception {
    Files.writeString(dir.resolve(SingleInstance.LOCK_FILE), "port=1\nsecret=old\n");

    own(dir);

    assertThat(lockFile().getProperty("secret")).isNotEqualTo("old");
    assertThat(lockFile().getProperty("port")).isNotEqualTo("1");
  }

  @Test
  void onceTheFirstWindowClosedTheNextStartOwnsTheFolder() {
    SingleInstance.Owner first = own(dir);
    first.close();

    own(dir);

    assertThat(Files.exists(dir.resolve(SingleInstance.LOCK_FILE))).as("the file is never deleted").isTrue();
  }

  @Test
  void anotherFolderHasItsOwnWindow() throws Exception {
    own(dir);
    own(Files.createDirectories(dir.resolve("other")));
  }

  @Test
  void anAppKilledWhileHoldingTheFolderNeverBlocksTheNextStart() throws Exception {
    Process holder = child("dev.setwise.ui.LockHolder", dir.toString());
    BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
    assertThat(out.readLine()).isEqualTo("holding");
    assertThat(SingleInstance.claim(dir)).as("held by the other process")
        .isEqualTo(new SingleInstance.Running(dir, true));

    holder.destroyForcibly();
    holder.waitFor();

    own(dir);
  }

  @Test
  void theRealSecondStartExitsZeroWithOneLineAndOpensNoWindow() throws Exception {
    SingleInstance.Owner first = own(dir);
    CountDownLatch shown = new CountDownLatch(1);
    first.onShowRequest(shown::countDown);

    Process second = child("dev.setwise.Main", "--data-dir", dir.toString());
    String stdout = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String stderr = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(second.waitFor()).as(stderr).isZero();
    assertThat(stdout).isEqualTo("Setwise is already open on " + dir.toAbsolutePath()
        + "; its window was brought to the front." + System.lineSeparator());
    assertThat(stderr).isEmpty();
    assertThat(shown.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(dir.resolve("setwise.db")).as("the second start opened no database").doesNotExist();
  }

  private Process child(String mainClass, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1", mainClass));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("SETWISE_DATA_DIR");
    Process process = builder.start();
    children.add(process);
    return process;
  }
}
