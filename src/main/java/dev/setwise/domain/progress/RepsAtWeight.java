package dev.setwise.domain.progress;

import java.time.LocalDate;
import java.util.UUID;

/** The most reps done at one weight (profile's unit), first done on {@code date}. */
public record RepsAtWeight(double weight, int reps, LocalDate date, UUID sessionId) {}
