package dev.setwise.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/** SQLite's native library, which sqlite-jdbc extracts from its jar and loads on the first connection. */
public final class SqliteLibrary {

  private SqliteLibrary() {}

  /**
   * The system property naming the folder where the library is kept between starts
   * ({@link NativeLibraryCache}); {@code Main} sets it to the user's cache folder. Unset or blank:
   * no cache, sqlite-jdbc extracts its library to a temporary file as it always does.
   */
  public static final String CACHE_PROPERTY = "setwise.sqlite.cache";

  /** Loads it now (see {@link dev.setwise.AppContext#loadSqlite()}); a failure is left for the first connection. */
  public static void load() {
    try {
      useCache();
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception ignored) {
      // the first connection tries again and says why it cannot
    }
  }

  /**
   * Points sqlite-jdbc at the cached copy of its library, when {@link #CACHE_PROPERTY} names a
   * cache and nobody chose a library already ({@code org.sqlite.lib.path}): it then loads that
   * file instead of extracting its library again and comparing it byte by byte with the jar's, and
   * finds its platform's folder without starting {@code uname}. When the cached file cannot be
   * loaded after all, sqlite-jdbc goes on to extract its own copy, as without a cache.
   */
  static void useCache() {
    String root = System.getProperty(CACHE_PROPERTY);
    if (root == null || root.isBlank() || System.getProperty("org.sqlite.lib.path") != null) {
      return;
    }
    try {
      java.security.CodeSource source = org.sqlite.SQLiteJDBCLoader.class.getProtectionDomain().getCodeSource();
      Path jar = source == null ? null : Path.of(source.getLocation().toURI());
      if (jar == null || !Files.isRegularFile(jar)) {
        return;
      }
      NativeLibraryCache cache = new NativeLibraryCache(Path.of(root), System.getProperty("os.name"),
          System.getProperty("os.arch"));
      Optional<String> recorded = cache.recordedEntry().filter(entry -> NativeLibraryCache.has(jar, entry));
      String entry = recorded.orElseGet(SqliteLibrary::platformEntry);
      Optional<Path> library = cache.library(jar, entry);
      if (library.isEmpty()) {
        return;
      }
      if (recorded.isEmpty()) {
        cache.record(entry);
      }
      // the name first: a connection that reads the two meanwhile sees the path only with its name
      System.setProperty("org.sqlite.lib.name", library.get().getFileName().toString());
      System.setProperty("org.sqlite.lib.path", library.get().getParent().toString());
    } catch (Exception | LinkageError ignored) {
      // sqlite-jdbc loads its library the usual way
    }
  }

  /** The jar entry of this platform's library, as sqlite-jdbc finds it (which may start {@code uname}). */
  private static String platformEntry() {
    String path = org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/"
        + org.sqlite.util.LibraryLoaderUtil.getNativeLibName();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  /**
   * Loads it, then runs once what opening a database file runs for the first time in a process
   * (docs/decisions/0059), on a database in memory: the driver's configuration (its date formats
   * among it), a connection, a kept statement (its proxy class) and a query, and the list of the
   * migrations this build has. No file is opened; a failure is left for the real work to report.
   */
  public static void warmUp() {
    load();
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(Connections.BUSY_TIMEOUT_MS);
    try (Connection connection = config.createConnection("jdbc:sqlite::memory:")) {
      KeptStatements statements = new KeptStatements(connection);
      try (PreparedStatement statement = statements.prepare("SELECT ?");
          ResultSet rows = bound(statement).executeQuery()) {
        rows.next();
        rows.getString(1);
      } finally {
        statements.closeAll();
      }
    } catch (Exception ignored) {
      // the real connection meets it again and says what it is
    }
    Migrations.newestKnown();
  }

  private static PreparedStatement bound(PreparedStatement statement) throws java.sql.SQLException {
    statement.setString(1, "warm");
    return statement;
  }
}
