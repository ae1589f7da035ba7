package dev.setwise.ui.common;

import dev.setwise.AppContext;
import dev.setwise.service.AuditLog;
import dev.setwise.service.PlanService;
import dev.setwise.service.ProfileService;
import dev.setwise.service.RestTimerService;
import dev.setwise.service.SessionService;
import dev.setwise.sync.SyncClient;
import java.time.Clock;

/** The services the desktop app's view models call (always through {@link BackgroundTasks}). */
public record UiServices(ProfileService profiles, PlanService plans, SessionService sessions,
    RestTimerService rests, AuditLog audit, Clock clock, SyncClient sync) {

  /** The services of an open data folder, on its clock. */
  public static UiServices of(AppContext context) {
    return new UiServices(context.profiles(), context.plans(), context.sessions(), context.rests(), context.audit(),
        context.clock(), context.sync());
  }
}
