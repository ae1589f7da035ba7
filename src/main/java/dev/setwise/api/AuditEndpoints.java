package dev.setwise.api;

import dev.setwise.service.AuditLog;
import io.javalin.http.Context;
import java.util.UUID;

/** {@code GET /api/audit-log?limit&offset}: the caller's own entries, newest first. */
final class AuditEndpoints {

  static final int DEFAULT_LIMIT = 20;

  private final AuditLog audit;
  private final Exchanges exchanges;

  AuditEndpoints(AuditLog audit, Exchanges exchanges) {
    this.audit = audit;
    this.exchanges = exchanges;
  }

  void list(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    Queries.PageRequest page = Queries.page(Queries.parse(ctx.queryString()), DEFAULT_LIMIT, AuditLog.MAX_LIMIT);
    exchanges.send(ctx, 200, Views.page(audit.list(caller, page.limit(), page.offset()), Views::auditEntry));
  }
}
