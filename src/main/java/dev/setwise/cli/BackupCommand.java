package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.Timestamps;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.folder.FolderLease;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code setwise backup list|create}. Neither opens (nor migrates) the database; {@code create}
 * holds a lease on the folder while it copies it, so no restore replaces it meanwhile.
 */
@Command(name = "backup", description = "List or make backups of the data folder's database.",
    mixinStandardHelpOptions = true)
final class BackupCommand extends GroupCommand {

  /** Its subcommands (added by Cli, only those the arguments need: see CommandGroup). */
  private static final Map<String, Class<?>> SUBCOMMANDS = CommandGroup.inOrder(
      Map.entry("list", ListBackups.class),
      Map.entry("create", Create.class));

  @Override
  public Map<String, Class<?>> subcommands() {
    return SUBCOMMANDS;
  }

  /** {@code setwise backup list}: name, time (UTC), reason and size in bytes, tab-separated, newest first. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List backups, newest first: file name, time, reason, size in bytes (tab-separated).")
  static final class ListBackups implements Callable<Integer> {

    @ParentCommand
    BackupCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      List<BackupInfo> backups = AppContext.backupsOf(parent.root.dataDir(), Clock.systemDefaultZone()).list();
      PrintWriter out = spec.commandLine().getOut();
      for (BackupInfo backup : backups) {
        out.println(backup.name() + "\t" + Timestamps.format(backup.createdAt()) + "\t" + backup.reason().code()
            + "\t" + backup.sizeBytes());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code setwise backup create}. */
  @Command(name = "create", mixinStandardHelpOptions = true,
      description = "Make a backup now (checked, kept until you delete it).")
  static final class Create implements Callable<Integer> {

    @ParentCommand
    BackupCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      parent.root.lease(FolderLease.Kind.COMMAND);
      BackupInfo backup = AppContext.backupsOf(parent.root.dataDir(), Clock.systemDefaultZone())
          .create(BackupReason.MANUAL);
      spec.commandLine().getOut().println("Backup created: " + backup.file() + " (" + backup.sizeBytes() + " bytes)");
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
