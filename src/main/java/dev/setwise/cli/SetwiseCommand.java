package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.DataDirectory;
import dev.setwise.Logging;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code setwise}: with no command it opens the desktop app; otherwise it runs a command. */
@Command(
    name = "setwise",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Setwise: an offline-first strength-training log.%n"
        + "With no command, opens the desktop app.",
    subcommands = {ProfileCommand.class, ServeCommand.class, TokenCommand.class, ExportCommand.class,
        ImportCommand.class, BackupCommand.class, RestoreCommand.class, SyncCommand.class},
    sortOptions = false)
public final class SetwiseCommand implements Callable<Integer> {

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data folder (default: $" + DataDirectory.ENVIRONMENT_VARIABLE
          + ", else the platform's per-user data folder).")
  private String dataDirOption;

  @Spec
  private CommandSpec spec;

  private final Map<String, String> environment;
  private final DesktopStarter desktop;
  private Path preparedDataDir;

  SetwiseCommand(Map<String, String> environment, DesktopStarter desktop) {
    this.environment = environment;
    this.desktop = desktop;
  }

  /**
   * The data folder, created and checked, with logging pointed at it.
   *
   * @throws DataDirectory.DataDirectoryException when it cannot be used
   */
  Path dataDir() {
    if (preparedDataDir == null) {
      Path chosen = DataDirectory.choose(dataDirOption, environment, System.getProperty("os.name"),
          System.getProperty("user.home"));
      preparedDataDir = DataDirectory.prepare(chosen);
      Logging.toDataFolder(preparedDataDir);
    }
    return preparedDataDir;
  }

  /** Opens the data folder's database; the caller closes it. */
  AppContext openContext() {
    return AppContext.open(dataDir());
  }

  @Override
  public Integer call() {
    return desktop.start(dataDir(), spec.commandLine().getOut());
  }
}
