package dev.setwise.cli;

import dev.setwise.AppContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code setwise migrate [--database URL]}: brings the database to this build's schema and says
 * which version it is at. Every other command migrates too when it opens the database; this one
 * does only that, so a server's database can be prepared before any instance starts.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
    description = "Apply the pending schema migrations and print the schema version.")
final class MigrateCommand implements Callable<Integer> {

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Mixin
  DatabaseOption database;

  @Override
  public Integer call() {
    try (AppContext context = database.openForAdministration(root)) {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Database " + context.databaseName() + " is at schema version " + context.schemaVersion());
      out.flush();
    }
    return 0;
  }
}
