package dev.setwise.ui.common;

/** The sound that tells an athlete the rest is over. Tests count calls; the app plays a clip. */
@FunctionalInterface
public interface Chime {

  Chime SILENT = () -> {};

  /** Plays the sound without waiting for it; never throws. */
  void play();

  /**
   * A rest began: have the sound ready by its end (the app loads its clip, and the media stack
   * under it, only now: docs/decisions/0062). Returns at once; never throws. The default does nothing.
   */
  default void prepare() {
  }
}
