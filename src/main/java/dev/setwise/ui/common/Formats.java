package dev.setwise.ui.common;

import dev.setwise.domain.ReadableFormats;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * How the app writes dates, times, durations and targets. Dates, times and durations come from
 * {@link ReadableFormats}, which the command line uses too: one date format everywhere, the
 * system locale's (docs/decisions/0040).
 */
public final class Formats {

  private Formats() {}

  /** "Nov 24, 2026": the locale's medium date; "" for null. */
  public static String date(LocalDate date) {
    return ReadableFormats.date(date);
  }

  /** "7:15 PM" or "19:15": the locale's short time; "" for null. */
  public static String time(Instant instant, ZoneId zone) {
    return ReadableFormats.time(instant, zone);
  }

  public static String timeWithSeconds(Instant instant, ZoneId zone) {
    return ReadableFormats.timeWithSeconds(instant, zone);
  }

  /** "Nov 24, 2026, 7:15 AM": the date, then the time. */
  public static String dateTime(Instant instant, ZoneId zone) {
    return ReadableFormats.dateTime(instant, zone);
  }

  /** "Nov 2026": a month, in the locale's words. */
  public static String month(LocalDate anyDayOfIt) {
    return anyDayOfIt == null ? "" : ReadableFormats.month(YearMonth.from(anyDayOfIt));
  }

  /** "Week of Nov 23, 2026" for a week, "Nov 2026" for a month: how a chart names a period. */
  public static String period(LocalDate start, boolean week) {
    return week ? "Week of " + date(start) : month(start);
  }

  /** "Mon", "Tue"…: a weekday's short name in the locale's words. */
  public static String weekday(DayOfWeek day) {
    return day.getDisplayName(TextStyle.SHORT, ReadableFormats.locale());
  }

  /** "Nov": a month's short name in the locale's words (as it stands alone, over a calendar). */
  public static String monthName(LocalDate anyDayOfIt) {
    return anyDayOfIt.getMonth().getDisplayName(TextStyle.SHORT_STANDALONE, ReadableFormats.locale());
  }

  /** "812 bytes", "46 KB", "1.2 MB", "3.4 GB": a file's size. */
  public static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + (bytes == 1 ? " byte" : " bytes");
    }
    String[] units = {"KB", "MB", "GB", "TB"};
    double value = bytes / 1024.0;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return (value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value))
        + " " + units[unit];
  }

  /** "0:42" under an hour, "1:05:09" from an hour on; negative durations count as zero. */
  public static String clock(Duration duration) {
    long seconds = Math.max(0, duration.getSeconds());
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    return hours > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, minutes, rest)
        : String.format(Locale.ROOT, "%d:%02d", minutes, rest);
  }

  /** "1 h 06 min", "48 min": how long a workout took (the one way durations are written). */
  public static String length(Duration duration) {
    return ReadableFormats.duration(duration);
  }

  /** "5 × 100 kg @ 8", "8 reps", "—" when a set has no target. */
  public static String target(SetEntry set, Unit unit) {
    StringBuilder text = new StringBuilder();
    if (set.targetReps() != null) {
      text.append(set.targetReps());
    }
    if (set.targetWeight() != null) {
      text.append(text.length() > 0 ? " × " : "").append(NumberText.format(set.targetWeight())).append(' ')
          .append(unit.code());
    } else if (set.targetReps() != null) {
      text.append(" reps");
    }
    if (set.targetRpe() != null) {
      text.append(text.length() > 0 ? " @ " : "RPE ").append(NumberText.format(set.targetRpe()));
    }
    return text.length() == 0 ? "—" : text.toString();
  }

  /** "Warm-up", "Normal", "Drop", "Failure", "AMRAP". */
  public static String setType(SetType type) {
    return switch (type) {
      case WARMUP -> "Warm-up";
      case NORMAL -> "Normal";
      case DROP -> "Drop";
      case FAILURE -> "Failure";
      case AMRAP -> "AMRAP";
    };
  }

  /** A short badge for a set: "W" for warm-up, the set's number otherwise. */
  public static String setBadge(SetType type, int number) {
    return switch (type) {
      case WARMUP -> "W";
      case DROP -> number + "D";
      case FAILURE -> number + "F";
      case AMRAP -> number + "+";
      case NORMAL -> Integer.toString(number);
    };
  }
}
