package dev.setwise.ui.data;

import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.exchange.ExportResult;
import dev.setwise.service.exchange.ExportService;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.ErrorText;
import dev.setwise.ui.common.ProgressRelay;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File → Export…: writes the current profile's plans and sessions to a JSON file in the background,
 * with progress and Cancel. The service writes a temporary file and moves it into place only when
 * complete, so a cancelled or failed export leaves no file under the chosen name.
 */
public final class ExportViewModel {

  /** Where an export stands. */
  public enum State { IDLE, RUNNING, DONE, FAILED, CANCELLED }

  private final ExportService exports;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final Clock clock;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
  private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final ObjectProperty<ExportResult> result = new SimpleObjectProperty<>(this, "result");
  private Cancellation cancellation = Cancellation.none();
  private long generation;

  public ExportViewModel(ExportService exports, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile,
      Clock clock) {
    this.exports = exports;
    this.tasks = tasks;
    this.profile = profile;
    this.clock = clock;
  }

  /** The name the save dialog proposes: {@code setwise-robin-2026-11-24.json}. */
  public String suggestedFileName() {
    Profile owner = profile.get();
    String name = owner == null ? "" : fileNamePart(owner.name());
    return "setwise-" + (name.isEmpty() ? "" : name + "-") + LocalDate.now(clock) + ".json";
  }

  /** A profile name as part of a file name: lower case, letters and digits, dashes between words. */
  static String fileNamePart(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    StringBuilder part = new StringBuilder();
    boolean dash = false;
    for (int i = 0; i < lower.length(); ) {
      int c = lower.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (dash && part.length() > 0) {
          part.append('-');
        }
        part.appendCodePoint(c);
        dash = false;
      } else {
        dash = true;
      }
    }
    return part.length() > 40 ? part.substring(0, 40) : part.toString();
  }

  /**
   * The file a chosen path becomes: {@code .json} is added when the name has no extension (what a
   * save dialog gives when the person typed just a name).
   */
  public static Path withExtension(Path chosen) {
    String name = chosen.getFileName().toString();
    return name.contains(".") ? chosen : chosen.resolveSibling(name + ".json");
  }

  /** Starts exporting the current profile to {@code target} (any earlier export must be over). */
  public void start(Path target) {
    Profile owner = profile.get();
    if (owner == null || state.get() == State.RUNNING) {
      return;
    }
    long ticket = ++generation;
    Cancellation cancel = new Cancellation();
    cancellation = cancel;
    result.set(null);
    message.set("");
    progress.set(-1);
    progressText.set("Starting…");
    state.set(State.RUNNING);
    ProgressRelay relay = new ProgressRelay(tasks, step -> {
      if (ticket == generation && state.get() == State.RUNNING) {
        progress.set(step.fraction());
        progressText.set(step.total() > 0
            ? String.format(Locale.ROOT, "%,d of %,d plans and sessions written", step.done(), step.total())
            : step.step() + "…");
      }
    });
    tasks.wholeFile("export your data", () -> exports.exportToFile(owner.id(), target, relay, cancel), done -> {
      if (ticket != generation) {
        return;
      }
      result.set(done);
      progress.set(1);
      message.set(doneMessage(done));
      state.set(State.DONE);
    }, failure -> {
      if (ticket != generation) {
        return;
      }
      if (failure.cause() instanceof CancellationException) {
        message.set("Export cancelled. Nothing was written to " + target.getFileName() + ".");
        state.set(State.CANCELLED);
        return;
      }
      message.set("The export failed. " + ErrorText.sentence(failure.message()) + " Nothing was written to "
          + target.getFileName() + ".");
      state.set(State.FAILED);
    });
  }

  /** Asks the running export to stop; it removes its temporary file. */
  public void cancel() {
    if (state.get() == State.RUNNING) {
      cancellation.cancel();
      progressText.set("Cancelling…");
    }
  }

  /** "Exported 3 plans and 41 sessions of Robin." */
  static String doneMessage(ExportResult done) {
    return "Exported " + Counts.of(done.plans(), "plan") + " and " + Counts.of(done.sessions(), "session")
        + " of " + done.profile().name() + ".";
  }

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state;
  }

  /** From 0 to 1, or -1 while the amount is not known yet. */
  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  /** The outcome in a sentence (done, failed or cancelled); empty while running. */
  public StringProperty messageProperty() {
    return message;
  }

  /** What the export wrote (when done). */
  public ReadOnlyObjectProperty<ExportResult> resultProperty() {
    return result;
  }
}
