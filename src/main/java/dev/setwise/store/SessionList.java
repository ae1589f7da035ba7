package dev.setwise.store;

import dev.setwise.domain.Page;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import dev.setwise.domain.Unit;
import dev.setwise.json.SummaryJson;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of session summaries and the number that match, in time that does not grow with the
 * history (docs/decisions/0032).
 *
 * <p>Totals: without dates they are sums of a few rows of {@code session_totals} (kept by the
 * schema's triggers: sessions per owner, plan and name); with dates, counts read from one index
 * alone ({@code sessions_by_date}, {@code sessions_by_plan_and_date}, {@code sessions_by_name}).
 * Either counts every status; the completed count is that minus the owner's session in progress
 * when it matches (at most one: the one-in-progress rule), and the in-progress count is that one.
 *
 * <p>A name search first finds the names that hold the text ({@link #NAME_CANDIDATES}: SQLite's
 * FTS5 trigram index over the names of the totals, then the exact {@code LIKE}; on PostgreSQL,
 * {@code ILIKE} over the same totals, narrowed by their pg_trgm index). Its page is then
 * read from an index of names that holds every column a search filters and sorts on: in the
 * default order, newest first, the first rows of each name found are taken from
 * {@code sessions_by_name} in order and merged, so a page reads about as many entries as it shows,
 * however common or rare the name; with dates, or in another order, the entries of the names found
 * (in the range of {@code sessions_by_name_and_date}) are sorted. Only the rows of the page itself
 * are then read from the table.
 *
 * <p>Both dialects keep the same totals and indexes (SQLite V14, PostgreSQL V21, decision
 * 0049); only SQLite needs its planner told which index to read ({@code INDEXED BY}).
 */
final class SessionList {

  /** Sort key of ended_at: a session still in progress sorts as the latest (see sessions_by_ended). */
  static final String STILL_RUNNING = "9223372036854775807";

  private static final String AMENDED = "EXISTS (SELECT 1 FROM session_amendments a WHERE a.session_id = s.id)";
  private static final String COLUMNS = "s.id, s.plan_id, s.date, s.started_at, s.ended_at, s.name, s.unit, "
      + "s.exercise_count, s.set_count, s.completed_set_count, s.volume, s.created_at, s.updated_at, s.version, ";
  private static final String SUMMARY_COLUMNS = COLUMNS + AMENDED + " AS amended";
  /**
   * The id and the stored summary text when it is that of the row's version, NULL otherwise: such
   * a row is then read again from its columns ({@link Shape#otherwise}). Only these two columns,
   * as most rows have a fresh text: fifteen more would cost a page about a quarter more of SQLite's
   * time for values the page does not use.
   */
  private static final String TEXT_COLUMNS = "s.id, CASE WHEN " + StoredSummary.FRESH + " THEN s.summary END AS summary";

  /**
   * What a page is made of: the columns it selects (the id first), how one row is read, and where
   * the reader answers null, the shape that reads those rows instead (in the same transaction).
   */
  record Shape<T>(String columns, RowReader<T> reader, Shape<T> otherwise) {

    Shape(String columns, RowReader<T> reader) {
      this(columns, reader, null);
    }
  }

  /** Reads one row of a {@link Shape}'s columns. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /** Pages of {@link SessionSummary}: the desktop's History, the CLI. */
  static final Shape<SessionSummary> SUMMARIES = new Shape<>(SUMMARY_COLUMNS, SessionList::summary);

  /**
   * Pages of summary texts as the REST list sends them ({@link SummaryJson}): the stored text of a
   * row where it is fresh, else the text of its columns, written by {@code mapper}.
   */
  static Shape<byte[]> texts(Dialect dialect, JsonMapper mapper) {
    Shape<byte[]> fromColumns = new Shape<>(SUMMARY_COLUMNS, rs -> SummaryJson.of(mapper, summary(rs)));
    return new Shape<>(TEXT_COLUMNS, rs -> dialect == Dialect.SQLITE ? rs.getBytes(2) : utf8(rs.getString(2)),
        fromColumns);
  }

  private static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The names of the owner's totals that hold a search text (SQLite dialect: FTS5). The trigram
   * index narrows (it folds case beyond ASCII, where LIKE does not), the LIKE decides, so the names
   * are exactly those {@code name LIKE '%text%'} accepts. Parameters: the FTS5 phrase, the owner,
   * the LIKE pattern.
   */
  private static final String NAME_CANDIDATES = "SELECT t.plan_key, t.name, t.sessions "
      + "FROM session_names f JOIN session_totals t ON t.id = f.rowid "
      + "WHERE session_names MATCH ? AND t.user_id = ? AND t.name LIKE ? ESCAPE '\\'";
  /**
   * PostgreSQL: the ILIKE decides and the planner narrows with the trigram index of the names
   * ({@code session_totals_by_name_trigrams}) when the text has trigrams. Parameters: the owner,
   * the pattern.
   */
  private static final String NAME_CANDIDATES_POSTGRESQL = "SELECT t.plan_key, t.name, t.sessions "
      + "FROM session_totals t WHERE t.user_id = ? AND t.name ILIKE ? ESCAPE '\\'";
  /** The same without the index, for a text of fewer than three characters (no trigram to look up). */
  private static final String NAME_CANDIDATES_SHORT = "SELECT t.plan_key, t.name, t.sessions FROM session_totals t "
      + "WHERE t.user_id = ? AND t.name LIKE ? ESCAPE '\\'";
  /**
   * Searches read {@code sessions_by_name}, which holds every column they filter and sort on
   * (SQLite dialect: left to itself, the planner may walk the table's rows in another index).
   */
  private static final String BY_NAME = "sessions s INDEXED BY sessions_by_name";
  private static final String BY_NAME_AND_DATE = "sessions s INDEXED BY sessions_by_name_and_date";
  /**
   * The one row in progress is found on its partial unique index, whatever else the filter names
   * (SQLite dialect: left to itself, the planner prefers a plan's index and reads every session of
   * the plan to find it).
   */
  private static final String IN_PROGRESS = "sessions s INDEXED BY sessions_one_in_progress";
  /** More names than this are sorted together instead of merged name by name. */
  private static final int MAX_MERGED_NAMES = 32;

  private SessionList() {}

  /** One name of the owner's totals that holds the search text, with how many sessions carry it. */
  private record NameTotal(String planKey, String name, long sessions) {}

  /** Conditions on {@code sessions s}, with their arguments in order. */
  private record Where(StringBuilder sql, List<Object> arguments) {

    Where(UUID ownerId) {
      this(new StringBuilder("s.user_id = ?"), new ArrayList<>(List.of(ownerId.toString())));
    }

    Where and(String condition, Object... values) {
      sql.append(" AND ").append(condition);
      arguments.addAll(List.of(values));
      return this;
    }
  }

  /** A page entry found in an index: its sort keys and id, before its row is read. */
  private record Entry(String id, long startedAt) {}

  /**
   * @param withTotal false when the caller knows the total already (the next page of the same
   *     filters): the page is read alone and its total is -1
   */
  static <T> Page<T> list(Tx tx, UUID ownerId, SessionQuery query, boolean withTotal, Shape<T> shape)
      throws SQLException {
    List<NameTotal> names = query.nameContains() == null ? null : names(tx, ownerId, query);
    long total = withTotal ? matches(tx, ownerId, query, names) : -1;
    List<T> items;
    if (names == null) {
      items = page(tx, ownerId, query, shape);
    } else if (names.isEmpty()) {
      items = List.of();
    } else {
      items = searched(tx, ownerId, query, distinct(names), shape);
    }
    return new Page<>(items, total, query.limit(), query.offset());
  }

  private static List<NameTotal> names(Tx tx, UUID ownerId, SessionQuery query) throws SQLException {
    String text = query.nameContains();
    boolean sqlite = tx.dialect() == Dialect.SQLITE;
    boolean indexed = sqlite && text.codePointCount(0, text.length()) >= 3;
    List<NameTotal> found = new ArrayList<>();
    String sql = !sqlite ? NAME_CANDIDATES_POSTGRESQL : indexed ? NAME_CANDIDATES : NAME_CANDIDATES_SHORT;
    try (PreparedStatement statement = tx.prepare(sql)) {
      int i = 1;
      if (indexed) {
        statement.setString(i++, ftsPhrase(text));
      }
      Rows.setUuid(statement, i++, ownerId);
      statement.setString(i, Rows.likeContains(text));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String planKey = rs.getString(1);
          if (query.planId() == null || planKey.equals(query.planId().toString())) {
            found.add(new NameTotal(planKey, rs.getString(2), rs.getLong(3)));
          }
        }
      }
    }
    return found;
  }

  /** {@code text} as one FTS5 phrase (SQLite dialect): in double quotes, inner quotes doubled. */
  private static String ftsPhrase(String text) {
    return "\"" + text.replace("\"", "\"\"") + "\"";
  }

  private static List<String> distinct(List<NameTotal> names) {
    Set<String> distinct = new LinkedHashSet<>();
    names.forEach(name -> distinct.add(name.name()));
    return List.copyOf(distinct);
  }

  /** How many sessions match the query (every filter, status included). */
  private static long matches(Tx tx, UUID ownerId, SessionQuery query, List<NameTotal> names) throws SQLException {
    if (names != null && names.isEmpty()) {
      return 0;
    }
    if (Boolean.FALSE.equals(query.completed())) {
      return inProgressMatches(tx, ownerId, query) ? 1 : 0;
    }
    long base = base(tx, ownerId, query, names);
    return Boolean.TRUE.equals(query.completed()) && base > 0 && inProgressMatches(tx, ownerId, query)
        ? base - 1 : base;
  }

  /** Sessions that match every filter but the status, counted without walking them one by one. */
  private static long base(Tx tx, UUID ownerId, SessionQuery query, List<NameTotal> names) throws SQLException {
    boolean datesGiven = query.dateFrom() != null || query.dateTo() != null;
    if (names != null && !datesGiven) {
      return names.stream().mapToLong(NameTotal::sessions).sum();
    }
    if (!datesGiven) {
      StringBuilder sql = new StringBuilder("SELECT " + tx.dialect().ifNull()
          + "(sum(sessions), 0) FROM session_totals WHERE user_id = ?");
      List<Object> arguments = new ArrayList<>(List.of(ownerId.toString()));
      if (query.planId() != null) {
        sql.append(" AND plan_key = ?");
        arguments.add(query.planId().toString());
      }
      return count(tx, sql.toString(), arguments);
    }
    // Dates: read from an index that holds every column the filter reads.
    Where where = new Where(ownerId);
    if (names != null) {
      inNames(where, distinct(names));
    }
    if (query.planId() != null) {
      where.and("s.plan_id = ?", query.planId().toString());
    }
    dates(where, query);
    return count(tx, "SELECT count(*) FROM " + (names != null ? table(tx, BY_NAME_AND_DATE) : "sessions s")
        + " WHERE " + where.sql(), where.arguments());
  }

  /** Whether the owner's session in progress (at most one) matches every filter but the status. */
  private static boolean inProgressMatches(Tx tx, UUID ownerId, SessionQuery query) throws SQLException {
    Where where = new Where(ownerId);
    if (query.planId() != null) {
      where.and("s.plan_id = ?", query.planId().toString());
    }
    dates(where, query);
    if (query.nameContains() != null) {
      where.and("s.name " + tx.dialect().like() + " ? ESCAPE '\\'", Rows.likeContains(query.nameContains()));
    }
    return count(tx, "SELECT count(*) FROM " + table(tx, IN_PROGRESS) + " WHERE " + where.sql()
        + " AND s.ended_at IS NULL",
        where.arguments()) > 0;
  }

  /** A page without a name search: the planner walks the index of the sort key and stops after one page. */
  private static <T> List<T> page(Tx tx, UUID ownerId, SessionQuery query, Shape<T> shape) throws SQLException {
    Where where = new Where(ownerId);
    if (query.planId() != null) {
      where.and("s.plan_id = ?", query.planId().toString());
    }
    dates(where, query);
    status(tx, where, query);
    List<Object> arguments = new ArrayList<>(where.arguments());
    arguments.add(query.limit());
    arguments.add((long) query.offset());
    List<T> items = new ArrayList<>();
    try (PreparedStatement statement = tx.prepare("SELECT " + shape.columns()
        + " FROM sessions s WHERE " + where.sql() + " ORDER BY " + orderBy(tx, query) + " LIMIT ? OFFSET ?")) {
      bind(statement, arguments);
      List<String> unread = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          T item = shape.reader().read(rs);
          if (item == null && shape.otherwise() != null) {
            unread.add(rs.getString(1));
          }
          items.add(item);
        }
      }
      if (!unread.isEmpty()) {
        Map<String, T> read = byId(tx, unread, shape.otherwise());
        Iterator<String> ids = unread.iterator();
        items.replaceAll(item -> item != null ? item : read.get(ids.next()));
        items.removeIf(java.util.Objects::isNull);
      }
    }
    return items;
  }

  /**
   * The page of a name search: the ids of its rows from an index of names, then those rows.
   * Without dates, newest or oldest first and with few names, each name's first {@code offset +
   * limit} entries in index order, merged; otherwise the entries of the names found (in the date
   * range, with dates), sorted by the database.
   */
  private static <T> List<T> searched(Tx tx, UUID ownerId, SessionQuery query, List<String> names,
      Shape<T> shape) throws SQLException {
    boolean datesGiven = query.dateFrom() != null || query.dateTo() != null;
    List<String> ids;
    if (!datesGiven && query.sort() == SessionQuery.Sort.STARTED_AT && names.size() <= MAX_MERGED_NAMES) {
      ids = merged(tx, ownerId, query, names);
    } else {
      Where where = new Where(ownerId);
      inNames(where, names);
      filters(tx, where, query);
      List<Object> arguments = new ArrayList<>(where.arguments());
      arguments.add(query.limit());
      arguments.add((long) query.offset());
      ids = new ArrayList<>();
      // sessions_by_name_and_date holds every sort key (and the date range, when there is one)
      try (PreparedStatement statement = tx.prepare("SELECT s.id FROM "
          + table(tx, BY_NAME_AND_DATE)
          + " WHERE " + where.sql() + " ORDER BY " + orderBy(tx, query) + " LIMIT ? OFFSET ?")) {
        bind(statement, arguments);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
      }
    }
    return rows(tx, ids, shape);
  }

  /** The page's ids in started_at order: the first entries of each name, merged. */
  private static List<String> merged(Tx tx, UUID ownerId, SessionQuery query, List<String> names)
      throws SQLException {
    long wanted = (long) query.offset() + query.limit();
    boolean ascending = query.order() == SessionQuery.Order.ASC;
    String direction = ascending ? " ASC" : " DESC";
    Where where = new Where(ownerId).and("s.name = ?", "");
    filters(tx, where, query);
    List<Entry> entries = new ArrayList<>();
    try (PreparedStatement statement = tx.prepare("SELECT s.started_at, s.id FROM "
        + table(tx, BY_NAME)
        + " WHERE " + where.sql() + " ORDER BY s.started_at" + direction + ", s.id" + direction + " LIMIT ?")) {
      for (String name : names) {
        List<Object> arguments = new ArrayList<>(where.arguments());
        arguments.set(1, name);
        arguments.add(wanted);
        bind(statement, arguments);
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            entries.add(new Entry(rs.getString(2), rs.getLong(1)));
          }
        }
      }
    }
    Comparator<Entry> order = Comparator.comparingLong(Entry::startedAt).thenComparing(Entry::id);
    entries.sort(ascending ? order : order.reversed());
    List<String> ids = new ArrayList<>();
    for (long i = query.offset(); i < Math.min(entries.size(), wanted); i++) {
      ids.add(entries.get((int) i).id());
    }
    return ids;
  }

  /** The summaries of {@code ids}, in that order. */
  private static <T> List<T> rows(Tx tx, List<String> ids, Shape<T> shape) throws SQLException {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<String, T> byId = byId(tx, ids, shape);
    List<String> unread = new ArrayList<>();
    for (Map.Entry<String, T> row : byId.entrySet()) {
      if (row.getValue() == null && shape.otherwise() != null) {
        unread.add(row.getKey());
      }
    }
    if (!unread.isEmpty()) {
      byId.putAll(byId(tx, unread, shape.otherwise()));
    }
    List<T> items = new ArrayList<>(ids.size());
    for (String id : ids) {
      T item = byId.get(id);
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }

  /** The rows of {@code ids} as {@code shape} reads them (a value null where its reader answers null). */
  private static <T> Map<String, T> byId(Tx tx, List<String> ids, Shape<T> shape) throws SQLException {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
    }
    Map<String, T> byId = new HashMap<>();
    try (PreparedStatement statement = tx.prepare("SELECT " + shape.columns()
        + " FROM sessions s WHERE s.id IN (" + in + ")")) {
      bind(statement, new ArrayList<>(ids));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          byId.put(rs.getString(1), shape.reader().read(rs));
        }
      }
    }
    return byId;
  }

  /** Plan, dates and status: every filter but the name, on columns {@code sessions_by_name} holds. */
  private static void filters(Tx tx, Where where, SessionQuery query) {
    if (query.planId() != null) {
      where.and("s.plan_id = ?", query.planId().toString());
    }
    dates(where, query);
    status(tx, where, query);
  }

  /** {@code sessions s} read through {@code indexed} on SQLite; PostgreSQL's planner chooses well alone. */
  private static String table(Tx tx, String indexed) {
    return tx.dialect() == Dialect.SQLITE ? indexed : "sessions s";
  }

  private static void dates(Where where, SessionQuery query) {
    if (query.dateFrom() != null) {
      where.and("s.date >= ?", query.dateFrom().toString());
    }
    if (query.dateTo() != null) {
      where.and("s.date <= ?", query.dateTo().toString());
    }
  }

  /**
   * "Completed" is written two ways on purpose: with the ended_at sort, as its indexed expression
   * (sessions_by_ended); otherwise as the plain test, so the planner walks the index of the sort
   * key and stops after one page instead of sorting every completed session. "In progress"
   * matches the partial unique index (at most one row).
   */
  private static void status(Tx tx, Where where, SessionQuery query) {
    if (Boolean.TRUE.equals(query.completed())) {
      where.and(query.sort() == SessionQuery.Sort.ENDED_AT
          ? tx.dialect().ifNull() + "(s.ended_at, " + STILL_RUNNING + ") < " + STILL_RUNNING
          : "s.ended_at IS NOT NULL");
    } else if (Boolean.FALSE.equals(query.completed())) {
      where.and("s.ended_at IS NULL");
    }
  }

  private static void inNames(Where where, List<String> names) {
    StringBuilder in = new StringBuilder("s.name IN (");
    for (int i = 0; i < names.size(); i++) {
      in.append(i == 0 ? "?" : ", ?");
    }
    where.and(in.append(')').toString(), names.toArray());
  }

  private static String orderBy(Tx tx, SessionQuery query) {
    String direction = query.order() == SessionQuery.Order.ASC ? " ASC" : " DESC";
    return switch (query.sort()) {
      case STARTED_AT -> "s.started_at" + direction + ", s.id" + direction;
      case DATE -> "s.date" + direction + ", s.started_at" + direction + ", s.id" + direction;
      case ENDED_AT -> tx.dialect().ifNull() + "(s.ended_at, " + STILL_RUNNING + ")" + direction
          + ", s.started_at" + direction
          + ", s.id" + direction;
    };
  }

  private static long count(Tx tx, String sql, List<Object> arguments) throws SQLException {
    try (PreparedStatement statement = tx.prepare(sql)) {
      bind(statement, arguments);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void bind(PreparedStatement statement, List<Object> arguments) throws SQLException {
    for (int i = 0; i < arguments.size(); i++) {
      statement.setObject(i + 1, arguments.get(i));
    }
  }

  /** A row of {@link #SUMMARY_COLUMNS}, read by position: by name, the driver looks each one up on every call. */
  private static SessionSummary summary(ResultSet rs) throws SQLException {
    return new SessionSummary(Rows.uuid(rs, 1), Rows.uuid(rs, 2), Rows.date(rs, 3),
        Rows.instant(rs, 4), Rows.instant(rs, 5), rs.getString(6),
        Unit.fromCode(rs.getString(7)).orElseThrow(), rs.getInt(8), rs.getInt(9),
        rs.getInt(10), rs.getDouble(11),
        Rows.instant(rs, 12), Rows.instant(rs, 13), rs.getLong(14),
        rs.getBoolean(15));
  }
}
