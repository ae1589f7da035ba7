package dev.setwise.cli;

import dev.setwise.DataDirectory;
import dev.setwise.StartupException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetwiseException;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.DamagedDataException;
import dev.setwise.service.backup.BackupException;
import java.io.PrintWriter;
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

  private Cli() {}

  /** Runs {@code args} and returns the exit code. */
  public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err,
      DesktopStarter desktop) {
    CommandLine commandLine = new CommandLine(new SetwiseCommand(environment, desktop));
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
          : out.checkError() ? outputFailed(out) : describe(ex);
      err.println("setwise: " + line);
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    int code = commandLine.execute(args);
    if (out.checkError() && code == CommandLine.ExitCode.OK) {
      err.println("setwise: " + outputFailed(out));
      code = CommandLine.ExitCode.SOFTWARE;
    }
    err.flush();
    return code;
  }

  /** The line for output that could not be written ({@code export > /dev/full}, a closed pipe). */
  static String outputFailed(PrintWriter out) {
    return "could not write to standard output (" + ConsoleStreams.failureOf(out) + ")";
  }

  private static String describe(Exception ex) {
    if (ex instanceof ValidationException validation && !validation.problems().isEmpty()) {
      return validation.getMessage() + ": " + validation.problems().stream()
          .map(Problem::toString).collect(Collectors.joining("; "));
    }
    if (ex instanceof SetwiseException || ex instanceof DataDirectory.DataDirectoryException
        || ex instanceof BackupException || ex instanceof StartupException) {
      return ex.getMessage();
    }
    Logger log = LoggerFactory.getLogger(Cli.class);
    if (ex instanceof DamagedDataException) {
      log.error("Command stopped on damaged data: {}", ex.getMessage(), ex);
      return ex.getMessage();
    }
    log.error("Command failed", ex);
    return "Failed to process request; the cause is in the log file (logs/setwise.log in the data folder)";
  }

  private static String oneLine(String text) {
    return text == null ? "invalid usage" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
