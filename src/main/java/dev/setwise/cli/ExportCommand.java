package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ExportResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise export [--profile NAME] [--out FILE]}. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "Write a profile's plans and sessions as versioned JSON (to stdout unless --out is given).")
final class ExportCommand implements Callable<Integer> {

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "The profile to export (needed when there are several).")
  String profile;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write to FILE (replaced in one step when complete) instead of stdout.")
  Path out;

  @Override
  public Integer call() {
    try (AppContext context = root.openContext()) {
      Profile chosen = context.exports().chooseProfile(profile);
      PrintWriter stdout = spec.commandLine().getOut();
      if (out == null) {
        context.exports().export(chosen.id(), stdout, Progress.NONE, Cancellation.none());
        stdout.println();
      } else {
        ExportResult result = context.exports().exportToFile(chosen.id(), out, Progress.NONE, Cancellation.none());
        stdout.println("Exported " + result.plans() + " plans and " + result.sessions() + " sessions of "
            + chosen.name() + " to " + result.file());
      }
      stdout.flush();
    }
    return 0;
  }
}
