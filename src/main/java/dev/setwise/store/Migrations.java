package dev.setwise.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/** The schema's Flyway migrations: which this build knows, and running the pending ones on a file. */
final class Migrations {

  private static final String LOCATION = "db/migration/sqlite";
  private static final Pattern SCRIPT = Pattern.compile("V([0-9][0-9_.]*)__.+\\.(sql|class)");

  private Migrations() {}

  /** The newest known, once read (empty until then). */
  private static final java.util.concurrent.atomic.AtomicReference<MigrationVersion> NEWEST =
      new java.util.concurrent.atomic.AtomicReference<>();

  /**
   * The newest migration this build carries (read once from the migrations' names on the class
   * path). Synchronised, not a holder class: the start-up warm-up reads it on a thread of its own
   * (docs/decisions/0059), and a failure there must not leave the class unusable for the real
   * open, which reports it.
   */
  static synchronized MigrationVersion newestKnown() {
    if (NEWEST.get() == null) {
      NEWEST.set(Known.scan());
    }
    return NEWEST.get();
  }

  private static final class Known {

    /**
     * The newest {@code V<version>__<description>.sql} (or Java migration's {@code .class}) under
     * {@code db/migration/sqlite}, from the file names alone: no Flyway and no database needed, so a database can be refused before anything
     * opens it.
     */
    private static MigrationVersion scan() {
      MigrationVersion newest = MigrationVersion.EMPTY;
      try {
        Enumeration<URL> roots = Migrations.class.getClassLoader().getResources(LOCATION);
        while (roots.hasMoreElements()) {
          for (String name : names(roots.nextElement())) {
            Matcher m = SCRIPT.matcher(name);
            if (m.matches()) {
              MigrationVersion version = MigrationVersion.fromVersion(m.group(1).replace('_', '.'));
              if (version.compareTo(newest) > 0) {
                newest = version;
              }
            }
          }
        }
      } catch (IOException | URISyntaxException e) {
        throw new IllegalStateException("Cannot list the migrations in " + LOCATION, e);
      }
      return newest;
    }

    private static List<String> names(URL root) throws IOException, URISyntaxException {
      List<String> names = new ArrayList<>();
      if ("jar".equals(root.getProtocol())) {
        JarURLConnection connection = (JarURLConnection) root.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
          jar.stream().map(JarEntry::getName).filter(n -> n.startsWith(LOCATION + "/"))
              .forEach(n -> names.add(n.substring(LOCATION.length() + 1)));
        }
      } else {
        try (Stream<Path> files = Files.list(Path.of(root.toURI()))) {
          files.forEach(file -> names.add(file.getFileName().toString()));
        }
      }
      return names;
    }
  }

  static Flyway flyway(String url) {
    return Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:" + LOCATION)
        .validateMigrationNaming(true)
        .cleanDisabled(true)
        .load();
  }

  /**
   * Runs the pending migrations of {@code file} under an exclusive lock file beside it, so two
   * processes never migrate at once; {@code beforeMigration} runs first when an existing database
   * has pending migrations.
   *
   * @throws StoreException when the lock, the hook or a migration fails
   */
  @SuppressWarnings("try") // the lock is held for the block, never read
  static void migrate(Path file, BeforeMigration beforeMigration) {
    Path lockFile = file.resolveSibling(file.getFileName() + ".migration-lock");
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = channel.lock()) {
      Flyway flyway = flyway(Connections.url(file));
      MigrationInfoService info = flyway.info();
      if (info.pending().length > 0 && info.applied().length > 0 && Files.size(file) > 0) {
        beforeMigration.run(file);
      }
      flyway.migrate();
    } catch (StoreException | dev.setwise.domain.StorageException e) {
      throw e;
    } catch (IOException e) {
      throw new StoreException("Could not lock the data folder for migration", e);
    } catch (Exception e) {
      throw new StoreException("Could not prepare the database " + file.getFileName(), e);
    }
  }
}
