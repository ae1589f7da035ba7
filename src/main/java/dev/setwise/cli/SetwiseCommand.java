package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.DataDirectory;
import dev.setwise.Logging;
import dev.setwise.domain.StorageException;
import dev.setwise.service.folder.FolderLease;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
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
    // The subcommands are added by Cli, only those the arguments need (see COMMANDS).
    sortOptions = false)
public final class SetwiseCommand implements Callable<Integer>, AutoCloseable {

  /**
   * Every command, in the order {@code setwise --help} lists them, by name. Picocli reads a
   * command's annotations (and its subcommands') when it is added, which for all of them took
   * about half the time of {@code profile list}; so Cli adds only the command named, and all of
   * them for help, a mistyped name or anything else it cannot tell (docs/decisions/0045).
   */
  static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> commands = new java.util.LinkedHashMap<>();
    commands.put("profile", ProfileCommand.class);
    commands.put("serve", ServeCommand.class);
    commands.put("token", TokenCommand.class);
    commands.put("export", ExportCommand.class);
    commands.put("import", ImportCommand.class);
    commands.put("backup", BackupCommand.class);
    commands.put("restore", RestoreCommand.class);
    commands.put("stats", StatsCommand.class);
    commands.put("sync", SyncCommand.class);
    commands.put("migrate", MigrateCommand.class);
    return java.util.Collections.unmodifiableMap(commands);
  }

  /**
   * The commands {@code args} needs: none when they name no command (the desktop app), the one they
   * name, or every command when they ask for help or version, or when anything in them is not
   * plainly {@code [--data-dir DIR] COMMAND …} (an unknown option, an {@code @file}, a mistyped
   * command: picocli then says what it always said, suggestions included).
   */
  static java.util.Collection<Class<?>> commandsFor(String[] args) {
    int at = commandAt(args);
    if (at == args.length) {
      return List.of();
    }
    Class<?> named = COMMANDS.get(args[at]);
    return named != null ? List.of(named) : COMMANDS.values();
  }

  /**
   * The argument after the command that {@code args} plainly names (see {@link #commandsFor}), which
   * may name one of its subcommands; null when there is none, or no command is plainly named.
   */
  static String argumentAfterCommand(String[] args) {
    int at = commandAt(args);
    return at + 1 < args.length && COMMANDS.containsKey(args[at]) ? args[at + 1] : null;
  }

  /** Where the command's name is in {@code args}, after any {@code --data-dir DIR}; args.length when none is. */
  private static int commandAt(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--data-dir") && i + 1 < args.length) {
        i++;
      } else if (!arg.startsWith("--data-dir=")) {
        return i;
      }
    }
    return args.length;
  }

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Data folder (default: $" + DataDirectory.ENVIRONMENT_VARIABLE
          + ", else the platform's per-user data folder).")
  private String dataDirOption;

  @Spec
  CommandSpec spec;

  private final Map<String, String> environment;
  private final DesktopStarter desktop;
  private final Terminal terminal;
  private final Clock clock = new dev.setwise.SystemClock();
  private Path preparedDataDir;
  private FolderLease lease;
  /** True once a command opened a PostgreSQL database: the data folder's backups are no way out then. */
  private boolean onDatabaseServer;

  SetwiseCommand(Map<String, String> environment, DesktopStarter desktop, Terminal terminal) {
    this.environment = environment;
    this.desktop = desktop;
    this.terminal = terminal;
  }

  /** Where a command asks for a confirmation. */
  Terminal terminal() {
    return terminal;
  }

  Clock clock() {
    return clock;
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

  /**
   * Takes this process's lease on the data folder (once; it is given up when the command ends).
   * A restore in progress is waited for; see {@link FolderLease}.
   */
  synchronized FolderLease lease(FolderLease.Kind kind) {
    if (lease == null) {
      lease = FolderLease.acquire(dataDir(), kind, kind == FolderLease.Kind.COMMAND ? commandLine() : null, clock);
    }
    return lease;
  }

  /** Opens the data folder's database under a {@link FolderLease.Kind#COMMAND} lease; the caller closes it. */
  AppContext openContext() {
    return openContext(FolderLease.Kind.COMMAND);
  }

  /** Opens the data folder's database under a lease of {@code kind}; the caller closes it. */
  AppContext openContext(FolderLease.Kind kind) {
    return AppContext.open(dataDir(), clock, lease(kind));
  }

  /**
   * Opens the PostgreSQL database named by {@code option}, else by {@code SETWISE_DATABASE_URL};
   * null when neither names one (the command then uses the data folder's database). The data folder
   * still holds the logs.
   *
   * @param administration true for the administrative commands (every profile), false for the server
   * @throws CommandLine.ParameterException when the URL cannot be used
   */
  AppContext openDatabaseServer(String option, boolean administration) {
    String url = option != null ? option : environment.get(AppContext.DATABASE_URL_VARIABLE);
    if (url == null || url.isBlank()) {
      return null;
    }
    Path folder = dataDir();
    onDatabaseServer = true;
    try {
      return AppContext.openPostgres(folder, clock, url, environment.get(AppContext.DATABASE_PASSWORD_VARIABLE),
          administration);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** What to do about a storage failure met while the command ran (the newest backup and how to restore it). */
  StorageException advised(StorageException failure) {
    if (failure.advised() || preparedDataDir == null || onDatabaseServer) {
      return failure;
    }
    return failure.withAdvice(AppContext.restoreAdvice(preparedDataDir, failure.reason(), clock));
  }

  /** "setwise profile list": the command being run, for the lease record. */
  private String commandLine() {
    List<String> names = new ArrayList<>();
    names.add("setwise");
    CommandLine.ParseResult result = spec == null ? null : spec.commandLine().getParseResult();
    for (CommandLine.ParseResult sub = result == null ? null : result.subcommand(); sub != null;
        sub = sub.subcommand()) {
      names.add(sub.commandSpec().name());
    }
    return String.join(" ", names);
  }

  /** Gives up the lease on the data folder, if the command took one. */
  @Override
  public synchronized void close() {
    if (lease != null) {
      lease.close();
      lease = null;
    }
  }

  @Override
  public Integer call() {
    return desktop.start(dataDir(), spec.commandLine().getOut());
  }
}
