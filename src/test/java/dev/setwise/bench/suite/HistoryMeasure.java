package dev.setwise.bench.suite;

import dev.setwise.AppContext;
import dev.setwise.domain.Page;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionSummary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * A History page with its total as the size of the history grows: {@code SessionService.list}
 * (a page of 50, as the History screen asks, and the number that match) on 10,000, 100,000 and
 * 1,000,000 sessions ({@link HistoryData}), for the three pages of the issue: newest first; one plan
 * and completed; a name search. The baseline is the same page on 10,000 sessions: the budget is
 * about growth (≤ 3× from 10k to 1M) and an absolute ceiling (every page under 20 ms at 1M).
 * The three histories are open at once and each run visits them in turn.
 */
public final class HistoryMeasure implements Measure {

  private static final int[] SIZES = {10_000, 100_000, 1_000_000};
  private static final int PAGE = 50;

  @Override
  public String name() {
    return "history";
  }

  @Override
  public String description() {
    return "History page with its total at 10k, 100k and 1M sessions (3 queries; growth and time at 1M)";
  }

  private record Query(String name, String label, java.util.function.Function<HistoryData.History, SessionQuery> query,
      ToLongFunction<HistoryData.History> expectedTotal) {}

  @Override
  public List<Row> run(Bench bench) throws Exception {
    List<HistoryData.History> histories = new ArrayList<>();
    for (int size : SIZES) {
      histories.add(HistoryData.ensure(bench, size));
    }
    List<Query> queries = List.of(
        new Query("newest", "newest first", h -> SessionQuery.defaults().withPage(PAGE, 0), h -> h.sessions()),
        new Query("plan", "one plan + completed",
            h -> new SessionQuery(h.planId(), null, null, true, null, PAGE, 0, null, null),
            HistoryData.History::planCompleted),
        new Query("search", "name search \"" + HistoryData.SEARCH + "\"",
            h -> new SessionQuery(null, null, null, null, HistoryData.SEARCH, PAGE, 0, null, null),
            HistoryData.History::searchMatches));
    List<AppContext> apps = new ArrayList<>();
    try {
      for (HistoryData.History history : histories) {
        apps.add(AppContext.open(history.dataDir()));
      }
      int warmups = 1;
      int runs = bench.pick(9, 5);
      List<Row> rows = new ArrayList<>();
      for (Query query : queries) {
        Map<Integer, List<Double>> times = new LinkedHashMap<>();
        for (int r = 0; r < warmups + runs; r++) {
          for (int k = 0; k < SIZES.length; k++) {
            int s = (k + r) % SIZES.length;
            HistoryData.History history = histories.get(s);
            SessionQuery asked = query.query().apply(history);
            long t0 = System.nanoTime();
            Page<SessionSummary> page = apps.get(s).sessions().list(history.profileId(), asked);
            double ms = (System.nanoTime() - t0) / 1e6;
            long expected = query.expectedTotal().applyAsLong(history);
            if (page.total() != expected || page.items().size() != Math.min(PAGE, expected)) {
              throw new IllegalStateException(query.name() + " at " + SIZES[s] + ": total " + page.total()
                  + " and " + page.items().size() + " rows, expected " + expected);
            }
            if (r >= warmups) {
              times.computeIfAbsent(s, x -> new ArrayList<>()).add(ms);
            }
          }
        }
        double small = Stats.median(times.get(0));
        double middle = Stats.median(times.get(1));
        double large = Stats.median(times.get(2));
        bench.log("history %-24s 10k %s, 100k %s, 1M %s", query.label(), Stats.millis(small), Stats.millis(middle),
            Stats.millis(large));
        double growth = large / small;
        rows.add(new Row("History page + total, " + query.label() + " (10k → 1M sessions)",
            Stats.millis(large) + " at 1M (" + Stats.millis(middle) + " at 100k)",
            Stats.millis(small) + " at 10k", Stats.ratio(growth) + " growth", "≤ 3× growth, < 20 ms at 1M",
            growth <= 3 && large < 20));
      }
      return rows;
    } finally {
      apps.forEach(AppContext::close);
    }
  }
}
