package dev.setwise.ui.common;

import java.net.URL;
import javafx.scene.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rest-over sound: a short two-tone clip shipped with the app. It is loaded off the FX thread
 * when the first rest begins ({@link #prepare}), not when the app opens: the clip brings JavaFX's
 * media stack (its native libraries and threads), which a start that times no rest never needs
 * (docs/decisions/0062). A rest lasts seconds, the load a fraction of one; a chime asked for
 * while it loads plays once it is loaded. Where the machine cannot play media (no audio stack, a
 * headless test), the countdown stays visible and the failure is logged once. FX thread.
 */
public final class AudioChime implements Chime {

  private static final Logger LOG = LoggerFactory.getLogger(AudioChime.class);

  private final BackgroundTasks tasks;
  private AudioClip clip;
  private boolean loading;
  /** True once the load ended, with a clip or without one (no media support: silent). */
  private boolean loaded;
  private boolean playWhenLoaded;

  private AudioChime(BackgroundTasks tasks) {
    this.tasks = tasks;
  }

  /** A chime whose clip loads in the background through {@code tasks} when the first rest begins. */
  public static AudioChime load(BackgroundTasks tasks) {
    return new AudioChime(tasks);
  }

  @Override
  public void prepare() {
    if (loading) {
      return;
    }
    loading = true;
    tasks.read("load the rest sound", AudioChime::readClip, read -> {
      clip = read;
      loaded = true;
      if (playWhenLoaded) {
        playWhenLoaded = false;
        play();
      }
    }, failure -> loaded = true);
  }

  private static AudioClip readClip() {
    URL sound = AudioChime.class.getResource("/dev/setwise/ui/rest-over.wav");
    if (sound == null) {
      LOG.error("rest-over.wav is missing from the application; the rest countdown will be silent");
      return null;
    }
    try {
      return new AudioClip(sound.toExternalForm());
    } catch (RuntimeException | LinkageError e) {
      // No media support on this machine (no audio stack, a headless test): the countdown stays visible.
      LOG.warn("Rest sound unavailable, the countdown will be silent: {}", e.toString());
      return null;
    }
  }

  @Override
  public void play() {
    if (!loaded) {
      // Rare: a rest that ended before its sound was loaded (or began before this chime existed).
      playWhenLoaded = true;
      prepare();
      return;
    }
    AudioClip current = clip;
    if (current == null) {
      return;
    }
    try {
      current.play();
    } catch (RuntimeException e) {
      LOG.warn("Could not play the rest sound", e);
    }
  }
}
