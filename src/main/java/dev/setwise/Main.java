package dev.setwise;

import dev.setwise.cli.Cli;
import dev.setwise.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The one entry point: no command opens the desktop app, anything else is a CLI command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
    int code = Cli.run(args, System.getenv(), out, err, DesktopApp::run);
    System.exit(code);
  }
}
