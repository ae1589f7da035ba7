package dev.setwise;

import dev.setwise.cli.Cli;
import dev.setwise.cli.ConsoleStreams;
import dev.setwise.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The one entry point: no command opens the desktop app, anything else is a CLI command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = ConsoleStreams.stdout(charset);
    PrintWriter err = ConsoleStreams.stderr(charset);
    int code = Cli.run(args, System.getenv(), out, err, DesktopApp::run);
    System.exit(code);
  }
}
