package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.DataDirectory;
import dev.setwise.Logging;
import dev.setwise.StartupException;
import dev.setwise.WarmUp;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetwiseException;
import dev.setwise.domain.StorageException;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.DamagedDataException;
import dev.setwise.service.DiskErrors;
import dev.setwise.service.backup.BackupException;
import dev.setwise.service.folder.FolderBusyException;
import dev.setwise.sync.SyncException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command line as the contract describes it: errors are one plain line on stderr; exit code
 * 0 on success, 1 on failure, 2 on a usage error. Output that could not be written (a full disk,
 * a closed pipe) is a failure too, whatever the command did.
 */
public final class Cli {

  /**
   * Picocli's built-in converters for types no option of ours has, as {@code Main} gives them to
   * {@code picocli.converters.excludes} (regular expressions, comma-separated): picocli then does
   * not look them up by reflection for every command (docs/decisions/0063). An option of such a
   * type would need its own converter; {@code CommandTreeTest} holds the commands to that.
   */
  public static final String UNUSED_CONVERTERS = "java\\.sql\\..*,java\\.time\\..*";

  private Cli() {}

  /** Runs {@code args} and returns the exit code. */
  public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err,
      DesktopStarter desktop) {
    // The desktop app: its toolkit starts first, beside everything below, and no warm-up thread
    // runs before the window's first frame, which needs both cores more (docs/decisions/0062). It
    // starts no SLF4J logger before SLF4J is initialised here.
    boolean desktopApp = SetwiseCommand.commandsFor(args).isEmpty();
    if (desktopApp) {
      desktop.prepare();
    }
    // Every command opens SQLite, whose native library (extracted from its jar, checked, loaded)
    // costs as much as reading the command line: it loads on a thread of its own meanwhile, and the
    // first connection waits for it if need be (docs/decisions/0052). SLF4J first, on this thread:
    // sqlite-jdbc logs through it, and a thread that asks SLF4J while another one initialises it
    // gets a stand-in factory, so the log file would never see the driver's lines. The same for
    // what logging's first event needs: the time zone's rules and logback's pattern and rolling
    // classes (docs/decisions/0059).
    LoggerFactory.getILoggerFactory();
    if (!desktopApp) {
      WarmUp.inBackground("setwise-sqlite-warm-up", AppContext::loadSqlite);
      WarmUp.inBackground("setwise-log-warm-up", Logging::warmUp);
    }
    return run(args, environment, out, err, desktop, Terminal.system());
  }

  /** {@link #run(String[], Map, PrintWriter, PrintWriter, DesktopStarter)} asking its questions on {@code terminal}. */
  static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err,
      DesktopStarter desktop, Terminal terminal) {
    SetwiseCommand root = new SetwiseCommand(environment, desktop, terminal);
    CommandLine commandLine = new CommandLine(root);
    // Before the settings below, which picocli hands down to the subcommands present.
    java.util.Collection<Class<?>> commands = SetwiseCommand.commandsFor(args);
    String next = commands.size() == 1 ? SetwiseCommand.argumentAfterCommand(args) : null;
    for (Class<?> command : commands) {
      commandLine.addSubcommand(command);
    }
    for (CommandLine command : commandLine.getSubcommands().values()) {
      if (command.getCommand() instanceof CommandGroup group) {
        for (Class<?> subcommand : group.subcommandsFor(next)) {
          command.addSubcommand(subcommand);
        }
      }
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(false);
    commandLine.setParameterExceptionHandler((ex, arguments) -> {
      err.println("setwise: " + oneLine(ex.getMessage()) + " (see 'setwise --help')");
      err.flush();
      return CommandLine.ExitCode.USAGE;
    });
    commandLine.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
      // a command that failed because its output could not be written says so, not why it stopped
      String line = ex instanceof OutputException ? ex.getMessage()
          : out.checkError() ? outputFailed(out) : describe(ex, root);
      err.println("setwise: " + line);
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    try {
      int code = commandLine.execute(args);
      if (out.checkError() && code == CommandLine.ExitCode.OK) {
        err.println("setwise: " + outputFailed(out));
        code = CommandLine.ExitCode.SOFTWARE;
      }
      return code;
    } finally {
      root.close();
      out.flush();
      err.flush();
    }
  }

  /** The line for output that could not be written ({@code export > /dev/full}, a closed pipe). */
  static String outputFailed(PrintWriter out) {
    return "could not write to standard output (" + ConsoleStreams.failureOf(out) + ")";
  }

  /**
   * The one line to print for {@code ex}: its own message when it is written for people (with, for
   * a damaged or missing database, the newest backup and the command that restores it), "the disk
   * is full" when it is that, else a pointer to the log.
   */
  private static String describe(Exception ex, SetwiseCommand root) {
    Logger log = LoggerFactory.getLogger(Cli.class);
    if (ex instanceof ValidationException validation && !validation.problems().isEmpty()) {
      return validation.getMessage() + ": " + validation.problems().stream()
          .map(Problem::toString).collect(Collectors.joining("; "));
    }
    if (ex instanceof StorageException storage) {
      log.warn("Command failed: {}", storage.getMessage(), storage);
      return oneLine(root.advised(storage).getMessage());
    }
    if (ex instanceof SetwiseException || ex instanceof DataDirectory.DataDirectoryException
        || ex instanceof BackupException || ex instanceof StartupException || ex instanceof FolderBusyException
        || ex instanceof SyncException) {
      return ex.getMessage();
    }
    if (ex instanceof DamagedDataException) {
      log.error("Command stopped on damaged data: {}", ex.getMessage(), ex);
      return ex.getMessage();
    }
    log.error("Command failed", ex);
    if (DiskErrors.isDiskFull(ex)) {
      return (ex instanceof UncheckedIOException && ex.getMessage() != null ? ex.getMessage()
          : "Could not write the output") + ": the disk is full";
    }
    return "Failed to process request; the cause is in the log file (logs/setwise.log in the data folder)";
  }

  private static String oneLine(String text) {
    return text == null ? "invalid usage" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
