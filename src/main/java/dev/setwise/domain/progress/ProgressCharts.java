package dev.setwise.domain.progress;

import java.time.LocalDate;

/** Points of the progress charts, in the profile's unit. */
public final class ProgressCharts {

  private ProgressCharts() {}

  /** How a chart groups time. */
  public enum Span {
    WEEKS("Weeks", 26),
    MONTHS("Months", 24),
    ALL("All", 0);

    private final String title;
    private final int buckets;

    Span(String title, int buckets) {
      this.title = title;
      this.buckets = buckets;
    }

    public String title() {
      return title;
    }

    /** How many buckets back from today the chart shows (0: all history). */
    public int buckets() {
      return buckets;
    }
  }

  /** One week (Monday) or month (its first day) of the profile. */
  public record Period(LocalDate start, int sessions, int workingSets, double volume) {}

  /** A day with at least one completed session. */
  public record TrainingDay(LocalDate date, int sessions) {}

  /** The bodyweight logged with a session, in the profile's unit. */
  public record Bodyweight(LocalDate date, double value) {}

  /** One bucket of an exercise: best e1RM (Epley and Brzycki) and volume, with how many sessions. */
  public record ExercisePoint(LocalDate start, Double bestE1rm, Double bestBrzycki, double volume, int sessions) {

    public Double bestE1rm(OneRepMax.Formula formula) {
      return formula == OneRepMax.Formula.BRZYCKI ? bestBrzycki : bestE1rm;
    }
  }
}
