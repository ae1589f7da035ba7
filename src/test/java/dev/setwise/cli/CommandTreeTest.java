package dev.setwise.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line adds only the subcommand its arguments name (docs/decisions/0045); what it
 * prints must be what the whole tree prints: the same help, the same errors, the same output.
 */
class CommandTreeTest {

  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Cli.run(args, Map.of(), new PrintWriter(out), new PrintWriter(err), (data, console) -> {
      throw new AssertionError("the desktop app must not open");
    });
    return new Result(code, out.toString(), err.toString());
  }

  /** The whole tree, every command and subcommand added, as it was before they were added lazily. */
  private static CommandLine wholeTree() {
    CommandLine commandLine = new CommandLine(new SetwiseCommand(Map.of(), (data, console) -> 0, Terminal.system()));
    SetwiseCommand.COMMANDS.values().forEach(commandLine::addSubcommand);
    for (CommandLine command : commandLine.getSubcommands().values()) {
      if (command.getCommand() instanceof CommandGroup group) {
        group.subcommands().values().forEach(command::addSubcommand);
      }
    }
    return commandLine;
  }

  /** The groups and their subcommands' names, as the whole tree has them. */
  private static Map<String, List<String>> groups() {
    Map<String, List<String>> groups = new java.util.LinkedHashMap<>();
    wholeTree().getSubcommands().forEach((name, command) -> {
      if (!command.getSubcommands().isEmpty()) {
        groups.put(name, List.copyOf(command.getSubcommands().keySet()));
      }
    });
    return groups;
  }

  @Test
  void noOptionHasATypeWhoseBuiltInConverterMainLeavesOut() {
    List<String> excluded = List.of(Cli.UNUSED_CONVERTERS.split(","));
    List<CommandLine> commands = new ArrayList<>(List.of(wholeTree()));
    for (int i = 0; i < commands.size(); i++) {
      CommandLine command = commands.get(i);
      commands.addAll(command.getSubcommands().values());
      for (CommandLine.Model.ArgSpec arg : command.getCommandSpec().args()) {
        List<Class<?>> types = new ArrayList<>(List.of(arg.auxiliaryTypes()));
        types.add(arg.type());
        for (Class<?> type : types) {
          assertThat(excluded).as(command.getCommandName() + " " + arg + " of type " + type.getName())
              .noneMatch(type.getName()::matches);
        }
      }
    }
    assertThat(commands).hasSizeGreaterThan(20);
    assertThat(excluded).anyMatch("java.time.LocalDate"::matches).anyMatch("java.sql.Time"::matches)
        .noneMatch("java.nio.file.Path"::matches).noneMatch("java.lang.String"::matches);
  }

  @Test
  void everyCommandIsInTheTableUnderItsOwnName() {
    List<String> names = new ArrayList<>();
    SetwiseCommand.COMMANDS.forEach((name, type) -> {
      assertThat(type.getAnnotation(Command.class).name()).as(type.getSimpleName()).isEqualTo(name);
      names.add(name);
    });
    assertThat(names).containsExactly("profile", "serve", "token", "export", "import", "backup", "restore", "stats",
        "sync", "migrate");
  }

  @Test
  void everySubcommandIsInItsGroupsTableUnderItsOwnNameAndOnlyThere() {
    Map<String, List<String>> groups = groups();
    assertThat(groups).containsOnlyKeys("profile", "token", "backup", "stats", "sync");
    assertThat(groups.get("profile")).containsExactly("add", "list", "delete");
    for (String name : groups.keySet()) {
      Class<?> type = SetwiseCommand.COMMANDS.get(name);
      assertThat(type.getAnnotation(Command.class).subcommands()).as(name).isEmpty();
      CommandLine group = wholeTree().getSubcommands().get(name);
      ((CommandGroup) group.getCommand()).subcommands().forEach((subName, subType) ->
          assertThat(subType.getAnnotation(Command.class).name()).as(name + " " + subName).isEqualTo(subName));
    }
  }

  @Test
  void aGroupsHelpAndEverySubcommandsHelpAreTheWholeTreesHelpOfThem() {
    groups().forEach((group, subcommands) -> {
      // a group alone shows its help too, except sync, which syncs
      List<String[]> helps = group.equals("sync") ? List.<String[]>of(new String[] {group, "--help"})
          : List.of(new String[] {group, "--help"}, new String[] {group});
      for (String[] args : helps) {
        Result help = run(args);
        assertThat(help.code()).as(String.join(" ", args)).isZero();
        assertThat(help.out()).as(String.join(" ", args))
            .isEqualTo(wholeTree().getSubcommands().get(group).getUsageMessage());
      }
      for (String subcommand : subcommands) {
        Result help = run(group, subcommand, "--help");
        assertThat(help.code()).as(group + " " + subcommand).isZero();
        assertThat(help.out()).as(group + " " + subcommand)
            .isEqualTo(wholeTree().getSubcommands().get(group).getSubcommands().get(subcommand).getUsageMessage());
      }
    });
  }

  @Test
  void aMistypedOrIncompleteSubcommandIsStillTheErrorTheWholeTreeGives() {
    String data = dir.resolve("data").toString();
    for (String[] args : List.of(new String[] {"--data-dir", data, "profile", "lst"},
        new String[] {"--data-dir", data, "token", "list", "extra", "--nope"},
        new String[] {"--data-dir", data, "stats", "exercise"})) {
      String what = String.join(" ", args);
      CommandLine.ParameterException expected = org.junit.jupiter.api.Assertions.assertThrows(
          CommandLine.ParameterException.class, () -> wholeTree().parseArgs(args), what);

      Result lazily = run(args);

      assertThat(lazily.code()).as(what).isEqualTo(2);
      assertThat(lazily.out()).as(what).isEmpty();
      assertThat(lazily.err()).as(what).isEqualTo("setwise: "
          + expected.getMessage().strip().replaceAll("\\s*\\R\\s*", " ") + " (see 'setwise --help')\n");
    }
  }

  @Test
  void argumentsThatNameACommandNeedOnlyThatCommand() {
    assertThat(SetwiseCommand.commandsFor(new String[] {"profile", "list"})).containsExactly(ProfileCommand.class);
    assertThat(SetwiseCommand.commandsFor(new String[] {"--data-dir", "/d", "export", "-o", "x"}))
        .containsExactly(ExportCommand.class);
    assertThat(SetwiseCommand.commandsFor(new String[] {"--data-dir=/d", "stats", "records"}))
        .containsExactly(StatsCommand.class);
  }

  @Test
  void onlyTheArgumentAfterAPlainlyNamedCommandMayNameASubcommand() {
    assertThat(SetwiseCommand.argumentAfterCommand(new String[] {"--data-dir", "/d", "profile", "list"}))
        .isEqualTo("list");
    assertThat(SetwiseCommand.argumentAfterCommand(new String[] {"profile"})).isNull();
    assertThat(SetwiseCommand.argumentAfterCommand(new String[] {"profil", "list"})).isNull();
    assertThat(SetwiseCommand.argumentAfterCommand(new String[0])).isNull();
  }

  @Test
  void noCommandNeedsNoneAndAnythingUnclearNeedsAll() {
    assertThat(SetwiseCommand.commandsFor(new String[0])).isEmpty();
    assertThat(SetwiseCommand.commandsFor(new String[] {"--data-dir", "profile"})).isEmpty();
    for (String[] unclear : List.of(new String[] {"--help"}, new String[] {"-V"}, new String[] {"profil", "list"},
        new String[] {"@args.txt"}, new String[] {"--data-dir"}, new String[] {"--unknown", "profile"},
        new String[] {"-h", "profile"})) {
      assertThat(SetwiseCommand.commandsFor(unclear)).as(String.join(" ", unclear))
          .containsExactlyElementsOf(SetwiseCommand.COMMANDS.values());
    }
  }

  @Test
  void helpListsEveryCommandAsTheWholeTreeDoes() {
    Result help = run("--help");

    assertThat(help.code()).isZero();
    assertThat(help.out()).isEqualTo(wholeTree().getUsageMessage());
    for (String name : SetwiseCommand.COMMANDS.keySet()) {
      assertThat(help.out()).contains("  " + name + " ");
    }
  }

  @Test
  void aCommandsHelpIsTheWholeTreesHelpOfIt() {
    for (String name : SetwiseCommand.COMMANDS.keySet()) {
      Result help = run(name, "--help");

      assertThat(help.code()).as(name).isZero();
      assertThat(help.out()).as(name).isEqualTo(wholeTree().getSubcommands().get(name).getUsageMessage());
    }
  }

  @Test
  void aMistypedCommandIsStillAUsageErrorNamingIt() {
    Result typo = run("--data-dir", dir.resolve("data").toString(), "profil", "list");

    assertThat(typo.code()).isEqualTo(2);
    assertThat(typo.out()).isEmpty();
    assertThat(typo.err()).startsWith("setwise: ").contains("'profil'").endsWith("(see 'setwise --help')\n");
  }

  @Test
  void aCommandAddedAloneStillReachesItsParent() {
    String data = dir.resolve("data").toString();

    Result added = run("--data-dir", data, "profile", "add", "Alex");
    Result listed = run("--data-dir", data, "profile", "list");

    assertThat(added).isEqualTo(new Result(0, "Created profile Alex (kg)\n", ""));
    assertThat(listed).isEqualTo(new Result(0, "Alex\tkg\n", ""));
  }
}
