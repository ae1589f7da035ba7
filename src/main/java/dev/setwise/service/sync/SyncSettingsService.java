package dev.setwise.service.sync;

import dev.setwise.domain.Problem;
import dev.setwise.domain.ValidationException;
import dev.setwise.domain.sync.SyncOutcome;
import dev.setwise.domain.sync.SyncSettings;
import dev.setwise.store.Database;
import dev.setwise.store.SyncConflictRepository;
import dev.setwise.store.SyncRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether and with which server a profile syncs (contract §5.2): set up, off, status, and the token,
 * which is kept in {@code sync/<profile id>.token} in the data folder, readable and writable by its
 * owner only (mode 0600 where the file system has POSIX permissions, in a folder of mode 0700), and
 * never in the database, a log or a message.
 *
 * <p>Each method is one transaction; call from any thread but the JavaFX application thread. The
 * server itself is checked by the sync client before {@link #setUp}; this service only remembers.
 */
public final class SyncSettingsService {

  private static final Logger LOG = LoggerFactory.getLogger(SyncSettingsService.class);
  /** The folder of the data folder that holds the token files. */
  public static final String FOLDER = "sync";

  private final Database database;
  private final SyncRepository sync;
  private final SyncConflictRepository conflicts;
  private final Path folder;
  private final Clock clock;

  public SyncSettingsService(Database database, SyncRepository sync, SyncConflictRepository conflicts, Path dataDir,
      Clock clock) {
    this.database = database;
    this.sync = sync;
    this.conflicts = conflicts;
    this.folder = dataDir.resolve(FOLDER);
    this.clock = clock;
  }

  /**
   * A server's base URL as sync keeps it: {@code http} or {@code https}, a host, an optional port,
   * no trailing slash (a trailing {@code /api} is dropped too, since the API lives there anyway).
   * Pure; any thread.
   *
   * @throws ValidationException {@code Invalid server URL} with what is wrong
   */
  public static String normalizeServerUrl(String text) {
    String value = text == null ? "" : text.strip();
    if (!value.contains("://")) {
      throw badUrl("must start with http:// or https://");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw badUrl("is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw badUrl("must start with http:// or https://");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw badUrl("must name a host, such as http://192.168.1.20:8080");
    }
    if (uri.getRawUserInfo() != null) {
      throw badUrl("must not hold a user name or password (give the token with --token)");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw badUrl("must not have a query or a fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.endsWith("/api")) {
      path = path.substring(0, path.length() - 4);
    }
    String lower = uri.getHost().toLowerCase(Locale.ROOT);
    String host = lower.contains(":") && !lower.startsWith("[") ? "[" + lower + "]" : lower;
    String normalized = scheme + "://" + host + (uri.getPort() >= 0 ? ":" + uri.getPort() : "") + path;
    if (normalized.length() > 2000) {
      throw badUrl("is too long");
    }
    return normalized;
  }

  /**
   * Every profile that has sync set up (each with its own server, token and cursor), oldest set-up
   * first. One read transaction; any thread but the JavaFX application thread.
   */
  public List<UUID> profilesThatSync() {
    return database.read(sync::syncingProfiles);
  }

  /** The profile's sync settings; empty when sync is off. One read transaction. */
  public Optional<SyncSettings> settings(UUID profileId) {
    return database.read(tx -> sync.settings(tx, profileId));
  }

  /**
   * Remembers the server and token for the profile. With the server it already syncs with, only the
   * token changes and everything sync knows stays. With another server (or none before), sync
   * starts over: every plan and session of the profile is queued to be sent, in order (plans
   * first), and the whole change feed of the server will be read; nothing local is changed.
   *
   * @param serverUrl as {@link #normalizeServerUrl} returns it
   * @throws UncheckedIOException when the token file cannot be written
   */
  public void setUp(UUID profileId, String serverUrl, SyncToken token) {
    String url = normalizeServerUrl(serverUrl);
    writeToken(profileId, token);
    database.write(tx -> {
      Optional<SyncSettings> current = sync.settings(tx, profileId);
      if (current.isPresent() && current.get().serverUrl().equals(url)) {
        return null;
      }
      sync.forget(tx, profileId);
      sync.insertSettings(tx, profileId, url, clock.instant());
      sync.enqueueEverything(tx, profileId, clock.instant());
      return null;
    });
    LOG.info("Sync set up for profile {} with {}", profileId, url);
  }

  /**
   * Forgets the server for the profile: settings, token file, outbox, conflicts, everything sync
   * knew. Plans and sessions stay as they are.
   *
   * @return false when sync was not set up for it
   */
  public boolean off(UUID profileId) {
    boolean wasOn = database.write(tx -> {
      boolean on = sync.settings(tx, profileId).isPresent();
      sync.forget(tx, profileId);
      return on;
    });
    try {
      Files.deleteIfExists(tokenFile(profileId));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not remove the token file", e);
    }
    LOG.info("Sync turned off for profile {}", profileId);
    return wasOn;
  }

  /**
   * Removes the profile's token file, if any; for a profile that was deleted (its rows of sync went
   * with it). A file that cannot be removed is logged, not thrown: the deletion has happened.
   * Touches the disk: any thread but the JavaFX application thread.
   */
  public void forgetToken(UUID profileId) {
    try {
      Files.deleteIfExists(tokenFile(profileId));
    } catch (IOException e) {
      LOG.warn("Could not remove the sync token file of deleted profile {}: {}", profileId, e.toString());
    }
  }

  /** The profile's token; empty when none is stored. */
  public Optional<SyncToken> token(UUID profileId) {
    Path file = tokenFile(profileId);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(SyncToken.of(Files.readString(file, StandardCharsets.US_ASCII)));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the token file", e);
    } catch (ValidationException e) {
      return Optional.empty();
    }
  }

  /** Where the profile's token is kept (the file may not exist). */
  public Path tokenFile(UUID profileId) {
    return folder.resolve(profileId + ".token");
  }

  /**
   * Notes how a sync of the profile ended, and why when it did not succeed ({@code error} one line,
   * null for none). {@link SyncOutcome#SYNCED} makes now the "last successful sync".
   */
  public void recordAttempt(UUID profileId, SyncOutcome outcome, String error) {
    database.write(tx -> {
      sync.recordAttempt(tx, profileId, clock.instant(), outcome, error == null ? null : shorten(error));
      return null;
    });
  }

  /** Settings, waiting changes, open conflicts and refused changes, read in one transaction. */
  public SyncStatus status(UUID profileId) {
    return database.read(tx -> new SyncStatus(sync.settings(tx, profileId), sync.outboxSize(tx, profileId),
        conflicts.open(tx, profileId), sync.failed(tx, profileId)));
  }

  private void writeToken(UUID profileId, SyncToken token) {
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    try {
      if (posix) {
        if (!Files.isDirectory(folder)) {
          Files.createDirectories(folder,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      } else {
        Files.createDirectories(folder);
      }
      Path temp = posix
          ? Files.createTempFile(folder, ".token-", ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
          : Files.createTempFile(folder, ".token-", ".tmp");
      try {
        if (!posix) {
          ownerOnly(temp);
        }
        Files.writeString(temp, token.reveal(), StandardCharsets.US_ASCII);
        try {
          Files.move(temp, tokenFile(profileId), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, tokenFile(profileId), StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the token file in " + folder, e);
    }
  }

  /** Without POSIX permissions (Windows): readable and writable by the owner only, as far as java.io can say. */
  private static void ownerOnly(Path file) {
    java.io.File f = file.toFile();
    boolean ok = f.setReadable(false, false) & f.setReadable(true, true)
        & f.setWritable(false, false) & f.setWritable(true, true);
    if (!ok) {
      LOG.warn("Could not restrict the permissions of the token file");
    }
  }

  private static String shorten(String text) {
    String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.length() <= 500 ? line : line.substring(0, 499) + "…";
  }

  private static ValidationException badUrl(String why) {
    return new ValidationException("Invalid server URL", List.of(new Problem("server", why)));
  }
}
