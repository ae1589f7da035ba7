package dev.setwise.domain.progress;

import java.time.LocalDate;
import java.util.UUID;

/** A best value (a record or a rep max) in the profile's unit, with the session that set it first. */
public record RecordValue(double value, LocalDate date, UUID sessionId) {}
