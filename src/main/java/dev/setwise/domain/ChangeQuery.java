package dev.setwise.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a reader of the change feed is and how much it wants: {@code GET /api/changes?after&limit}.
 * A cursor is opaque to clients: an unpadded base64url text naming a place in the profile's feed
 * (today a position, {@code "1:<seq>"}; the leading {@code 1} leaves room for another form). Only
 * texts this class wrote are accepted, so a cursor cannot be mistyped into another meaning.
 *
 * @param afterSeq the position after which changes are wanted, 0 for the start of the feed
 */
public record ChangeQuery(long afterSeq, int limit) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 500;
  private static final Set<String> PARAMETERS = Set.of("after", "limit");
  private static final int MAX_CURSOR_LENGTH = 64;
  private static final String FORM = "1:";

  public ChangeQuery {
    if (afterSeq < 0) {
      throw new IllegalArgumentException("afterSeq out of range: " + afterSeq);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
  }

  /** From the start of the feed, a page of {@value #DEFAULT_LIMIT}. */
  public static ChangeQuery fromStart() {
    return new ChangeQuery(0, DEFAULT_LIMIT);
  }

  /**
   * Reads a cursor and a limit.
   *
   * @param cursor a cursor from an earlier page, or null for the start of the feed
   * @throws ValidationException {@code Invalid query parameters} (path {@code after}) for a text that is no cursor
   */
  public static ChangeQuery of(String cursor, int limit) {
    Problems problems = new Problems();
    long after = cursor == null ? 0 : decode(cursor, problems);
    if (limit < 1 || limit > MAX_LIMIT) {
      problems.add("limit", "must be an integer from 1 to " + MAX_LIMIT);
    }
    problems.throwIfAny(Messages.INVALID_QUERY);
    return new ChangeQuery(after, limit);
  }

  /**
   * Parses REST query parameters strictly: {@code after} (a cursor) and {@code limit}
   * (1..{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}); anything else is a problem.
   *
   * @throws ValidationException {@code Invalid query parameters}, with a problem per parameter
   */
  public static ChangeQuery parse(Map<String, List<String>> parameters) {
    Problems problems = new Problems();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (!PARAMETERS.contains(entry.getKey())) {
        problems.add(entry.getKey().isEmpty() ? "(empty name)" : entry.getKey(), "is not a known query parameter");
      } else if (entry.getValue().size() > 1) {
        problems.add(entry.getKey(), "must be given once");
      }
    }
    String cursor = single(parameters, "after");
    long after = cursor == null ? 0 : decode(cursor, problems);
    int limit = DEFAULT_LIMIT;
    String limitText = single(parameters, "limit");
    if (limitText != null) {
      if (limitText.matches("\\d{1,4}") && Integer.parseInt(limitText) >= 1
          && Integer.parseInt(limitText) <= MAX_LIMIT) {
        limit = Integer.parseInt(limitText);
      } else {
        problems.add("limit", "must be an integer from 1 to " + MAX_LIMIT);
      }
    }
    problems.throwIfAny(Messages.INVALID_QUERY);
    return new ChangeQuery(after, limit);
  }

  /** The cursor that continues after position {@code seq}. */
  public static String cursorAfter(long seq) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString((FORM + seq).getBytes(StandardCharsets.US_ASCII));
  }

  /** The cursor of where this query starts (what an empty page hands back). */
  public String cursor() {
    return cursorAfter(afterSeq);
  }

  private static long decode(String cursor, Problems problems) {
    if (cursor.length() <= MAX_CURSOR_LENGTH && cursor.matches("[A-Za-z0-9_-]+")) {
      try {
        String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        if (text.startsWith(FORM) && text.substring(FORM.length()).matches("0|[1-9][0-9]{0,17}")) {
          long seq = Long.parseLong(text.substring(FORM.length()));
          if (cursorAfter(seq).equals(cursor)) {
            return seq;
          }
        }
      } catch (IllegalArgumentException e) {
        // not base64url: reported below
      }
    }
    problems.add("after", "is not a cursor of this feed (use next_cursor as it was given, or leave it out)");
    return 0;
  }

  private static String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
