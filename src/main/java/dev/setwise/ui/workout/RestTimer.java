package dev.setwise.ui.workout;

import dev.setwise.domain.RestCountdown;
import dev.setwise.service.RestTimerService;
import dev.setwise.ui.common.Chime;
import dev.setwise.ui.common.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The rest countdown between sets, for the banner: how long is left, what comes next, −15 s and
 * +15 s, and a chime when it is over. Its end is saved through a {@link Keeper} as it starts and
 * each time it changes, so a workout reopened mid-rest counts on (or says the rest ended while the
 * app was closed). Time comes from the app's clock; the view ticks it a few times a second. FX
 * thread only.
 */
public final class RestTimer {

  /** Where the countdown of the session on screen is saved (on the writer lane). */
  interface Keeper {
    void keep(Instant endsAt, int seconds);

    void forget();

    Keeper NONE = new Keeper() {
      @Override
      public void keep(Instant endsAt, int seconds) {}

      @Override
      public void forget() {}
    };
  }

  /** What −15 s and +15 s change. */
  public static final int STEP_SECONDS = 15;
  private static final Duration OVER_BANNER = Duration.ofSeconds(6);

  private final Clock clock;
  private final Chime chime;
  private final BooleanProperty resting = new SimpleBooleanProperty(this, "resting");
  private final IntegerProperty remaining = new SimpleIntegerProperty(this, "remaining");
  private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final BooleanProperty over = new SimpleBooleanProperty(this, "over");
  private final StringProperty caption = new SimpleStringProperty(this, "caption", "Rest");
  private final StringProperty nextUp = new SimpleStringProperty(this, "nextUp", "");
  private Keeper keeper = Keeper.NONE;
  private Instant endsAt;
  /** When the "over" banner began; null while it stays until dismissed (the rest ended while closed). */
  private Instant overSince;
  private boolean kept;

  RestTimer(Clock clock, Chime chime) {
    this.clock = clock;
    this.chime = chime;
  }

  /** Saves the countdowns of the session on screen with {@code where} from now on. */
  void attach(Keeper where) {
    keeper = where;
  }

  /** Starts a rest of {@code seconds} from now (a warm-up's rest when {@code warmup}). */
  void start(int seconds, boolean warmup) {
    chime.prepare();
    endsAt = clock.instant().plusSeconds(seconds);
    total.set(seconds);
    caption.set(warmup ? "Warm-up rest" : "Rest");
    resting.set(true);
    over.set(false);
    keep();
    tick();
  }

  /**
   * Takes up a countdown saved before the app was closed: it counts on, or, when it ended
   * meanwhile, the banner says so until the next set (or Dismiss).
   */
  void resume(RestCountdown saved) {
    Instant now = clock.instant();
    if (saved.endsAt().isAfter(now)) {
      chime.prepare();
      endsAt = saved.endsAt();
      total.set(saved.seconds());
      caption.set("Rest");
      resting.set(true);
      over.set(false);
      kept = true;
      tick();
      return;
    }
    resting.set(false);
    caption.set("Your rest ended at " + Formats.time(saved.endsAt(), clock.getZone())
        + " while Setwise was closed");
    over.set(true);
    overSince = null;
    kept = true;
    forget();
  }

  /** Shortens (negative) or lengthens the rest running now by {@code seconds}; nothing when none runs. */
  public void adjust(int seconds) {
    if (!resting.get()) {
      return;
    }
    Instant now = clock.instant();
    Instant latest = now.plusSeconds(RestTimerService.MAX_REST);
    Instant moved = endsAt.plusSeconds(seconds);
    endsAt = moved.isBefore(now) ? now : moved.isAfter(latest) ? latest : moved;
    long left = Math.max(0, Duration.between(now, endsAt).toSeconds());
    total.set((int) Math.min(RestTimerService.MAX_REST, Math.max(total.get(), left)));
    if (endsAt.isAfter(now)) {
      keep();
    }
    tick();
  }

  /** Takes 15 seconds off the rest. */
  public void shorter() {
    adjust(-STEP_SECONDS);
  }

  /** Adds 15 seconds to the rest. */
  public void longer() {
    adjust(STEP_SECONDS);
  }

  /** Updates the countdown; plays the chime once when it reaches zero. */
  void tick() {
    Instant now = clock.instant();
    if (resting.get()) {
      long millis = Duration.between(now, endsAt).toMillis();
      int seconds = (int) Math.max(0, (millis + 999) / 1000);
      remaining.set(seconds);
      text.set(Formats.clock(Duration.ofSeconds(seconds)));
      if (millis <= 0) {
        resting.set(false);
        caption.set("Rest over: next set!");
        over.set(true);
        overSince = now;
        forget();
        chime.play();
      }
    } else if (over.get() && overSince != null && Duration.between(overSince, now).compareTo(OVER_BANNER) >= 0) {
      over.set(false);
    }
  }

  /** Ends the countdown early, silently (Skip rest), or dismisses "Rest over". */
  public void skip() {
    resting.set(false);
    over.set(false);
    forget();
  }

  /** Forgets any rest shown, saving nothing (another session shows, or none). */
  void reset() {
    resting.set(false);
    over.set(false);
    nextUp.set("");
    keeper = Keeper.NONE;
    kept = false;
  }

  private void keep() {
    keeper.keep(endsAt, Math.max(1, total.get()));
    kept = true;
  }

  private void forget() {
    if (kept) {
      keeper.forget();
      kept = false;
    }
  }

  public BooleanProperty restingProperty() {
    return resting;
  }

  public IntegerProperty remainingProperty() {
    return remaining;
  }

  public IntegerProperty totalProperty() {
    return total;
  }

  /** The time left, "1:20". */
  public StringProperty textProperty() {
    return text;
  }

  /** True once the rest is over: for a few seconds, or until dismissed when it ended while the app was closed. */
  public BooleanProperty overProperty() {
    return over;
  }

  /** "Rest", "Warm-up rest", "Rest over: next set!", or when it ended while the app was closed. */
  public StringProperty captionProperty() {
    return caption;
  }

  /** What comes after the set just done. */
  public StringProperty nextUpProperty() {
    return nextUp;
  }
}
