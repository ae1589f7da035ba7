package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.sync.Keep;
import dev.setwise.domain.sync.SyncConflict;
import dev.setwise.domain.sync.SyncSettings;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.sync.SyncStatus;
import dev.setwise.sync.ConnectionCheck;
import dev.setwise.sync.SyncReport;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code setwise sync …} (contract §5.2): without a subcommand it syncs a profile now and prints
 * {@code pushed N, pulled M, conflicts K}, then a line per conflict (stdout) and per change refused
 * or waiting (stderr); exit 0 only when device and server agree with no conflict.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
    description = {"Sync a profile with a 'setwise serve' on another computer: send every local change, then "
        + "receive every change from it.",
        "Prints 'pushed N, pulled M, conflicts K'; exit 0 only when both agree and nothing is in conflict."})
final class SyncCommand implements Callable<Integer>, CommandGroup {

  /** Its subcommands (added by Cli, only those the arguments need: see CommandGroup). */
  private static final Map<String, Class<?>> SUBCOMMANDS = CommandGroup.inOrder(
      Map.entry("setup", Setup.class),
      Map.entry("status", Status.class),
      Map.entry("resolve", Resolve.class),
      Map.entry("off", Off.class));

  @Override
  public Map<String, Class<?>> subcommands() {
    return SUBCOMMANDS;
  }

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = "--profile", paramLabel = "NAME", description = "The profile to sync (needed when there are several).")
  String profile;

  @Override
  public Integer call() {
    try (AppContext context = root.openContext()) {
      Profile chosen = context.exports().chooseProfile(profile);
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      SyncReport report = context.sync().syncNow(chosen.id(), Progress.NONE, Cancellation.none());
      out.println(report.summary());
      for (SyncConflict conflict : report.conflicts()) {
        out.println(line(conflict));
      }
      out.flush();
      for (String problem : report.problems()) {
        err.println("setwise: " + problem);
      }
      report.failure().ifPresent(failure -> err.println("setwise: " + failure.getMessage()));
      err.flush();
      return report.inSync() ? 0 : 1;
    }
  }

  static String line(SyncConflict conflict) {
    return "conflict " + conflict.id() + " " + conflict.about();
  }

  /** {@code setwise sync setup --server URL --token TOKEN [--profile NAME]}. */
  @Command(name = "setup", mixinStandardHelpOptions = true,
      description = {"Check a server (its health and the token) and remember it for a profile.",
          "The token is kept in the data folder, readable by you only; it is never printed."})
  static final class Setup implements Callable<Integer> {

    @ParentCommand
    SyncCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--server", required = true, paramLabel = "URL",
        description = "The server's address, e.g. http://192.168.1.20:8080")
    String server;

    @Option(names = "--token", required = true, paramLabel = "TOKEN",
        description = "An API token made on the server with 'setwise token create'.")
    String token;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile to sync (needed when there are several).")
    String profile;

    @Override
    public Integer call() {
      try (AppContext context = parent.root.openContext()) {
        Profile chosen = context.exports().chooseProfile(profile);
        ConnectionCheck check = context.sync().setUp(chosen.id(), server, token);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Sync set up for " + chosen.name() + " with " + check.serverUrl() + " (Setwise "
            + check.serverVersion() + "); run 'setwise sync' to sync now");
        out.flush();
      }
      return 0;
    }
  }

  /** {@code setwise sync status [--profile NAME]}. */
  @Command(name = "status", mixinStandardHelpOptions = true,
      description = {"Show the server, the last successful sync, how many local changes wait, and each open "
          + "conflict ('conflict ID what it is about')."})
  static final class Status implements Callable<Integer> {

    @ParentCommand
    SyncCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile (needed when there are several).")
    String profile;

    @Override
    public Integer call() {
      try (AppContext context = parent.root.openContext()) {
        Profile chosen = context.exports().chooseProfile(profile);
        SyncStatus status = context.sync().status(chosen.id());
        PrintWriter out = spec.commandLine().getOut();
        if (!status.enabled()) {
          out.println("Sync is off for " + chosen.name()
              + " (set it up with 'setwise sync setup --server URL --token TOKEN')");
          out.flush();
          return 0;
        }
        SyncSettings settings = status.settings().orElseThrow();
        out.println("profile: " + chosen.name());
        out.println("server: " + settings.serverUrl());
        out.println("last successful sync: "
            + (settings.lastSuccessAt() == null ? "never" : Timestamps.format(settings.lastSuccessAt())));
        if (settings.lastError() != null) {
          out.println("last sync: " + settings.lastError());
        }
        out.println("local changes waiting: " + status.waiting());
        for (SyncConflict conflict : status.conflicts()) {
          out.println(line(conflict));
        }
        status.refused().forEach(entry -> out.println("refused " + entry.type().code() + " " + entry.id() + ": "
            + entry.lastError()));
        out.flush();
      }
      return 0;
    }
  }

  /** {@code setwise sync resolve CONFLICT_ID --keep local|remote}. */
  @Command(name = "resolve", mixinStandardHelpOptions = true,
      description = {"Settle a conflict, keeping this device's version (local) or the server's (remote).",
          "A backup is made first; the next 'setwise sync' tells the server."})
  static final class Resolve implements Callable<Integer> {

    @ParentCommand
    SyncCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "CONFLICT_ID", description = "The id 'setwise sync status' shows.")
    String id;

    @Option(names = "--keep", required = true, paramLabel = "local|remote",
        description = "local: this device's version; remote: the server's.")
    String keep;

    @Override
    public Integer call() {
      Keep chosen = Keep.fromCode(keep == null ? "" : keep.strip()).filter(k -> k != Keep.BOTH)
          .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
              "--keep must be local or remote, not '" + keep + "'"));
      long conflictId;
      try {
        conflictId = Long.parseLong(id.strip());
      } catch (NumberFormatException e) {
        throw new dev.setwise.domain.NotFoundException("No open conflict " + id.strip());
      }
      try (AppContext context = parent.root.openContext()) {
        SyncConflict settled = context.sync().resolve(conflictId, chosen);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Settled conflict " + settled.id() + " keeping "
            + (chosen == Keep.LOCAL ? "this device's" : "the server's") + " version; run 'setwise sync' to send it");
        out.flush();
      }
      return 0;
    }
  }

  /** {@code setwise sync off [--profile NAME]}. */
  @Command(name = "off", mixinStandardHelpOptions = true,
      description = "Forget the server for a profile (its token, what waits, its conflicts); local data stays.")
  static final class Off implements Callable<Integer> {

    @ParentCommand
    SyncCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile (needed when there are several).")
    String profile;

    @Override
    public Integer call() {
      try (AppContext context = parent.root.openContext()) {
        Profile chosen = context.exports().chooseProfile(profile);
        boolean was = context.sync().off(chosen.id());
        PrintWriter out = spec.commandLine().getOut();
        out.println(was ? "Sync is off for " + chosen.name() + "; its plans and sessions stay on this computer"
            : "Sync was not set up for " + chosen.name());
        out.flush();
      }
      return 0;
    }
  }
}
