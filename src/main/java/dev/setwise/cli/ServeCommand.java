package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.Version;
import dev.setwise.api.ApiServer;
import dev.setwise.domain.StorageException;
import dev.setwise.service.folder.FolderLease;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code setwise serve [--host H] [--port P]}: serves the REST API on the data folder until the
 * process is stopped (Ctrl+C, SIGTERM). The URL goes to stdout and to the log; stopping lets
 * requests in flight finish, then closes the database, and the process exits 0: a stop that was
 * asked for is a success. A shutdown hook still closes everything when the JVM ends otherwise.
 * The server holds a lease on the folder (so a restore is refused while it runs) and checks the
 * database ({@code quick_check}) before it listens: a damaged database is not served.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {"Serve the REST API (under /api) until stopped with Ctrl+C or SIGTERM.",
        "Clients authenticate with a token from 'setwise token create'.",
        "With --database, several instances can serve one PostgreSQL database."})
final class ServeCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand
  SetwiseCommand root;

  @Spec
  CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, this computer only; 0.0.0.0 for every network).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
      description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin
  DatabaseOption database;

  @Override
  public Integer call() {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
    }
    if (host == null || host.isBlank()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--host must not be empty");
    }
    // On PostgreSQL the data folder holds only the logs: no lease, no file to check.
    AppContext onServer = root.openDatabaseServer(database.url, false);
    AppContext context = onServer != null ? onServer : root.openContext(FolderLease.Kind.SERVE);
    ApiServer server;
    try {
      if (!context.onDatabaseServer()) {
        refuseDamaged(context);
      }
      if (context.readOnly()) {
        LOG.warn("The disk holding {} is full: serving reads only, every write answers 500", context.dataDir());
      }
      server = ApiServer.start(new ApiServer.Services(context.sessions(), context.plans(), context.audit(),
          context.tokens(), context.idempotency(), context.changes(), Version.current(), context::databaseProblem),
          host.strip(), port);
    } catch (ApiServer.StartException e) {
      context.close();
      spec.commandLine().getErr().println("setwise: " + e.getMessage());
      spec.commandLine().getErr().flush();
      return 1;
    } catch (RuntimeException e) {
      context.close();
      throw e;
    }
    Thread shutdown = new Thread(() -> {
      server.stop();
      context.close();
      root.close();
      LOG.info("Shut down");
    }, "setwise-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    StopSignals.onStop(server::stop);

    PrintWriter out = spec.commandLine().getOut();
    out.println("Setwise API listening on " + server.url() + (context.onDatabaseServer()
        ? " (database " + context.databaseName() + ", logs in " + context.dataDir() + ")"
        : " (data folder " + context.dataDir() + ")"));
    out.println("Press Ctrl+C to stop.");
    if (out.checkError()) {
      // whoever started the server (a script waiting for the URL of --port 0) cannot learn where it is
      Runtime.getRuntime().removeShutdownHook(shutdown);
      server.stop();
      context.close();
      throw new OutputException(Cli.outputFailed(out) + ": could not say where the server listens, so it stopped");
    }
    if (!isLoopback(host.strip())) {
      LOG.warn("Listening on {}: reachable from other computers over plain HTTP; use it on a trusted network only",
          server.url());
    }
    // SIGTERM or Ctrl+C stops the server (StopSignals); this thread waits for that, then closes.
    server.awaitStop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdown);
    } catch (IllegalStateException shuttingDown) {
      return 0; // the JVM is exiting for another reason: the hook closes the database
    }
    context.close();
    LOG.info("Shut down");
    return 0;
  }

  /** A damaged database is not served: {@code quick_check} first (it reads every page once). */
  private static void refuseDamaged(AppContext context) {
    Optional<String> damage = context.backups().checkDatabase();
    if (damage.isPresent()) {
      throw new StorageException(StorageException.Reason.DAMAGED, damage.get() + "; Setwise does not serve it");
    }
  }

  private static boolean isLoopback(String host) {
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1") || host.equals("[::1]");
  }
}
