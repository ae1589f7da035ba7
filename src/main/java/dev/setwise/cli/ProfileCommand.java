package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Unit;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise profile add|list}. */
@Command(name = "profile", description = "Manage local profiles.", mixinStandardHelpOptions = true,
    subcommands = {ProfileCommand.Add.class, ProfileCommand.ListProfiles.class})
final class ProfileCommand extends GroupCommand {

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
}
