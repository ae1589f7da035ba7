package dev.setwise.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Filters, order and page of a session list, as the contract's {@code GET /api/sessions} takes
 * them. Sorting by {@code ended_at} puts in-progress sessions after every completed one
 * (ascending) or before (descending): a session still running ends "last". Ties are broken by
 * {@code started_at}, then id, in the same direction, so pages never overlap.
 *
 * @param nameContains in-app search on the session name (not part of the REST query)
 */
public record SessionQuery(UUID planId, LocalDate dateFrom, LocalDate dateTo, Boolean completed,
    String nameContains, int limit, int offset, Sort sort, Order order) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;
  /** In-app lists (history paging) may ask for more rows at once than a REST client. */
  public static final int MAX_INTERNAL_LIMIT = 1000;

  private static final Set<String> PARAMETERS =
      Set.of("plan_id", "date_from", "date_to", "completed", "limit", "offset", "sort", "order");

  /** Sort keys. */
  public enum Sort {
    STARTED_AT("started_at"),
    DATE("date"),
    ENDED_AT("ended_at");

    private final String code;

    Sort(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** Directions. */
  public enum Order {
    ASC,
    DESC
  }

  public SessionQuery {
    if (limit < 1 || limit > MAX_INTERNAL_LIMIT) {
      throw new IllegalArgumentException("limit out of range: " + limit);
    }
    if (offset < 0) {
      throw new IllegalArgumentException("offset out of range: " + offset);
    }
    sort = sort == null ? Sort.STARTED_AT : sort;
    order = order == null ? Order.DESC : order;
    nameContains = nameContains == null || nameContains.isBlank() ? null : nameContains.strip();
  }

  /** Newest first, first page of {@value #DEFAULT_LIMIT}. */
  public static SessionQuery defaults() {
    return new SessionQuery(null, null, null, null, null, DEFAULT_LIMIT, 0, Sort.STARTED_AT, Order.DESC);
  }

  public SessionQuery withPage(int newLimit, int newOffset) {
    return new SessionQuery(planId, dateFrom, dateTo, completed, nameContains, newLimit, newOffset, sort, order);
  }

  public SessionQuery withSort(Sort newSort, Order newOrder) {
    return new SessionQuery(planId, dateFrom, dateTo, completed, nameContains, limit, offset, newSort, newOrder);
  }

  /**
   * Parses REST query parameters strictly: unknown names, repeated names, empty or malformed
   * values and out-of-range numbers are all reported.
   *
   * @throws ValidationException {@code Invalid query parameters}, with a problem per parameter
   */
  public static SessionQuery parse(Map<String, List<String>> parameters) {
    Problems problems = new Problems();
    for (Map.Entry<String, List<String>> entry : parameters.entrySet()) {
      if (!PARAMETERS.contains(entry.getKey())) {
        problems.add(entry.getKey(), "is not a known query parameter");
      } else if (entry.getValue().size() > 1) {
        problems.add(entry.getKey(), "must be given once");
      }
    }
    String planText = single(parameters, "plan_id");
    UUID planId = null;
    if (planText != null) {
      planId = TreeObject.parseUuid(planText);
      if (planId == null) {
        problems.add("plan_id", "must be a UUID");
      }
    }
    LocalDate from = date(parameters, "date_from", problems);
    LocalDate to = date(parameters, "date_to", problems);
    if (from != null && to != null && from.isAfter(to)) {
      problems.add("date_from", "must not be after date_to");
    }
    Boolean completed = null;
    String completedText = single(parameters, "completed");
    if (completedText != null) {
      switch (completedText) {
        case "true" -> completed = true;
        case "false" -> completed = false;
        default -> problems.add("completed", "must be true or false");
      }
    }
    int limit = integer(parameters, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, problems);
    int offset = integer(parameters, "offset", 0, 0, Integer.MAX_VALUE, problems);
    Sort sort = Sort.STARTED_AT;
    String sortText = single(parameters, "sort");
    if (sortText != null) {
      sort = null;
      for (Sort candidate : Sort.values()) {
        if (candidate.code().equals(sortText)) {
          sort = candidate;
        }
      }
      if (sort == null) {
        problems.add("sort", "must be one of: started_at, date, ended_at");
      }
    }
    Order order = Order.DESC;
    String orderText = single(parameters, "order");
    if (orderText != null) {
      switch (orderText) {
        case "asc" -> order = Order.ASC;
        case "desc" -> order = Order.DESC;
        default -> problems.add("order", "must be asc or desc");
      }
    }
    problems.throwIfAny(Messages.INVALID_QUERY);
    return new SessionQuery(planId, from, to, completed, null, limit, offset, sort, order);
  }

  private static String single(Map<String, List<String>> parameters, String name) {
    List<String> values = parameters.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static LocalDate date(Map<String, List<String>> parameters, String name, Problems problems) {
    String text = single(parameters, name);
    if (text == null) {
      return null;
    }
    LocalDate date = TreeObject.parseDate(text);
    if (date == null) {
      problems.add(name, "must be a date as YYYY-MM-DD");
    }
    return date;
  }

  private static int integer(Map<String, List<String>> parameters, String name, int fallback, int min, int max,
      Problems problems) {
    String text = single(parameters, name);
    if (text == null) {
      return fallback;
    }
    if (!text.matches("\\d{1,10}")) {
      problems.add(name, "must be an integer from " + min + " to " + max);
      return fallback;
    }
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      problems.add(name, "must be an integer from " + min + " to " + max);
      return fallback;
    }
    return (int) value;
  }
}
