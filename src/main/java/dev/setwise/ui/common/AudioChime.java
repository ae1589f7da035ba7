package dev.setwise.ui.common;

import java.net.URL;
import javafx.scene.media.AudioClip;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rest-over sound: a short two-tone clip shipped with the app. It is loaded off the FX thread
 * when the app opens; where the machine cannot play media (no audio stack, a headless test), the
 * countdown stays visible and the failure is logged once.
 */
public final class AudioChime implements Chime {

  private static final Logger LOG = LoggerFactory.getLogger(AudioChime.class);

  private volatile AudioClip clip;

  /** A chime whose clip loads in the background through {@code tasks}. */
  public static AudioChime load(BackgroundTasks tasks) {
    AudioChime chime = new AudioChime();
    tasks.read("load the rest sound", () -> {
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
    }, loaded -> chime.clip = loaded, failure -> { });
    return chime;
  }

  @Override
  public void play() {
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
