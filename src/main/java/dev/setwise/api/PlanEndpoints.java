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
      Plan plan = plans.create(caller, request.name(), request.structure());
      return exchanges.answer(201, "/api/plans/" + plan.id(), Views.plan(plan));
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
    exchanges.send(ctx, 200, Views.plan(plans.get(caller, id)));
  }

  /** {@code PATCH /api/plans/{id}}: name and/or structure; sessions already started keep their snapshot. */
  void update(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.PLAN_NOT_FOUND);
    PlanRequests.Update request = PlanRequests.update(bodies.json(ctx, Messages.INVALID_PLAN_DATA));
    exchanges.send(ctx, 200, Views.plan(plans.update(caller, id, request.name(), request.structure())));
  }

  /** {@code DELETE /api/plans/{id}}: 204; a plan with sessions is archived, never removed. */
  void delete(Context ctx) {
    UUID caller = exchanges.caller(ctx);
    UUID id = Exchanges.id(ctx, Messages.PLAN_NOT_FOUND);
    plans.delete(caller, id);
    Exchanges.noContent(ctx);
  }
}
