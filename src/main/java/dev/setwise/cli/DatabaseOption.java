package dev.setwise.cli;

import dev.setwise.AppContext;
import picocli.CommandLine.Option;

/**
 * {@code --database URL}: the commands that administer a server ({@code serve}, {@code migrate},
 * {@code profile}, {@code token}) work on a PostgreSQL database instead of the data folder's
 * SQLite file when given one, here or in {@code SETWISE_DATABASE_URL}.
 */
final class DatabaseOption {

  @Option(names = "--database", paramLabel = "URL",
      description = {"A PostgreSQL database instead of the data folder's own: postgresql://HOST:PORT/DB?user=NAME "
          + "(default: $SETWISE_DATABASE_URL). The password comes from the URL, $SETWISE_DATABASE_PASSWORD "
          + "or ~/.pgpass; the data folder then holds only the logs."})
  String url;

  /** Opens the PostgreSQL database to administer when one is named, else the data folder's database. */
  AppContext openForAdministration(SetwiseCommand root) {
    AppContext server = root.openDatabaseServer(url, true);
    return server != null ? server : root.openContext();
  }
}
