package dev.setwise.cli;

import java.io.Console;

/** Where a command asks a person a question: the console, when there is one. */
interface Terminal {

  /** True when a person can answer (standard input and output are a terminal). */
  boolean interactive();

  /** Asks {@code question} and returns the answer, or null at the end of the input. */
  String ask(String question);

  /** The process's console ({@link System#console()}, null when input or output is redirected). */
  static Terminal system() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public String ask(String question) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", question);
      }
    };
  }

  /** No one to ask: standard input is not a terminal. */
  Terminal NONE = new Terminal() {
    @Override
    public boolean interactive() {
      return false;
    }

    @Override
    public String ask(String question) {
      return null;
    }
  };
}
