package dev.setwise.domain;

import java.util.List;

/**
 * One page of the change feed, oldest change first, each entity at most once. {@code nextCursor}
 * continues after the last change of this page (or where the caller was, when the page is empty);
 * {@code hasMore} says whether more changes are already waiting after it.
 */
public record ChangePage(List<Change> changes, String nextCursor, boolean hasMore) {

  public ChangePage {
    changes = List.copyOf(changes);
  }
}
