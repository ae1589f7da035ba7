package dev.setwise;

import java.util.function.Supplier;

/**
 * A value built the first time it is asked for, once, from any thread (the services of
 * {@link AppContext}, docs/decisions/0045). A build that throws is tried again on the next call.
 */
final class Once<T> implements Supplier<T> {

  private final Supplier<T> build;
  private volatile T value;

  Once(Supplier<T> build) {
    this.build = build;
  }

  @Override
  public T get() {
    T built = value;
    if (built == null) {
      synchronized (this) {
        built = value;
        if (built == null) {
          built = build.get();
          value = built;
        }
      }
    }
    return built;
  }
}
