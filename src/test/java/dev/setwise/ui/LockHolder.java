package dev.setwise.ui;

import java.nio.file.Path;

/**
 * A child process that holds a data folder's desktop lock as the app does, then waits to be
 * killed: for the test that a crashed app never blocks the next start.
 *
 * <pre>java -cp … dev.setwise.ui.LockHolder DIR</pre>
 */
public final class LockHolder {

  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    SingleInstance.Claim claim = SingleInstance.claim(Path.of(args[0]));
    System.out.println(claim instanceof SingleInstance.Owner ? "holding" : "not holding");
    System.out.flush();
    Thread.currentThread().join();
  }
}
