package dev.setwise.service.exchange;

import java.util.Arrays;
import java.util.UUID;

/**
 * A compact list of UUIDs (16 bytes each, no objects) that can tell whether any id occurs twice:
 * an export of a million sessions costs 16 MB here instead of some 150 MB in a {@code HashSet}.
 */
final class IdList {

  private long[] bits = new long[2048];
  private int size;

  void add(UUID id) {
    if (2 * size + 2 > bits.length) {
      bits = Arrays.copyOf(bits, bits.length * 2);
    }
    bits[2 * size] = id.getMostSignificantBits();
    bits[2 * size + 1] = id.getLeastSignificantBits();
    size++;
  }

  int size() {
    return size;
  }

  /** Some id that occurs more than once, or null. Sorts the list in place. */
  UUID firstDuplicate() {
    sort();
    for (int i = 1; i < size; i++) {
      if (compare(i - 1, i) == 0) {
        return new UUID(bits[2 * i], bits[2 * i + 1]);
      }
    }
    return null;
  }

  // Heap sort: O(n log n) whatever the input, even a hostile file repeating one id a million times.
  private void sort() {
    for (int i = size / 2 - 1; i >= 0; i--) {
      siftDown(i, size);
    }
    for (int end = size - 1; end > 0; end--) {
      swap(0, end);
      siftDown(0, end);
    }
  }

  private void siftDown(int root, int end) {
    while (2 * root + 1 < end) {
      int child = 2 * root + 1;
      if (child + 1 < end && compare(child, child + 1) < 0) {
        child++;
      }
      if (compare(root, child) >= 0) {
        return;
      }
      swap(root, child);
      root = child;
    }
  }

  private int compare(int a, int b) {
    int first = Long.compare(bits[2 * a], bits[2 * b]);
    return first != 0 ? first : Long.compare(bits[2 * a + 1], bits[2 * b + 1]);
  }

  private void swap(int a, int b) {
    long hi = bits[2 * a];
    long lo = bits[2 * a + 1];
    bits[2 * a] = bits[2 * b];
    bits[2 * a + 1] = bits[2 * b + 1];
    bits[2 * b] = hi;
    bits[2 * b + 1] = lo;
  }
}
