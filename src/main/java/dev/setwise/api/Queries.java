package dev.setwise.api;

import dev.setwise.domain.Messages;
import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Query strings, read strictly: a malformed one is a 400, never a server error. */
final class Queries {

  private static final int MAX_PARAMETERS = 100;

  private Queries() {}

  /**
   * Every parameter with all its values, in order.
   *
   * @throws ValidationException {@code Invalid query parameters} for bad percent-encoding or too many parameters
   */
  static Map<String, List<String>> parse(String rawQuery) {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    int count = 0;
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      if (++count > MAX_PARAMETERS) {
        throw invalid("$", "has more than " + MAX_PARAMETERS + " parameters");
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
    }
    return parameters;
  }

  /** A page asked for: how many items, after how many. */
  record PageRequest(int limit, int offset) {}

  /**
   * A page of a list that takes only {@code limit} (1..{@code maxLimit}, default {@code defaultLimit})
   * and {@code offset} (≥ 0, default 0).
   *
   * @throws ValidationException {@code Invalid query parameters}, with a problem per parameter
   */
  static PageRequest page(Map<String, List<String>> parameters, int defaultLimit, int maxLimit) {
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (!Set.of("limit", "offset").contains(entry.getKey())) {
        problems.add(new Problem(pathOf(entry.getKey()), "is not a known query parameter"));
      } else if (entry.getValue().size() > 1) {
        problems.add(new Problem(entry.getKey(), "must be given once"));
      }
    }
    int limit = integer(parameters, "limit", defaultLimit, 1, maxLimit, problems);
    int offset = integer(parameters, "offset", 0, 0, Integer.MAX_VALUE, problems);
    if (!problems.isEmpty()) {
      throw new ValidationException(Messages.INVALID_QUERY, problems);
    }
    return new PageRequest(limit, offset);
  }

  private static int integer(Map<String, List<String>> parameters, String name, int fallback, int min, int max,
      List<Problem> problems) {
    List<String> values = parameters.get(name);
    if (values == null || values.isEmpty()) {
      return fallback;
    }
    String text = values.get(0);
    if (text.matches("\\d{1,10}")) {
      long value = Long.parseLong(text);
      if (value >= min && value <= max) {
        return (int) value;
      }
    }
    problems.add(new Problem(name, "must be an integer from " + min + " to " + max));
    return fallback;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("$", "is not a valid query string (bad percent-encoding)");
    }
  }

  private static String pathOf(String name) {
    return name.isEmpty() ? "(empty name)" : name;
  }

  private static ValidationException invalid(String path, String message) {
    return new ValidationException(Messages.INVALID_QUERY, List.of(new Problem(path, message)));
  }
}
