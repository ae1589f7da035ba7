package dev.setwise.cli;

import dev.setwise.DataDirectory;
import dev.setwise.StartupException;
import dev.setwise.StartupException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.SetwiseException;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.backup.BackupException;
import dev.setwise.sync.SyncException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * The command line as the contract describes it: errors are one plain line on stderr; exit code
 * 0 on success, 1 on failure, 2 on a usage error.
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
      err.println("setwise: " + describe(ex));
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    });
    int code = commandLine.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  private static String describe(Exception ex) {
    if (ex instanceof ValidationException validation && !validation.problems().isEmpty()) {
      return validation.getMessage() + ": " + validation.problems().stream()
          .map(Problem::toString).collect(Collectors.joining("; "));
    }
    if (ex instanceof SetwiseException || ex instanceof DataDirectory.DataDirectoryException
        || ex instanceof BackupException || ex instanceof StartupException || ex instanceof SyncException) {
      return ex.getMessage();
    }
    Logger log = LoggerFactory.getLogger(Cli.class);
    log.error("Command failed", ex);
    return "Failed to process request; the cause is in the log file (logs/setwise.log in the data folder)";
  }

  private static String oneLine(String text) {
    return text == null ? "invalid usage" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
