package dev.setwise.store;

/** SQLite's native library, which sqlite-jdbc extracts from its jar and loads on the first connection. */
public final class SqliteLibrary {

  private SqliteLibrary() {}

  /** Loads it now (see {@link dev.setwise.AppContext#loadSqlite()}); a failure is left for the first connection. */
  public static void load() {
    try {
      org.sqlite.SQLiteJDBCLoader.initialize();
    } catch (Exception ignored) {
      // the first connection tries again and says why it cannot
    }
  }
}
