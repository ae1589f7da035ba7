package dev.setwise;

import dev.setwise.cli.Cli;
import dev.setwise.cli.ConsoleStreams;
import dev.setwise.cli.DesktopStarter;
import dev.setwise.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;

/** The one entry point: no command opens the desktop app, anything else is a CLI command. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    Charset charset = System.console() != null ? System.console().charset() : Charset.defaultCharset();
    PrintWriter out = ConsoleStreams.stdout(charset);
    PrintWriter err = ConsoleStreams.stderr(charset);
    int code = Cli.run(args, System.getenv(), out, err, new Desktop(new DesktopApp.Launch()));
    System.exit(code);
  }

  /** The desktop app for the command line: its toolkit starts as soon as no command is named. */
  private record Desktop(DesktopApp.Launch launch) implements DesktopStarter {

    @Override
    public int start(Path dataDir, PrintWriter out) {
      return launch.run(dataDir, out);
    }

    @Override
    public void prepare() {
      launch.prepare();
    }
  }
}
