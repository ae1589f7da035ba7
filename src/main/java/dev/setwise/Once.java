package dev.setwise;

import java.util.function.Supplier;

/**
 * A value built the first time it is asked for, once, from any thread (the services of
 * {@link AppContext}, docs/decisions/0045). A build that throws is tried again on the next call.
 * The build is given with each call, not kept: a getter that is never called never links the
 * lambda that would build its value (docs/decisions/0059).
 */
final class Once<T> {

  private volatile T value;

  /** The value, built by {@code build} if this is the first call (or every earlier build threw). */
  T get(Supplier<? extends T> build) {
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
