package dev.setwise.ui.common;

import dev.setwise.domain.Problem;
import dev.setwise.domain.SetwiseException;
import dev.setwise.domain.ValidationException;

/** Turns a failure into one short sentence for a person: never a stack trace, SQL or file path. */
public final class ErrorText {

  private ErrorText() {}

  /**
   * The message to show when {@code action} ("save the workout") failed with {@code error}.
   * Business outcomes keep their own message (with the first problem of a validation failure);
   * anything else says what could not be done and where the details are.
   */
  public static String of(String action, Throwable error) {
    if (error instanceof ValidationException validation && !validation.problems().isEmpty()) {
      Problem first = validation.problems().get(0);
      String more = validation.problems().size() > 1
          ? " (and " + (validation.problems().size() - 1) + " more)" : "";
      return validation.getMessage() + ": " + FieldNames.describe(first) + more;
    }
    if (error instanceof SetwiseException) {
      return error.getMessage();
    }
    return "Could not " + action + ". Nothing was lost; the details are in the log file.";
  }
}
