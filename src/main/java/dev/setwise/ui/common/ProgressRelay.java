package dev.setwise.ui.common;

import dev.setwise.service.Progress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands a long task's progress to the FX thread without flooding it: a service may report
 * thousands of times a second, but at most one update is queued at a time and it carries the
 * newest figures when it runs.
 */
public final class ProgressRelay implements Progress {

  /** One report: the step ("Checking the file"), how far it is, and of how much ({@code -1}: unknown). */
  public record Step(String step, long done, long total) {

    /** From 0 to 1, or {@code -1} while the total is not known (an indeterminate bar). */
    public double fraction() {
      return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
  }

  private final BackgroundTasks tasks;
  private final Consumer<Step> onFx;
  private final AtomicReference<Step> latest = new AtomicReference<>();
  private final AtomicBoolean queued = new AtomicBoolean();

  /** {@code onFx} receives the newest step on the FX thread (at once in tests). */
  public ProgressRelay(BackgroundTasks tasks, Consumer<Step> onFx) {
    this.tasks = tasks;
    this.onFx = onFx;
  }

  @Override
  public void update(String step, long done, long total) {
    latest.set(new Step(step, done, total));
    if (queued.compareAndSet(false, true)) {
      tasks.onFx(() -> {
        queued.set(false);
        onFx.accept(latest.get());
      });
    }
  }
}
