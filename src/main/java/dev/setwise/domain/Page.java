package dev.setwise.domain;

import java.util.List;

/** One page of a list, with the total number of matching rows. */
public record Page<T>(List<T> items, long total, int limit, int offset) {

  public Page {
    items = List.copyOf(items);
  }
}
