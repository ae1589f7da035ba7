package dev.setwise.domain;

import java.util.List;

/** Input broke a rule. {@link #problems()} lists every problem found, each with its JSON path. */
public final class ValidationException extends SetwiseException {

  private final List<Problem> problems;

  public ValidationException(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public ValidationException(String message) {
    this(message, List.of());
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public String toString() {
    return "ValidationException[" + getMessage() + ", " + problems + "]";
  }
}
