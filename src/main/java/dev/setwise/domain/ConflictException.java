package dev.setwise.domain;

/** The request is valid but clashes with the current state, e.g. a second in-progress session. */
public final class ConflictException extends SetwiseException {

  public ConflictException(String message) {
    super(message);
  }
}
