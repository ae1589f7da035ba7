package dev.setwise.ui.workout;

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
 * The rest countdown between sets, for the banner: how long is left, what comes next, and a chime
 * when it is over. Time comes from the app's clock; the view ticks it a few times a second. FX
 * thread only.
 */
public final class RestTimer {

  private static final Duration OVER_BANNER = Duration.ofSeconds(6);

  private final Clock clock;
  private final Chime chime;
  private final BooleanProperty resting = new SimpleBooleanProperty(this, "resting");
  private final IntegerProperty remaining = new SimpleIntegerProperty(this, "remaining");
  private final IntegerProperty total = new SimpleIntegerProperty(this, "total");
  private final StringProperty text = new SimpleStringProperty(this, "text", "");
  private final BooleanProperty over = new SimpleBooleanProperty(this, "over");
  private final StringProperty nextUp = new SimpleStringProperty(this, "nextUp", "");
  private Instant endsAt;
  private Instant overSince;

  RestTimer(Clock clock, Chime chime) {
    this.clock = clock;
    this.chime = chime;
  }

  /** Starts a rest of {@code seconds} from now. */
  void start(int seconds) {
    endsAt = clock.instant().plusSeconds(seconds);
    total.set(seconds);
    resting.set(true);
    over.set(false);
    tick();
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
        over.set(true);
        overSince = now;
        chime.play();
      }
    } else if (over.get() && overSince != null && Duration.between(overSince, now).compareTo(OVER_BANNER) >= 0) {
      over.set(false);
    }
  }

  /** Ends the countdown early, silently. */
  public void skip() {
    resting.set(false);
    over.set(false);
  }

  /** Forgets any rest (another session shows, or none). */
  void reset() {
    skip();
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

  /** True for a few seconds once the rest is over. */
  public BooleanProperty overProperty() {
    return over;
  }

  /** What comes after the set just done. */
  public StringProperty nextUpProperty() {
    return nextUp;
  }
}
