package dev.setwise.ui;

import dev.setwise.domain.Profile;
import dev.setwise.support.TestContext;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Navigator;
import dev.setwise.ui.common.UiServices;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What a view-model test needs: real services on a real SQLite file, a hand-moved clock, a
 * same-thread task runner (no JavaFX toolkit), a profile and a navigator that records requests.
 */
public final class UiFixture implements AutoCloseable {

  public final TestContext t;
  public final BackgroundTasks tasks = BackgroundTasks.sameThread();
  public final UiServices services;
  public final ObjectProperty<Profile> profile = new SimpleObjectProperty<>();
  public final RecordingNavigator navigator = new RecordingNavigator();

  public UiFixture(Path dir) {
    t = new TestContext(dir);
    services = UiServices.of(t.app);
    profile.set(t.profile("Alex"));
  }

  public UUID owner() {
    return profile.get().id();
  }

  @Override
  public void close() {
    t.close();
  }

  /** Remembers what screens asked the main window to do. */
  public static final class RecordingNavigator implements Navigator {
    public final List<String> calls = new ArrayList<>();

    @Override
    public void show(Screen screen) {
      calls.add("show " + screen);
    }

    @Override
    public void startFrom(UUID planId) {
      calls.add("start " + planId);
    }

    @Override
    public void resumeWorkout() {
      calls.add("resume");
    }

    @Override
    public void openSession(UUID sessionId, boolean inProgress) {
      calls.add("open " + sessionId + (inProgress ? " in progress" : ""));
    }
  }
}
