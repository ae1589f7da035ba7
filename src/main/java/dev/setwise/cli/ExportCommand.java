package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.DamagedDataException;
import dev.setwise.service.Progress;
import dev.setwise.service.exchange.ExportResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
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
        context.exports().export(chosen.id(), stoppingOnError(stdout), Progress.NONE, Cancellation.none());
        stdout.println();
      } else {
        ExportResult result = context.exports().exportToFile(chosen.id(), out, Progress.NONE, Cancellation.none());
        stdout.println("Exported " + result.plans() + " plans and " + result.sessions() + " sessions of "
            + chosen.name() + " to " + result.file());
      }
      stdout.flush();
    } catch (DamagedDataException e) {
      throw new DamagedDataException(e.getMessage() + "; nothing was written"
          + (out == null ? "" : " to " + out), e.getCause() == null ? e : e.getCause());
    }
    return 0;
  }

  /**
   * {@code out} as a writer that throws once writing has failed ({@link PrintWriter} only keeps a
   * flag), so that an export to a full disk stops at the first block instead of reading on.
   */
  private static Writer stoppingOnError(PrintWriter out) {
    return new Writer() {
      @Override
      public void write(char[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        flush();
      }

      @Override
      public void flush() throws IOException {
        if (out.checkError()) {
          throw new IOException(Cli.outputFailed(out));
        }
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
