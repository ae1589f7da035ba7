package dev.setwise.ui.activity;

import dev.setwise.domain.AuditEntry;
import dev.setwise.domain.Profile;
import dev.setwise.service.AuditLog;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.UiServices;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The activity screen: the profile's audit log, newest first, a page at a time. */
public final class ActivityViewModel {

  public static final int PAGE_SIZE = AuditLog.MAX_LIMIT;

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
  private final StringProperty pageText = new SimpleStringProperty(this, "pageText", "");
  private final BooleanProperty canPrevious = new SimpleBooleanProperty(this, "canPrevious");
  private final BooleanProperty canNext = new SimpleBooleanProperty(this, "canNext");
  private final StringProperty error = new SimpleStringProperty(this, "error");
  private int offset;
  private long generation;

  public ActivityViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
  }

  /** Shows the newest page. */
  public void refresh() {
    offset = 0;
    load();
  }

  public void nextPage() {
    if (canNext.get()) {
      offset += PAGE_SIZE;
      load();
    }
  }

  public void previousPage() {
    if (canPrevious.get()) {
      offset = Math.max(0, offset - PAGE_SIZE);
      load();
    }
  }

  private void load() {
    Profile owner = profile.get();
    if (owner == null) {
      return;
    }
    long ticket = ++generation;
    int pageOffset = offset;
    tasks.read("load the activity", () -> services.audit().list(owner.id(), PAGE_SIZE, pageOffset), page -> {
      if (ticket != generation) {
        return;
      }
      error.set(null);
      entries.setAll(page.items());
      long first = page.total() == 0 ? 0 : pageOffset + 1;
      long last = pageOffset + page.items().size();
      pageText.set(page.total() == 0 ? "Nothing yet"
          : String.format(Locale.ROOT, "%,d–%,d of %,d", first, last, page.total()));
      canPrevious.set(pageOffset > 0);
      canNext.set(pageOffset + PAGE_SIZE < page.total());
    }, failure -> error.set(failure.message()));
  }

  /** "Completed a workout", "Created a plan" …: what an entry records, in words. */
  public static String describe(AuditEntry entry) {
    return switch (entry.action()) {
      case "profile_created" -> "Created the profile";
      case "profile_updated" -> "Changed the profile";
      case "plan_created" -> "Created a plan";
      case "plan_updated" -> "Changed a plan";
      case "plan_archived" -> "Archived a plan";
      case "plan_deleted" -> "Deleted a plan";
      case "session_started" -> "Started a workout";
      case "session_completed" -> "Completed a workout";
      case "session_deleted" -> "Deleted a workout";
      case "exercise_renamed" -> "Renamed or merged an exercise";
      case "exercise_alias_removed" -> "Counted an exercise on its own again";
      case "progress_settings_updated" -> "Changed bar, plates or prefill";
      default -> entry.action().replace('_', ' ');
    };
  }

  /** The entry's details in a line: "Push A · Nov 24, 2026", "12 of 14 sets · 4,320 kg". */
  public static String details(AuditEntry entry) {
    Map<String, Object> details = entry.details();
    StringBuilder text = new StringBuilder();
    append(text, details.get("name"));
    if (details.get("completed_set_count") != null && details.get("set_count") != null) {
      append(text, details.get("completed_set_count") + " of " + details.get("set_count") + " sets");
    }
    if (details.get("volume") instanceof Number volume) {
      append(text, "volume " + NumberText.volume(volume.doubleValue())
          + (details.get("unit") != null ? " " + details.get("unit") : ""));
    } else if (details.get("unit") != null) {
      append(text, "unit " + details.get("unit"));
    }
    append(text, day(details.get("date")));
    if (details.get("status") != null) {
      append(text, String.valueOf(details.get("status")).replace('_', ' '));
    }
    if (Boolean.TRUE.equals(details.get("structure_changed"))) {
      append(text, "exercises changed");
    }
    return text.toString();
  }

  private static void append(StringBuilder text, Object part) {
    if (part == null || String.valueOf(part).isBlank()) {
      return;
    }
    if (text.length() > 0) {
      text.append(" · ");
    }
    text.append(part);
  }

  public ObservableList<AuditEntry> entries() {
    return entries;
  }

  public StringProperty pageTextProperty() {
    return pageText;
  }

  public BooleanProperty canPreviousProperty() {
    return canPrevious;
  }

  public BooleanProperty canNextProperty() {
    return canNext;
  }

  public StringProperty errorProperty() {
    return error;
  }

  /** A day of the audit's details (ISO in the row) as the app writes days; anything else as it is. */
  private static Object day(Object value) {
    if (value instanceof String text) {
      try {
        return Formats.date(LocalDate.parse(text));
      } catch (DateTimeParseException notADay) {
        return text;
      }
    }
    return value;
  }
}
