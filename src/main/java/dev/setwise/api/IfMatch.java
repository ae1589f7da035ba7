package dev.setwise.api;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code If-Match} (RFC 9110 §13.1.1) as the version a write was made from. Entity tags are
 * the version in double quotes ({@code "3"}), as {@code ETag} gives them; {@code *} matches any
 * version of a thing that exists, as does no header at all (the last write wins). A well-formed tag
 * that is not a version of ours ({@code "abc"}, or a weak {@code W/"3"}, which never matches under
 * the strong comparison If-Match uses) can match nothing, so it fails as a stale version would:
 * 412. Text that is not an entity tag at all is a 400 (decision 0020).
 */
final class IfMatch {

  static final String HEADER = "If-Match";
  /** A version no stored thing ever has: versions start at 1. */
  static final long NEVER = 0;
  private static final int MAX_LENGTH = 1024;

  private IfMatch() {}

  /**
   * The version the request expects, {@code null} for none or {@code *}, {@link #NEVER} when no
   * tag can match.
   *
   * @throws ValidationException {@code Invalid If-Match header} for text that is not {@code *} or
   *     a list of entity tags, or for a list naming more than one version
   */
  static Long expectedVersion(Context ctx) {
    java.util.Enumeration<String> values = ctx.req().getHeaders(HEADER);
    List<String> all = values == null ? List.of() : java.util.Collections.list(values);
    if (all.isEmpty()) {
      return null;
    }
    return parse(String.join(",", all));
  }

  static Long parse(String header) {
    String text = header.strip();
    if (text.equals("*")) {
      return null;
    }
    if (text.isEmpty() || text.length() > MAX_LENGTH) {
      throw invalid();
    }
    List<Long> versions = new ArrayList<>();
    int tags = 0;
    int i = 0;
    boolean expectTag = true;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\t') {
        i++;
      } else if (c == ',') {
        expectTag = true;
        i++;
      } else if (!expectTag) {
        throw invalid();
      } else {
        boolean weak = text.startsWith("W/", i);
        int open = weak ? i + 2 : i;
        if (open >= text.length() || text.charAt(open) != '"') {
          throw invalid();
        }
        int close = text.indexOf('"', open + 1);
        if (close < 0) {
          throw invalid();
        }
        String opaque = text.substring(open + 1, close);
        if (!opaque.chars().allMatch(ch -> ch == 0x21 || (ch >= 0x23 && ch <= 0x7e) || ch >= 0x80)) {
          throw invalid();
        }
        if (!weak && opaque.matches("[1-9][0-9]{0,17}")) {
          Long version = Long.parseLong(opaque);
          if (!versions.contains(version)) {
            versions.add(version);
          }
        }
        tags++;
        expectTag = false;
        i = close + 1;
      }
    }
    if (tags == 0) {
      throw invalid();
    }
    if (versions.size() > 1) {
      throw new ValidationException("Invalid If-Match header",
          List.of(new Problem(HEADER, "must name one version, such as \"3\"")));
    }
    return versions.isEmpty() ? NEVER : versions.get(0);
  }

  /** The {@code ETag} of a version: {@code "3"}. */
  static String etag(long version) {
    return "\"" + version + "\"";
  }

  private static ValidationException invalid() {
    return new ValidationException("Invalid If-Match header",
        List.of(new Problem(HEADER, "must be * or a version in double quotes, such as \"3\"")));
  }
}
