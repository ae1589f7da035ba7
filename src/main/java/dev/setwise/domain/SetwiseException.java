package dev.setwise.domain;

/**
 * A business outcome that a caller can act on. Its message is fit to show a user or an API client;
 * it never carries SQL, file paths or stack traces.
 */
public abstract sealed class SetwiseException extends RuntimeException
    permits ValidationException, NotFoundException, ConflictException, PreconditionFailedException {

  protected SetwiseException(String message) {
    super(message, null, false, false);
  }
}
