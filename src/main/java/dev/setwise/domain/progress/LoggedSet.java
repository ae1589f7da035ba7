package dev.setwise.domain.progress;

import dev.setwise.domain.SetType;

/** A completed set as it was logged, in the unit it is shown in. */
public record LoggedSet(SetType type, Integer reps, Double weight, Double rpe) {}
