package dev.setwise.support;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An input of any length made on the fly: a head, a pattern repeated {@code count} times, a tail. Counts
 * what was read, so a test can prove a reader gave up early instead of holding gigabytes.
 */
public final class GeneratedInputStream extends InputStream {

  private final byte[] head;
  private final byte[] pattern;
  private final long count;
  private final byte[] tail;
  private long position;
  private long read;

  public GeneratedInputStream(String head, char filler, long count, String tail) {
    this(head, String.valueOf(filler), count, tail);
  }

  public GeneratedInputStream(String head, String pattern, long count, String tail) {
    this.head = head.getBytes(StandardCharsets.UTF_8);
    this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
    this.count = count * this.pattern.length;
    this.tail = tail.getBytes(StandardCharsets.UTF_8);
  }

  /** Bytes handed out so far. */
  public long bytesRead() {
    return read;
  }

  private long length() {
    return head.length + count + tail.length;
  }

  @Override
  public int read() {
    if (position >= length()) {
      return -1;
    }
    int b;
    if (position < head.length) {
      b = head[(int) position] & 0xFF;
    } else if (position < head.length + count) {
      b = pattern[(int) ((position - head.length) % pattern.length)] & 0xFF;
    } else {
      b = tail[(int) (position - head.length - count)] & 0xFF;
    }
    position++;
    read++;
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    int n = 0;
    while (n < length && position < length()) {
      if (pattern.length == 1 && position >= head.length && position < head.length + count) {
        int run = (int) Math.min(length - n, head.length + count - position);
        java.util.Arrays.fill(buffer, offset + n, offset + n + run, pattern[0]);
        position += run;
        read += run;
        n += run;
      } else {
        buffer[offset + n++] = (byte) read();
      }
    }
    return n == 0 ? -1 : n;
  }
}
