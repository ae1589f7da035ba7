package dev.setwise.service;

/**
 * Receives progress of a long task (export, import, backup). Called on the thread that runs the
 * task, often: keep it cheap and hand the figures to the UI thread yourself (e.g. with
 * {@code Platform.runLater}, coalescing updates). {@code total} is {@code -1} while unknown.
 */
@FunctionalInterface
public interface Progress {

  /** Ignores every update. */
  Progress NONE = (step, done, total) -> { };

  /**
   * @param step what is being done, a short phrase fit to show ("Checking the file", "Importing")
   * @param done how many items of this step are done
   * @param total how many there are, or {@code -1} when not known
   */
  void update(String step, long done, long total);
}
