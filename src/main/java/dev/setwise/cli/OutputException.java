package dev.setwise.cli;

/** A command's output could not be written (a full disk, a closed pipe); the message is one line for a user. */
final class OutputException extends RuntimeException {

  OutputException(String message) {
    super(message);
  }

  OutputException(String message, Throwable cause) {
    super(message, cause);
  }
}
