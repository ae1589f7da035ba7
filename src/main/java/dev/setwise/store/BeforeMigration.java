package dev.setwise.store;

import java.nio.file.Path;

/** Called with the database file before pending migrations change an existing database (e.g. a backup). */
@FunctionalInterface
public interface BeforeMigration {

  BeforeMigration NOTHING = file -> { };

  void run(Path databaseFile) throws Exception;
}
