package dev.setwise;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the system's time zone, like {@link Clock#systemDefaultZone()}, except that
 * the zone is looked up when first asked for. Looking it up reads the JDK's time-zone rules and
 * searches the whole class path for more rule providers, which a command that only needs the time
 * ({@code profile list}) should not wait for at its start (docs/decisions/0059). The zone is the
 * one of the first call and then stays, as with {@code systemDefaultZone()}.
 */
public final class SystemClock extends Clock {

  private volatile ZoneId zone;

  @Override
  public ZoneId getZone() {
    ZoneId known = zone;
    if (known == null) {
      known = ZoneId.systemDefault();
      zone = known;
    }
    return known;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return Clock.system(other);
  }

  @Override
  public long millis() {
    return System.currentTimeMillis();
  }

  @Override
  public Instant instant() {
    return Instant.now();
  }

  @Override
  public String toString() {
    return "SystemClock[" + getZone() + "]";
  }
}
