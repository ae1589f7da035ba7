package dev.setwise.ui.common;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A value built the first time it is asked for: how the main window builds each screen (and its
 * view model) on first show, so the first window has only what it shows. Used on the FX thread
 * only, so it takes no lock.
 */
public final class Lazy<T> implements Supplier<T> {

  private final Supplier<? extends T> build;
  private T value;

  private Lazy(Supplier<? extends T> build) {
    this.build = Objects.requireNonNull(build);
  }

  public static <T> Lazy<T> of(Supplier<? extends T> build) {
    return new Lazy<>(build);
  }

  /** The value, built now if it was not yet. */
  @Override
  public T get() {
    if (value == null) {
      value = Objects.requireNonNull(build.get(), "a lazy value cannot be null");
    }
    return value;
  }

  public boolean isBuilt() {
    return value != null;
  }

  /** Runs {@code action} with the value when it was built already; builds nothing. */
  public void ifBuilt(Consumer<? super T> action) {
    if (value != null) {
      action.accept(value);
    }
  }
}
