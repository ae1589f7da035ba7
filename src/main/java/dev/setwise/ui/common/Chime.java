package dev.setwise.ui.common;

/** The sound that tells an athlete the rest is over. Tests count calls; the app plays a clip. */
@FunctionalInterface
public interface Chime {

  Chime SILENT = () -> {};

  /** Plays the sound without waiting for it; never throws. */
  void play();
}
