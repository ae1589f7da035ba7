package dev.setwise;

/**
 * Work done once on a daemon thread of its own so that the thread which needs it next finds it
 * done (docs/decisions/0052): loading classes and native code, never anything a user sees. A
 * failure is ignored here; the same work fails again, and is reported, where it is really done.
 */
public final class WarmUp {

  private WarmUp() {}

  /** Starts {@code work} on a daemon thread named {@code name}. */
  public static void inBackground(String name, Runnable work) {
    Thread thread = new Thread(() -> run(work), name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Runs {@code work} on this thread, ignoring its failure. */
  public static void run(Runnable work) {
    try {
      work.run();
    } catch (RuntimeException | LinkageError ignored) {
      // done again, and reported, by the code that needs it
    }
  }
}
