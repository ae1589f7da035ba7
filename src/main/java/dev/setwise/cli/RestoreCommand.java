package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.service.backup.RestoreResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise restore FILE}. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = {"Replace the database with a backup, after checking it. The current database is backed up",
        "and set aside in the data folder's replaced/ folder, never overwritten.",
        "Refused (changing nothing) while the app, 'setwise serve' or another command uses this data folder."})
final class RestoreCommand implements Callable<Integer> {

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A backup file, or the name of one in the backups/ folder.")
  Path file;

  @Override
  public Integer call() {
    RestoreResult result = AppContext.backupsOf(root.dataDir(), Clock.systemDefaultZone()).restore(file);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Restored " + result.restoredFrom().getFileName() + " (" + count(result.profiles(), "profile") + ", "
        + count(result.sessions(), "session") + ").");
    if (result.setAside() != null) {
      out.println("The previous database was set aside as " + result.setAside()
          + (result.safetyBackup() != null ? " and backed up as " + result.safetyBackup().name()
              : " (as it was: it could not be backed up first)") + ".");
    }
    out.flush();
    return 0;
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
