package dev.setwise.ui.sync;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ValidationException;
import dev.setwise.domain.sync.SyncSettings;
import dev.setwise.service.sync.SyncSettingsService;
import dev.setwise.service.sync.SyncStatus;
import dev.setwise.sync.ConnectionCheck;
import dev.setwise.sync.SyncException;
import dev.setwise.ui.common.BackgroundTasks.Failure;
import dev.setwise.ui.common.ErrorText;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File → Sync settings…: the server's address and the token for the current profile, Test
 * connection, Save (set up), Sync now and Turn sync off. The token typed is sent only to the
 * server tested or set up; it is never shown back (once saved the field is empty again), logged or
 * kept here after saving. A bad address or token gets a message under its field; the outcome of a
 * test or a save gets a line of its own. Testing uses a reader (it writes nothing); setting up and
 * turning off wait for the sync lane, stopping a sync under way first.
 */
public final class SyncSettingsViewModel {

  /** How the outcome line reads. */
  public enum Tone { NONE, WORKING, GOOD, BAD }

  private final SyncViewModel main;
  private final StringProperty serverUrl = new SimpleStringProperty(this, "serverUrl", "");
  private final StringProperty token = new SimpleStringProperty(this, "token", "");
  private final StringProperty urlError = new SimpleStringProperty(this, "urlError");
  private final StringProperty tokenError = new SimpleStringProperty(this, "tokenError");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final ObjectProperty<Tone> tone = new SimpleObjectProperty<>(this, "tone", Tone.NONE);
  private final StringProperty savedUrl = new SimpleStringProperty(this, "savedUrl");
  private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
  private final BooleanProperty loaded = new SimpleBooleanProperty(this, "loaded");
  private long ticket;

  public SyncSettingsViewModel(SyncViewModel main) {
    this.main = main;
  }

  /** Reads where sync stands for the current profile and fills the address in (never the token). */
  public void load() {
    Profile owner = main.profile().get();
    if (owner == null) {
      return;
    }
    long mine = ++ticket;
    main.tasks().read("read the sync settings", () -> main.calls().status(owner.id()), status -> {
      if (mine != ticket) {
        return;
      }
      SyncStatus read = status;
      String url = read.settings().map(SyncSettings::serverUrl).orElse(null);
      savedUrl.set(url);
      serverUrl.set(url == null ? "" : url);
      token.set("");
      loaded.set(true);
    }, failure -> say(Tone.BAD, failure.message()));
  }

  /** True when the current profile syncs with the address in the field and no new token is typed. */
  private boolean testsSaved() {
    return savedUrl.get() != null && token.get().isBlank() && savedUrl.get().equals(normalizedOrNull());
  }

  private String normalizedOrNull() {
    try {
      return SyncSettingsService.normalizeServerUrl(serverUrl.get());
    } catch (ValidationException e) {
      return null;
    }
  }

  /**
   * Checks the address and token without remembering them: the server answers as a Setwise server
   * with sync and accepts the token. With no token typed it tests the saved one (same address).
   */
  public void test() {
    Profile owner = main.profile().get();
    if (owner == null || busy.get()) {
      return;
    }
    boolean saved = testsSaved();
    urlError.set(null);
    tokenError.set(null);
    if (!saved && !checkFields()) {
      return;
    }
    String url = serverUrl.get();
    String typed = token.get();
    long mine = ++ticket;
    busy.set(true);
    say(Tone.WORKING, "Testing the connection…");
    main.tasks().read("test the connection", () -> saved ? main.calls().testSaved(owner.id())
        : main.calls().testConnection(url, typed), check -> {
      if (mine == ticket) {
        busy.set(false);
        say(Tone.GOOD, reachable(check) + (saved ? " The saved token is accepted."
            : " The token is accepted. Save to sync with it."));
      }
    }, failure -> {
      if (mine == ticket) {
        busy.set(false);
        failed(failure);
      }
    });
  }

  /**
   * Checks the server and token, then remembers them for the profile and syncs at once. A sync
   * under way is stopped first (nothing is lost). With another server than before everything is
   * sent there and read from there; nothing is doubled.
   */
  public void save() {
    Profile owner = main.profile().get();
    if (owner == null || busy.get() || !checkFields()) {
      return;
    }
    String url = serverUrl.get();
    String typed = token.get();
    long mine = ++ticket;
    busy.set(true);
    say(Tone.WORKING, "Checking the server…");
    main.cancel();
    main.tasks().sync("set up sync", () -> main.calls().setUp(owner.id(), url, typed), check -> {
      token.set("");
      savedUrl.set(check.serverUrl());
      serverUrl.set(check.serverUrl());
      if (mine == ticket) {
        busy.set(false);
        say(Tone.GOOD, "Sync is set up. " + reachable(check) + " Syncing now…");
      }
      main.refresh();
      main.syncNow();
    }, failure -> {
      if (mine == ticket) {
        busy.set(false);
        failed(failure);
      }
    });
  }

  /** Sync now, with progress in the dialog (the main model runs it). */
  public void syncNow() {
    if (savedUrl.get() == null) {
      say(Tone.BAD, "Save the server and token first.");
      return;
    }
    say(Tone.NONE, "");
    main.syncNow();
  }

  /** Forgets the server for the profile (the view asks first): its plans and workouts stay here. */
  public void turnOff() {
    Profile owner = main.profile().get();
    if (owner == null || busy.get()) {
      return;
    }
    long mine = ++ticket;
    busy.set(true);
    main.cancel();
    main.tasks().sync("turn sync off", () -> main.calls().off(owner.id()), was -> {
      savedUrl.set(null);
      token.set("");
      if (mine == ticket) {
        busy.set(false);
        say(Tone.GOOD, "Sync is off for " + owner.name() + ". Its plans and workouts stay on this computer.");
      }
      main.refresh();
    }, failure -> {
      if (mine == ticket) {
        busy.set(false);
        failed(failure);
      }
    });
  }

  /** Checks what can be checked here, before any network: an address of the right form and a token. */
  private boolean checkFields() {
    urlError.set(null);
    tokenError.set(null);
    boolean ok = true;
    try {
      SyncSettingsService.normalizeServerUrl(serverUrl.get());
    } catch (ValidationException e) {
      urlError.set(urlProblem(e));
      ok = false;
    }
    String typed = token.get() == null ? "" : token.get();
    if (typed.isBlank()) {
      tokenError.set(savedUrl.get() != null ? "Type the token again to change the server or the token "
          + "(make one on the server with 'setwise token create')."
          : "Type the API token made on the server with 'setwise token create'.");
      ok = false;
    } else if (!typed.strip().chars().allMatch(c -> c > 32 && c < 127) || typed.strip().length() > 512) {
      tokenError.set("A token is one word of letters, digits and signs, as 'setwise token create' printed it.");
      ok = false;
    }
    if (!ok) {
      say(Tone.NONE, "");
    }
    return ok;
  }

  private void failed(Failure failure) {
    Throwable cause = failure.cause();
    if (cause instanceof ValidationException invalid) {
      if (invalid.getMessage().startsWith("Invalid server URL")) {
        urlError.set(urlProblem(invalid));
      } else {
        tokenError.set("A token is one word of letters, digits and signs, as 'setwise token create' printed it.");
      }
      say(Tone.NONE, "");
      return;
    }
    if (cause instanceof SyncException sync) {
      switch (sync.kind()) {
        case REFUSED -> {
          tokenError.set("The server refused this token: check it, or make a new one there with "
              + "'setwise token create'.");
          say(Tone.BAD, ErrorText.sentence(sync.getMessage()));
        }
        case UNREACHABLE -> say(Tone.BAD, "Cannot reach the server: " + ErrorText.sentence(sync.getMessage())
            + " Check the address and that 'setwise serve' runs there.");
        default -> say(Tone.BAD, ErrorText.sentence(sync.getMessage()));
      }
      return;
    }
    if (cause instanceof CancellationException) {
      say(Tone.NONE, "Stopped.");
      return;
    }
    say(Tone.BAD, failure.message());
  }

  private static String urlProblem(ValidationException e) {
    String why = e.problems().stream().map(Problem::message).findFirst().orElse("is not a server address");
    return "The server address " + why + ".";
  }

  private static String reachable(ConnectionCheck check) {
    return "Reachable: Setwise " + check.serverVersion() + " at " + check.serverUrl() + ".";
  }

  private void say(Tone newTone, String text) {
    tone.set(newTone);
    message.set(text);
  }

  // ---- properties ----

  public StringProperty serverUrlProperty() {
    return serverUrl;
  }

  /** The token typed; bound to a password field, emptied once saved. */
  public StringProperty tokenProperty() {
    return token;
  }

  public StringProperty urlErrorProperty() {
    return urlError;
  }

  public StringProperty tokenErrorProperty() {
    return tokenError;
  }

  /** The outcome of the last test, save or turning off, in a sentence. */
  public StringProperty messageProperty() {
    return message;
  }

  public ObjectProperty<Tone> toneProperty() {
    return tone;
  }

  /** The server the profile syncs with now, or null when sync is off for it. */
  public StringProperty savedUrlProperty() {
    return savedUrl;
  }

  /** True while a test, a save or turning off runs. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  /** True once the settings were read. */
  public ReadOnlyBooleanProperty loadedProperty() {
    return loaded;
  }

  /** The main sync model: Sync now's progress, Cancel and the outcome of the last sync. */
  public SyncViewModel main() {
    return main;
  }
}
