package dev.setwise.sync;

import dev.setwise.AppContext;
import dev.setwise.domain.Page;
import dev.setwise.domain.Plan;
import dev.setwise.domain.PlanSummary;
import dev.setwise.domain.Session;
import dev.setwise.domain.SessionAmendment;
import dev.setwise.domain.SessionQuery;
import dev.setwise.domain.SessionStructure;
import dev.setwise.domain.SessionSummary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A profile's plans and sessions as sync promises to keep them equal: ids, names, structures,
 * archiving; plans of sessions, dates, times, status, snapshots and every amendment (reason, time,
 * structure). Versions and bookkeeping times are left out: each side counts its own.
 */
record Snapshot(Map<UUID, PlanState> plans, Map<UUID, SessionState> sessions) {

  record PlanState(String name, SessionStructure structure, boolean archived) {}

  record SessionState(UUID planId, LocalDate date, Instant startedAt, Instant endedAt, SessionStructure structure,
      List<Amendment> amendments) {}

  record Amendment(String reason, Instant at, SessionStructure structure) {}

  static Snapshot of(AppContext app, UUID profileId) {
    Map<UUID, PlanState> plans = new TreeMap<>();
    for (PlanSummary summary : app.plans().list(profileId, true)) {
      Plan plan = app.plans().get(profileId, summary.id());
      plans.put(plan.id(), new PlanState(plan.name(), plan.structure(), plan.archived()));
    }
    Map<UUID, SessionState> sessions = new TreeMap<>();
    for (int offset = 0; ; offset += 100) {
      Page<SessionSummary> page = app.sessions().list(profileId, SessionQuery.parse(Map.of("limit", List.of("100"),
          "offset", List.of(String.valueOf(offset)), "sort", List.of("started_at"), "order", List.of("asc"))));
      for (SessionSummary summary : page.items()) {
        Session session = app.sessions().get(profileId, summary.id());
        List<Amendment> amendments = new ArrayList<>();
        if (session.amended()) {
          for (SessionAmendment amendment : app.sessions().amendments(profileId, session.id())) {
            amendments.add(new Amendment(amendment.reason(), amendment.original() ? null : amendment.at(),
                amendment.session()));
          }
        }
        sessions.put(session.id(), new SessionState(session.planId(), session.date(), session.startedAt(),
            session.endedAt(), session.structure(), amendments));
      }
      if (page.items().size() < 100) {
        break;
      }
    }
    return new Snapshot(plans, sessions);
  }
}
