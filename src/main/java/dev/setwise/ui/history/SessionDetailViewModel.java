package dev.setwise.ui.history;

import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.domain.StructureStats;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.UiServices;
import java.time.Duration;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One session shown read-only, with its summary line. */
public final class SessionDetailViewModel {

  private final UiServices services;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final ObjectProperty<Session> session = new SimpleObjectProperty<>(this, "session");
  private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
  private final StringProperty error = new SimpleStringProperty(this, "error");

  public SessionDetailViewModel(UiServices services, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile) {
    this.services = services;
    this.tasks = tasks;
    this.profile = profile;
  }

  public void load(UUID sessionId) {
    Profile owner = profile.get();
    error.set(null);
    tasks.read("open the session", () -> services.sessions().get(owner.id(), sessionId), found -> {
      session.set(found);
      summary.set(describe(found));
    }, failure -> error.set(failure.message()));
  }

  public void clear() {
    session.set(null);
    error.set(null);
  }

  private String describe(Session found) {
    StructureStats stats = found.structure().stats();
    String length = found.endedAt() == null ? "in progress"
        : Formats.length(Duration.between(found.startedAt(), found.endedAt()));
    return Formats.date(found.date()) + " · " + length + " · " + stats.completedSetCount() + " of "
        + stats.setCount() + " sets done · volume " + NumberText.volume(stats.volume()) + " "
        + found.structure().unit().code();
  }

  public ObjectProperty<Session> sessionProperty() {
    return session;
  }

  public StringProperty summaryProperty() {
    return summary;
  }

  public StringProperty errorProperty() {
    return error;
  }

  public java.time.ZoneId zone() {
    return services.clock().getZone();
  }
}
