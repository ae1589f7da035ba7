package dev.setwise.api;

import dev.setwise.domain.ChangeQuery;
import dev.setwise.service.ChangeFeedService;
import io.javalin.http.Context;
import java.util.UUID;

/** {@code GET /api/changes?after=CURSOR&limit=N}: the caller's own change feed, a page at a time. */
final class ChangeEndpoints {

  private final ChangeFeedService feed;
  private final Exchanges exchanges;

  ChangeEndpoints(ChangeFeedService feed, Exchanges exchanges) {
    this.feed = feed;
    this.exchanges = exchanges;
  }

  void list(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    ChangeQuery query = ChangeQuery.parse(Queries.parse(ctx.queryString()));
    exchanges.send(ctx, 200, Views.changePage(feed.page(caller, query)));
  }
}
