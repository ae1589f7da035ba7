package dev.setwise;

/**
 * Setwise cannot start what was asked (the desktop window without a display, say). The message is
 * one line fit for a user; the command line prints it as its error.
 */
public final class StartupException extends RuntimeException {

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
