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
    searchNothingAtStartUp();
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

  /**
   * Names what libraries would otherwise look for on the whole class path, each search opening
   * every jar of the manifest's {@code Class-Path} (docs/decisions/0059): SLF4J's provider (and
   * with it logback's configurators) and picocli's probe for Groovy; the converters picocli would
   * register for types no option has; and where SQLite's native library is kept. A value given on the command line wins.
   */
  private static void searchNothingAtStartUp() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", QuietLogbackProvider.class.getName());
      // SLF4J says on stderr which provider it was named, an "info" line no command printed before
      System.setProperty("slf4j.internal.verbosity", System.getProperty("slf4j.internal.verbosity", "WARN"));
    }
    if (System.getProperty("picocli.disable.closures") == null) {
      System.setProperty("picocli.disable.closures", "true");
    }
    // No option of ours has a JDBC or java.time type: picocli need not look up, by reflection on
    // each command, the converters it would register for them (docs/decisions/0063)
    if (System.getProperty("picocli.converters.excludes") == null) {
      System.setProperty("picocli.converters.excludes", Cli.UNUSED_CONVERTERS);
    }
    // SQLite's native library is kept in the user's cache folder, checked on every start, instead
    // of being extracted to a temporary file each time (docs/decisions/0063); blank turns it off
    if (System.getProperty(AppContext.SQLITE_CACHE_PROPERTY) == null) {
      String home = System.getProperty("user.home");
      if (home != null && !home.isBlank()) {
        System.setProperty(AppContext.SQLITE_CACHE_PROPERTY, DataDirectory.platformCache(System.getenv(),
            System.getProperty("os.name"), home).resolve("sqlite-jdbc").toString());
      }
    }
  }
}
