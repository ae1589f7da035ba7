package dev.setwise.api;

import dev.setwise.domain.Messages;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanRequests;
import dev.setwise.service.PlanService;
import io.javalin.http.Context;
import java.util.UUID;

/** {@code /api/plans}: create, list, get, update and delete (or archive) plans. */
final class PlanEndpoints {

  private final PlanService plans;
  private final Exchanges exchanges;
  private final Bodies bodies;

  PlanEndpoints(PlanService plans, Exchanges exchanges, Bodies bodies) {
    this.plans = plans;
    this.exchanges = exchanges;
    this.bodies = bodies;
  }

  /** {@code POST /api/plans}: 201 with the plan and its {@code Location}. */
  void create(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    Object body = bodies.json(ctx, Messages.INVALID_PLAN_DATA);
    PlanRequests.Create request = PlanRequests.create(body);
    exchanges.idempotent(ctx, caller, "POST /api/plans", body, () -> {
      Plan plan = plans.create(caller, request.id(), request.name(), request.structure());
      return exchanges.resource(201, "/api/plans/" + plan.id(), Views.plan(plan), plan.version());
    });
  }

  /** {@code GET /api/plans}: the plans that are not archived, without structures. */
  void list(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    exchanges.send(ctx, 200, Views.list(plans.list(caller), Views::planSummary));
  }

  /** {@code GET /api/plans/{id}}: archived plans too, with {@code archived: true}. */
  void get(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.PLAN_NOT_FOUND);
    Plan plan = plans.get(caller, id);
    exchanges.sendResource(ctx, 200, Views.plan(plan), plan.version());
  }

  /**
   * {@code PATCH /api/plans/{id}}: name and/or structure; sessions already started keep their
   * snapshot; {@code If-Match} optional.
   */
  void update(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.PLAN_NOT_FOUND);
    Long expected = IfMatch.expectedVersion(ctx);
    PlanRequests.Update request = PlanRequests.update(bodies.json(ctx, Messages.INVALID_PLAN_DATA));
    Plan plan = plans.update(caller, id, request.name(), request.structure(), expected);
    exchanges.sendResource(ctx, 200, Views.plan(plan), plan.version());
  }

  /** {@code DELETE /api/plans/{id}}: 204; a plan with sessions is archived, never removed; If-Match optional. */
  void delete(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.PLAN_NOT_FOUND);
    Long expected = IfMatch.expectedVersion(ctx);
    plans.delete(caller, id, expected);
    Exchanges.noContent(ctx);
  }
}
