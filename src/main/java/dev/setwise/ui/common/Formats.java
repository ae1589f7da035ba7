package dev.setwise.ui.common;

import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Unit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the app writes dates, times, durations and targets. */
public final class Formats {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter TIME_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ENGLISH);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

  private Formats() {}

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  public static String time(Instant instant, ZoneId zone) {
    return instant == null ? "" : TIME.format(instant.atZone(zone));
  }

  public static String timeWithSeconds(Instant instant, ZoneId zone) {
    return instant == null ? "" : TIME_SECONDS.format(instant.atZone(zone));
  }

  public static String dateTime(Instant instant, ZoneId zone) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
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

  /** "1 h 05 min", "48 min": how long a workout took. */
  public static String length(Duration duration) {
    long minutes = Math.max(0, duration.toMinutes());
    return minutes >= 60 ? String.format(Locale.ROOT, "%d h %02d min", minutes / 60, minutes % 60)
        : minutes + " min";
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
