package dev.setwise.ui.data;

import dev.setwise.AppContext;
import dev.setwise.service.backup.BackupException;
import dev.setwise.service.backup.BackupService;
import dev.setwise.service.backup.RestoreResult;
import dev.setwise.service.folder.FolderBusyException;
import dev.setwise.service.folder.FolderLease;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder the app works on, the app's lease on it and the {@link AppContext} open on it.
 * Restoring a backup needs the folder to itself and the database closed, so the context is
 * replaced by a new one: {@link #restore} (off the FX thread, with nothing else running) takes the
 * folder to itself (refusing while another Setwise holds it), closes the context, restores and
 * opens the folder again, and {@link #adopt} (on the FX thread) publishes the new context, which
 * the app rebuilds its window on. One per app; nothing static.
 */
public final class DataFolder implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DataFolder.class);

  /** Opens a data folder (the app: {@code AppContext.open(dir)}; tests pass their clock). */
  @FunctionalInterface
  public interface Opener {
    AppContext open(Path dataDir);
  }

  /**
   * What a restore left open.
   *
   * @param context the context now open on the folder (a new one, also when the restore failed)
   * @param result what was restored, or null when the restore failed
   * @param failure why the restore failed (the old database is open again), or null
   */
  public record Swap(AppContext context, RestoreResult result, RuntimeException failure) {}

  private final Path dir;
  private final FolderLease lease;
  private final Opener opener;
  private volatile AppContext current;
  private volatile boolean lost;
  private final ReadOnlyObjectWrapper<AppContext> published = new ReadOnlyObjectWrapper<>(this, "context");

  /**
   * Wraps {@code context}, already open on its data folder under {@code lease} (which this folder
   * gives up when it closes); {@code opener} opens it again after a restore.
   */
  public DataFolder(AppContext context, FolderLease lease, Opener opener) {
    this.dir = context.dataDir();
    this.lease = Objects.requireNonNull(lease, "lease");
    this.opener = Objects.requireNonNull(opener, "opener");
    this.current = context;
    this.published.set(context);
  }

  /** {@link #DataFolder(AppContext, FolderLease, Opener)} taking a lease of its own on the context's folder. */
  public DataFolder(AppContext context, Opener opener) {
    this(context, FolderLease.acquire(context.dataDir(), FolderLease.Kind.APP, null, context.clock()), opener);
  }

  public Path dir() {
    return dir;
  }

  /** The context open now (any thread). */
  public AppContext context() {
    return current;
  }

  /** The context the window shows; changes on the FX thread when a restore is adopted. */
  public ReadOnlyObjectProperty<AppContext> contextProperty() {
    return published.getReadOnlyProperty();
  }

  /** The backups of the folder. */
  public BackupService backups() {
    return current.backups();
  }

  /**
   * Replaces the database with {@code backup}. Blocking, on a background thread, with nothing else
   * using the database ({@code BackgroundTasks.exclusive}). The backup is checked first, while
   * everything is still open: a damaged or foreign file changes nothing and throws; so does another
   * Setwise holding the folder ({@code setwise serve}, a command). Then the context is closed, the
   * backup restored (the current database backed up and set aside) and the folder opened again.
   * When the restore itself fails, the old database is opened again and the failure is in the
   * {@link Swap}. When the restored database cannot be opened, the one it replaced is put back.
   *
   * @throws BackupException when the backup is missing or fails its check (nothing was closed)
   * @throws FolderBusyException when another process holds the folder (nothing was closed; the
   *     message names it)
   * @throws IllegalStateException when the folder cannot be opened at all afterwards
   */
  public Swap restore(Path backup) {
    AppContext old = current;
    BackupService backups = old.backups();
    Path file = Files.isRegularFile(backup) ? backup : backups.folder().resolve(backup.toString());
    if (!Files.isRegularFile(file)) {
      throw new BackupException("There is no backup file " + backup.getFileName());
    }
    String problem = backups.verify(file);
    if (problem != null) {
      throw new BackupException("Cannot restore " + file.getFileName() + ": " + problem
          + ". Nothing was changed.");
    }
    RestoreResult result = null;
    RuntimeException failure = null;
    try (FolderLease.Exclusive alone = lease.replacing()) {
      old.close();
      try {
        result = AppContext.backupsOf(dir, old.clock()).restore(file, alone);
      } catch (RuntimeException e) {
        LOG.error("Restoring {} failed; opening the current database again", file, e);
        failure = e;
      }
    }
    AppContext next;
    try {
      next = opener.open(dir);
    } catch (RuntimeException e) {
      if (result == null || result.setAside() == null) {
        lost = true;
        throw new IllegalStateException("The data folder cannot be opened again", e);
      }
      LOG.error("The restored database does not open; putting back the one it replaced", e);
      next = putBack(result, e);
      result = null;
      failure = new BackupException("The restored backup could not be opened, so your data was put back as it was", e);
    }
    current = next;
    return new Swap(next, result, failure);
  }

  /** Restores the database a restore set aside, after the restored one failed to open. */
  private AppContext putBack(RestoreResult failed, RuntimeException why) {
    try (FolderLease.Exclusive alone = lease.replacing()) {
      AppContext.backupsOf(dir, current.clock()).restore(failed.setAside(), alone);
    } catch (RuntimeException again) {
      again.addSuppressed(why);
      lost = true;
      throw new IllegalStateException("The data folder cannot be opened again", again);
    }
    try {
      return opener.open(dir);
    } catch (RuntimeException again) {
      again.addSuppressed(why);
      lost = true;
      throw new IllegalStateException("The data folder cannot be opened again", again);
    }
  }

  /** True when a restore closed the database and nothing could be opened again: the app must restart. */
  public boolean lost() {
    return lost;
  }

  /** Publishes the context a restore opened (call on the FX thread with the restore's result). */
  public void adopt(Swap swap) {
    published.set(swap.context());
  }

  /** The app's lease on the folder (contexts opened again after a restore open under it). */
  public FolderLease lease() {
    return lease;
  }

  /** Closes the context open now, then gives up the lease. */
  @Override
  public void close() {
    try {
      current.close();
    } finally {
      lease.close();
    }
  }
}
