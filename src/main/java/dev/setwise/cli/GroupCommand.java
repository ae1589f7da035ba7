package dev.setwise.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A command that only groups subcommands ({@code profile}, {@code token}, {@code backup}): alone it shows its help. */
abstract class GroupCommand implements Callable<Integer>, CommandGroup {

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
