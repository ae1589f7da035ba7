package dev.setwise.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * The rest countdown of a session in progress as it is saved: when it ends and how long it was in
 * all ({@code seconds}, for the bar). Local state of the desktop app, not part of the snapshot.
 */
public record RestCountdown(UUID sessionId, Instant endsAt, int seconds) {}
