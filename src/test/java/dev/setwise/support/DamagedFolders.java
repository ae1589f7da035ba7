package dev.setwise.support;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Session;
import dev.setwise.service.backup.BackupReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Data folders damaged the ways real ones get damaged: cut short, bits flipped in the header or in
 * a page, emptied, a {@code -wal} from another database beside the file, made by a newer Setwise,
 * not a database at all; and the state a crash leaves (the database with its own {@code -wal}).
 * Each starts from a real folder: a profile, a plan, a completed session and a backup, written by
 * the real services.
 */
public final class DamagedFolders {

  public static final String DB = AppContext.DATABASE_FILE;

  private DamagedFolders() {}

  /** A sound folder at {@code dir}: Alex, a plan "Strength A", one completed session, one manual backup. */
  public static Path sound(Path dir) {
    try (TestContext t = new TestContext(dir)) {
      fill(t);
      t.app.backups().create(BackupReason.MANUAL);
    }
    return dir;
  }

  private static void fill(TestContext t) {
    Profile alex = t.profile("Alex");
    var plan = t.plan(alex, "Strength A");
    Session session = t.app.sessions().start(alex.id(), plan.id(), null);
    t.clock.advance(Duration.ofMinutes(30));
    t.app.sessions().complete(alex.id(), session.id(),
        Structures.done(session.structure(), 0, 1, 5, 100, t.clock.instant()));
  }

  /**
   * A folder as a crash leaves it: its database and {@code -wal} copied while the app had written
   * {@code planName} and not yet checkpointed it.
   */
  public static Path crashedWithOwnWal(Path dir, Path scratch, String planName) {
    sound(dir);
    try (TestContext t = new TestContext(dir)) {
      t.plan(t.app.profiles().list().get(0), planName);
      copyLive(dir, scratch);
    }
    moveBack(scratch, dir);
    return dir;
  }

  /** Copies the database and its {@code -wal}/{@code -shm} as they are on disk now (the app still open). */
  private static void copyLive(Path from, Path to) {
    try {
      Files.createDirectories(to);
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Path file = from.resolve(DB + suffix);
        if (Files.exists(file)) {
          Files.copy(file, to.resolve(DB + suffix), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void moveBack(Path copies, Path dir) {
    try {
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(dir.resolve(DB + suffix));
        Path copy = copies.resolve(DB + suffix);
        if (Files.exists(copy)) {
          Files.move(copy, dir.resolve(DB + suffix));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A sound folder with, beside its database, the {@code -wal} another Setwise folder left in a
   * crash (after writing a plan of its own).
   */
  public static Path withForeignWal(Path dir, Path other, Path scratch) {
    sound(dir);
    try (TestContext t = new TestContext(dir)) {
      t.plan(t.app.profiles().list().get(0), "Only here");
    }
    crashedWithOwnWal(other, scratch, "From the other folder");
    try {
      Files.copy(other.resolve(DB + "-wal"), dir.resolve(DB + "-wal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir;
  }

  /** Cuts the database short at {@code bytes}. */
  public static void truncate(Path dir, long bytes) {
    try (var channel = java.nio.channels.FileChannel.open(dir.resolve(DB), java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flips every bit of {@code length} bytes at {@code offset}. */
  public static void flip(Path dir, long offset, int length) {
    try (var channel = java.nio.channels.FileChannel.open(dir.resolve(DB), java.nio.file.StandardOpenOption.READ,
        java.nio.file.StandardOpenOption.WRITE)) {
      ByteBuffer bytes = ByteBuffer.allocate(length);
      channel.read(bytes, offset);
      for (int i = 0; i < length; i++) {
        bytes.put(i, (byte) ~bytes.get(i));
      }
      bytes.rewind();
      channel.write(bytes, offset);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first page of the b-tree of {@code table} (1-based page number), read from the closed database. */
  public static long rootPage(Path dir, String table) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DB));
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT rootpage FROM sqlite_schema WHERE name = '" + table + "'")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Flips the header of page {@code page} (its b-tree page header) of the database. */
  public static void flipPage(Path dir, long page) {
    flip(dir, (page - 1) * 4096 + (page == 1 ? 100 : 0), 12);
  }

  /** Records a migration newer than this build knows, as a newer Setwise would have. */
  public static void fromNewerSetwise(Path dir, String version) {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(DB));
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
          + "checksum, installed_by, execution_time, success) VALUES (1000, '" + version + "', 'from the future', "
          + "'SQL', 'V" + version + "__from_the_future.sql', 0, 'setwise', 1, 1)");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The name and SHA-256 of every file in {@code dir} (not in its subfolders): to prove nothing changed. */
  public static Map<String, String> fingerprint(Path dir) {
    Map<String, String> prints = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        // The lock file and the migration lock are Setwise's own and carry no data.
        if (name.startsWith(DB) && !name.endsWith("-shm") && !name.endsWith(".migration-lock")) {
          prints.put(name, sha256(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return prints;
  }

  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
