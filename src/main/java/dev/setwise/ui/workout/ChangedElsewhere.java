package dev.setwise.ui.workout;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.PreconditionFailedException;
import dev.setwise.domain.ValidationException;

/**
 * Which refusals of a workout save mean "this session was changed elsewhere" (the REST API, a
 * second device), so the screen says "Changed elsewhere: reload" instead of a bare error and never
 * writes over that change. The one place to teach a new refusal.
 */
final class ChangedElsewhere {

  private ChangedElsewhere() {}

  /** True when {@code error} says the session moved on without this screen. */
  static boolean refused(Throwable error) {
    // Saved from an older version: someone else changed it since this screen loaded it.
    if (error instanceof PreconditionFailedException) {
      return true;
    }
    // Completed elsewhere: the service refuses to change a completed session.
    if (error instanceof ValidationException validation && Messages.SESSION_COMPLETED.equals(validation.getMessage())) {
      return true;
    }
    // Deleted (discarded) elsewhere.
    return error instanceof NotFoundException missing && Messages.SESSION_NOT_FOUND.equals(missing.getMessage());
  }
}
