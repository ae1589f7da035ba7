package dev.setwise.ui.common;

import dev.setwise.service.AuditLog;
import dev.setwise.service.PlanService;
import dev.setwise.service.ProfileService;
import dev.setwise.service.SessionService;
import java.time.Clock;

/** The services the desktop app's view models call (always through {@link BackgroundTasks}). */
public record UiServices(ProfileService profiles, PlanService plans, SessionService sessions, AuditLog audit,
    Clock clock) {}
