package dev.setwise.domain;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New ids are UUID version 7: random like v4 for clients, but time-ordered, so new rows land at
 * the end of the primary-key index instead of all over it.
 */
public final class Ids {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Ids() {}

  public static UUID newId() {
    long millis = System.currentTimeMillis();
    long randA = RANDOM.nextInt(1 << 12);
    long msb = (millis << 16) | 0x7000L | randA;
    long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }
}
