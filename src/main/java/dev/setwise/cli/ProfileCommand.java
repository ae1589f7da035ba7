package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.ConflictException;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.ProfileContents;
import dev.setwise.service.ProfileDeleted;
import dev.setwise.service.ProfileService;
import dev.setwise.service.folder.FolderLease;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise profile add|list|delete}. */
@Command(name = "profile", description = "Manage local profiles.", mixinStandardHelpOptions = true)
final class ProfileCommand extends GroupCommand {

  /** Its subcommands (added by Cli, only those the arguments need: see CommandGroup). */
  private static final Map<String, Class<?>> SUBCOMMANDS = CommandGroup.inOrder(
      Map.entry("add", Add.class),
      Map.entry("list", ListProfiles.class),
      Map.entry("delete", Delete.class));

  @Override
  public Map<String, Class<?>> subcommands() {
    return SUBCOMMANDS;
  }

  /** {@code setwise profile add NAME [--unit kg|lb]}. */
  @Command(name = "add", description = "Create a profile.", mixinStandardHelpOptions = true)
  static final class Add implements Callable<Integer> {

    @ParentCommand
    ProfileCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Parameters(paramLabel = "NAME", description = "The profile's name (1 to 60 characters).")
    String name;

    @Option(names = "--unit", paramLabel = "kg|lb", description = "Weight unit for new plans (default: kg).",
        converter = UnitConverter.class)
    Unit unit = Unit.KG;

    @Override
    public Integer call() {
      try (AppContext context = database.openForAdministration(parent.root)) {
        Profile profile = context.profiles().create(name, unit);
        spec.commandLine().getOut().println("Created profile " + profile.name() + " (" + profile.unit().code() + ")");
      }
      return 0;
    }
  }

  /** {@code setwise profile list}: one profile per line, name and unit separated by a tab. */
  @Command(name = "list", description = "List profiles (name and unit, tab-separated).",
      mixinStandardHelpOptions = true)
  static final class ListProfiles implements Callable<Integer> {

    @ParentCommand
    ProfileCommand parent;

    @Spec
    CommandSpec spec;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
      try (AppContext context = database.openForAdministration(parent.root)) {
        List<Profile> profiles = context.profiles().list();
        PrintWriter out = spec.commandLine().getOut();
        for (Profile profile : profiles) {
          out.println(profile.name() + "\t" + profile.unit().code());
        }
        out.flush();
      }
      return 0;
    }
  }

  /**
   * {@code setwise profile delete NAME [--yes]}: deletes a profile and everything in it, after a
   * backup; never the last one. Without {@code --yes} it asks on the terminal, and refuses when there
   * is no terminal to ask on. Refused while the desktop app has the data folder open (it would go on
   * showing the profile): the app's Profile menu deletes it there. With {@code --database} it deletes
   * from that PostgreSQL database by the same rules, without a backup (Setwise makes none there),
   * which the confirmation says.
   */
  @Command(name = "delete", description = {"Delete a profile and everything in it (plans, sessions, tokens, "
      + "its activity log), after a backup. The last profile cannot be deleted.",
      "With --database, from that PostgreSQL database: no backup is made there."}, mixinStandardHelpOptions = true)
  static final class Delete implements Callable<Integer> {

    @ParentCommand
    ProfileCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The profile to delete.")
    String name;

    @Option(names = {"--yes", "-y"}, description = "Do not ask (also deletes a workout in progress).")
    boolean yes;

    @Mixin
    DatabaseOption database;

    @Override
    public Integer call() {
      SetwiseCommand root = parent.root;
      // On PostgreSQL the data folder holds only the logs: no lease, and the desktop app is not on it.
      AppContext onServer = root.openDatabaseServer(database.url, true);
      if (onServer == null) {
        FolderLease lease = root.lease(FolderLease.Kind.COMMAND);
        lease.otherHolder(FolderLease.Kind.APP).ifPresent(app -> {
          throw new ConflictException(app.describe(root.clock().getZone(), root.clock().instant())
              + " (or delete the profile from the app's Profile menu)");
        });
      }
      try (AppContext context = onServer != null ? onServer : root.openContext()) {
        boolean backedUp = !context.onDatabaseServer();
        Profile profile = context.profiles().findByName(name).orElseThrow(() -> new NotFoundException(
            "No profile is named \"" + name.strip() + "\""));
        ProfileContents contents = context.profiles().contents(profile.id());
        ProfileService.checkDeletable(contents, true);
        if (!yes) {
          Terminal terminal = root.terminal();
          if (!terminal.interactive()) {
            throw new ValidationException("Not deleted: deleting profile " + profile.name() + " (" + what(contents)
                + ") needs --yes when there is no terminal to confirm on");
          }
          String answer = terminal.ask("Delete profile " + profile.name() + " and everything in it (" + what(contents)
              + ")?" + (contents.workoutInProgress() ? " Its workout in progress is deleted too." : "")
              + (backedUp ? " A backup is made first. [y/N] "
                  : " No backup is made on PostgreSQL: this cannot be undone from Setwise. [y/N] "));
          if (answer == null || !List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT))) {
            spec.commandLine().getErr().println("setwise: Not deleted");
            spec.commandLine().getErr().flush();
            return 1;
          }
        }
        ProfileDeleted deleted = context.profiles().delete(profile.id(), true);
        spec.commandLine().getOut().println("Deleted profile " + profile.name() + " (" + what(contents) + ")"
            + (deleted.backup() != null ? "; the backup made before is " + deleted.backup().getFileName()
                : " from " + context.databaseName() + "; no backup was made (PostgreSQL)"));
      }
      return 0;
    }

    private static String what(ProfileContents contents) {
      return count(contents.plans(), "plan") + ", " + count(contents.sessions(), "session")
          + (contents.amendments() > 0 ? ", " + count(contents.amendments(), "amendment") : "");
    }

    private static String count(long n, String noun) {
      return n + " " + noun + (n == 1 ? "" : "s");
    }
  }
}
