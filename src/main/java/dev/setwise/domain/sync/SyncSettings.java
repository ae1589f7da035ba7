package dev.setwise.domain.sync;

import java.time.Instant;
import java.util.UUID;

/**
 * A profile that syncs: the server's base URL ({@code http://host:8080}), the opaque cursor of the
 * server's change feed it has applied up to ({@code null} before the first pull), when it was set up,
 * and how the last sync went ({@code lastOutcome} null before the first; {@code lastError} one line
 * when it did not succeed). The token is kept apart, in a file of the data folder.
 */
public record SyncSettings(UUID profileId, String serverUrl, String cursor, Instant setUpAt, Instant lastAttemptAt,
    Instant lastSuccessAt, SyncOutcome lastOutcome, String lastError) {}
