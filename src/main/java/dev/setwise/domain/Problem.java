package dev.setwise.domain;

import java.util.Objects;

/** One validation problem: where ({@code session.exercises[0].sets[2].reps}) and what. */
public record Problem(String path, String message) {

  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
