package dev.setwise.domain.progress;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One completed session of an exercise, in the profile's unit: its working sets, their volume, and
 * the best e1RM (Epley, and Brzycki for display) and heaviest weight among them (null without one).
 */
public record ExerciseSession(UUID sessionId, LocalDate date, int sets, Double bestE1rm, Double bestBrzycki,
    double volume, Double heaviest) {

  /** The best e1RM by {@code formula}. */
  public Double bestE1rm(OneRepMax.Formula formula) {
    return formula == OneRepMax.Formula.BRZYCKI ? bestBrzycki : bestE1rm;
  }
}
