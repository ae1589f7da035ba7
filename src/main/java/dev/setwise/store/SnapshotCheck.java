package dev.setwise.store;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The check kept beside every snapshot Setwise writes ({@code session_check}, {@code
 * structure_check}; docs/decisions/0033): the CRC-32C of the text's UTF-8 bytes. A stored text
 * whose bytes still give it is exactly what Setwise validated and wrote, so it may be read without
 * validating again; damage to the bytes (or a change by anything but Setwise) shows as a mismatch.
 * CRC-32C catches every burst of up to 32 flipped bits and all but one in 2^32 other damage, and
 * the JDK computes it with the processor's own instruction.
 */
final class SnapshotCheck {

  private SnapshotCheck() {}

  static long of(byte[] utf8) {
    CRC32C crc = new CRC32C();
    crc.update(utf8, 0, utf8.length);
    return crc.getValue();
  }

  static long of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }
}
