package dev.setwise.service.folder;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's claim on a data folder. Every Setwise process that opens a folder (the app,
 * {@code serve}, a command) holds a shared lease for as long as it may use the database; anything
 * that replaces the database needs the folder to itself ({@link #exclusive}, {@link #replacing})
 * and is refused, with one line naming a holder, while anyone else has a lease.
 *
 * <p>How: operating-system byte-range locks on {@code setwise.lock} in the folder, which the
 * system drops when a process ends, however it ends. A shared holder locks one byte of its own
 * (shared) at a random offset; replacing locks the whole file exclusively, which fails while any
 * byte is held by anyone. Byte 0 is a gate held (exclusively, briefly) while a process opens the
 * database, so that two processes starting together agree on whether a leftover {@code -wal} is
 * anybody's. Each holder also writes who it is to {@code .leases/} (see {@link FolderHolder}): the
 * locks say whether someone holds the folder, the records say who.
 *
 * <p>Races: two restores both try the exclusive lock; the system grants it to one. A process
 * starting while a restore runs waits (up to {@value #WAIT_SECONDS} s) for its shared byte, then
 * opens the restored database. A restore starting while a process opens fails on the gate.
 *
 * <p>One lease per folder per process: on POSIX systems closing any channel on the lock file
 * drops every lock the process holds on it. Thread-safe.
 */
public final class FolderLease implements AutoCloseable {

  /** What holds a lease. */
  public enum Kind {
    /** The desktop app. */
    APP,
    /** {@code setwise serve}. */
    SERVE,
    /** Any other command. */
    COMMAND,
    /** Something replacing the database ({@code setwise restore}, the app's restore). */
    RESTORE
  }

  /** The lock file in a data folder. */
  public static final String LOCK_FILE = "setwise.lock";
  /** Where holders say who they are. */
  public static final String RECORDS = ".leases";
  static final long WAIT_SECONDS = 60;

  private static final Logger LOG = LoggerFactory.getLogger(FolderLease.class);
  private static final long GATE = 0;
  private static final long FIRST_SLOT = 1;
  private static final long SLOTS = 1L << 62;
  private static final Duration POLL = Duration.ofMillis(25);

  private final Path dir;
  private final Clock clock;
  /** Null when the lock file cannot be opened (a read-only or full disk): the lease then holds nothing. */
  private final FileChannel channel;
  private final FolderHolder self;
  private final long slot;
  private FileLock slotLock;
  private Path record;
  private boolean closed;

  private FolderLease(Path dir, Clock clock, FileChannel channel, FolderHolder self, long slot) {
    this.dir = dir;
    this.clock = clock;
    this.channel = channel;
    this.self = self;
    this.slot = slot;
  }

  /**
   * Takes a shared lease on {@code dataDir} (which must exist). Waits while a restore replaces the
   * database. When the lock file cannot be created (a full or read-only disk) the lease holds
   * nothing and says so in the log: reading must still work there.
   *
   * @param label the command, for {@link Kind#COMMAND} ("setwise export"); null otherwise
   * @throws FolderBusyException when a restore still holds the folder after the wait
   */
  public static FolderLease acquire(Path dataDir, Kind kind, String label, Clock clock) {
    FolderHolder self = FolderHolder.current(kind, label, clock.instant());
    FileChannel channel = openLockFile(dataDir);
    if (channel == null) {
      return new FolderLease(dataDir, clock, null, self, -1);
    }
    long slot = FIRST_SLOT + ThreadLocalRandom.current().nextLong(SLOTS - 2);
    FolderLease lease = new FolderLease(dataDir, clock, channel, self, slot);
    try {
      synchronized (lease) {
        lease.slotLock = lease.waitFor(lease.slot, true, "use");
        lease.record = lease.writeRecordQuietly();
      }
      lease.removeStaleRecords(false);
      return lease;
    } catch (RuntimeException e) {
      lease.close();
      throw e;
    }
  }

  /**
   * Holds the folder to itself for {@code kind} (a restore), for as long as the returned handle is
   * open; refuses at once when anyone else holds it.
   *
   * @throws FolderBusyException naming who holds the folder
   */
  public static Exclusive exclusive(Path dataDir, Kind kind, String label, Clock clock) {
    FolderHolder self = FolderHolder.current(kind, label, clock.instant());
    FileChannel channel = openLockFile(dataDir);
    if (channel == null) {
      throw new FolderBusyException("Cannot lock the data folder " + dataDir + " (its lock file " + LOCK_FILE
          + " cannot be created)", null);
    }
    FolderLease lease = new FolderLease(dataDir, clock, channel, self, -1);
    synchronized (lease) {
      FileLock whole = lease.tryLock(0, Long.MAX_VALUE, false);
      if (whole == null) {
        FolderBusyException busy = lease.busy();
        lease.close();
        throw busy;
      }
      lease.slotLock = whole;
      lease.record = lease.writeRecordQuietly();
    }
    lease.removeStaleRecords(true);
    return new Exclusive(lease, lease::close);
  }

  /**
   * Runs {@code work} (opening the database) while holding the gate, telling it whether any other
   * process holds the folder: when none does, a leftover {@code -wal} is nobody's and must be
   * checked before SQLite applies it.
   */
  public <T> T whileOpening(OpenWork<T> work) {
    FileLock gate;
    synchronized (this) {
      ensureOpen();
      gate = channel == null ? null : waitFor(GATE, false, "open");
    }
    try {
      return work.open(!othersHold());
    } finally {
      release(gate);
    }
  }

  /** The database opening that {@link #whileOpening} runs. */
  @FunctionalInterface
  public interface OpenWork<T> {
    T open(boolean folderToItself);
  }

  /** True when a process other than this lease's holder has a lease on the folder now. */
  public synchronized boolean othersHold() {
    if (channel == null || closed) {
      return false;
    }
    FileLock below = tryLock(FIRST_SLOT, slot - FIRST_SLOT, false);
    FileLock above = below == null ? null : tryLock(slot + 1, Long.MAX_VALUE - slot - 1, false);
    boolean free = below != null && above != null;
    release(below);
    release(above);
    return !free;
  }

  /**
   * A live process other than this one that holds the folder as {@code kind} (the desktop app, say),
   * as its record says, newest first; empty when there is none.
   */
  public synchronized Optional<FolderHolder> otherHolder(Kind kind) {
    if (closed || !othersHold()) {
      return Optional.empty();
    }
    return otherHolders().stream().filter(holder -> holder.kind() == kind).findFirst();
  }

  /**
   * Takes the folder to itself for a restore by this lease's own process (the app's restore), for
   * as long as the returned handle is open; closing it takes the shared lease back.
   *
   * @throws FolderBusyException naming who else holds the folder (nothing was changed)
   */
  public synchronized Exclusive replacing() {
    ensureOpen();
    if (channel == null) {
      throw new FolderBusyException("Cannot lock the data folder " + dir + " (its lock file " + LOCK_FILE
          + " cannot be created)", null);
    }
    if (othersHold()) {
      throw busy();
    }
    release(slotLock);
    slotLock = null;
    FileLock whole = tryLock(0, Long.MAX_VALUE, false);
    if (whole == null) {
      slotLock = waitFor(slot, true, "use");
      throw busy();
    }
    return new Exclusive(this, () -> {
      synchronized (this) {
        release(whole);
        slotLock = waitFor(slot, true, "use");
      }
    });
  }

  public Path dataDir() {
    return dir;
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    release(slotLock);
    if (record != null) {
      try {
        Files.deleteIfExists(record);
      } catch (IOException e) {
        LOG.warn("Could not remove {}", record, e);
      }
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        LOG.warn("Could not close {}", dir.resolve(LOCK_FILE), e);
      }
    }
  }

  /** A hold of the folder to oneself; closing it lets others in again. */
  public static final class Exclusive implements AutoCloseable {

    private final FolderLease lease;
    private final Runnable release;
    private boolean released;

    private Exclusive(FolderLease lease, Runnable release) {
      this.lease = lease;
      this.release = release;
    }

    public Path dataDir() {
      return lease.dir;
    }

    @Override
    public void close() {
      if (!released) {
        released = true;
        release.run();
      }
    }
  }

  private static FileChannel openLockFile(Path dataDir) {
    try {
      return FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("Cannot open {}: this process holds no lease on the folder", dataDir.resolve(LOCK_FILE), e);
      return null;
    }
  }

  /** Tries a lock; null when anyone (this process included, through another lease) holds an overlapping one. */
  private FileLock tryLock(long position, long size, boolean shared) {
    if (size <= 0) {
      return null;
    }
    try {
      return channel.tryLock(position, size, shared);
    } catch (OverlappingFileLockException e) {
      return null;
    } catch (IOException e) {
      throw new FolderBusyException("Cannot lock the data folder " + dir + " (" + e.getMessage() + ")", e);
    }
  }

  private FileLock waitFor(long position, boolean shared, String what) {
    long deadline = System.nanoTime() + Duration.ofSeconds(WAIT_SECONDS).toNanos();
    while (true) {
      FileLock lock = tryLock(position, 1, shared);
      if (lock != null) {
        return lock;
      }
      if (System.nanoTime() > deadline) {
        LOG.warn("Waited {} s to {} the data folder {}", WAIT_SECONDS, what, dir);
        throw busy();
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FolderBusyException("Interrupted while waiting for the data folder " + dir, e);
      }
    }
  }

  private static void release(FileLock lock) {
    if (lock != null && lock.isValid()) {
      try {
        lock.release();
      } catch (IOException e) {
        LOG.warn("Could not release a lock on the data folder", e);
      }
    }
  }

  /** Says who holds the lease; a folder that cannot take the record (a full disk) still works. */
  private Path writeRecordQuietly() {
    Path records = dir.resolve(RECORDS);
    Path file = records.resolve(self.pid() + "-" + Long.toHexString(slot < 0 ? System.nanoTime() : slot) + ".lease");
    try {
      Files.createDirectories(records);
      self.write(file);
      return file;
    } catch (IOException e) {
      LOG.warn("Could not record who holds {} in {}", dir, records, e);
      return null;
    }
  }

  /** The live holders other than this lease, newest first. */
  private List<FolderHolder> otherHolders() {
    List<FolderHolder> holders = new ArrayList<>();
    for (Path file : recordFiles()) {
      if (file.equals(record)) {
        continue;
      }
      FolderHolder.read(file).filter(FolderHolder::alive).ifPresent(holders::add);
    }
    holders.sort((a, b) -> b.since().compareTo(a.since()));
    return holders;
  }

  /** Removes records of processes that ended without removing theirs (all of them, when holding the folder alone). */
  private void removeStaleRecords(boolean everyOther) {
    for (Path file : recordFiles()) {
      if (file.equals(record)) {
        continue;
      }
      Optional<FolderHolder> holder = FolderHolder.read(file);
      if (everyOther || holder.map(h -> !h.alive()).orElse(false)) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.debug("Could not remove the stale lease record {}", file, e);
        }
      }
    }
  }

  private List<Path> recordFiles() {
    List<Path> files = new ArrayList<>();
    Path records = dir.resolve(RECORDS);
    if (!Files.isDirectory(records)) {
      return files;
    }
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(records, "*.lease")) {
      stream.forEach(files::add);
    } catch (IOException e) {
      LOG.warn("Could not read {}", records, e);
    }
    return files;
  }

  private FolderBusyException busy() {
    List<FolderHolder> others = otherHolders();
    if (others.isEmpty()) {
      return FolderBusyException.heldBy(null, "Another Setwise program is using this data folder (" + dir
          + "); close it first");
    }
    // A restore explains the wait best; otherwise the newest holder.
    FolderHolder named = others.stream().filter(h -> h.kind() == Kind.RESTORE).findFirst().orElse(others.get(0));
    return FolderBusyException.heldBy(named, named.describe(clock.getZone(), clock.instant()));
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("The lease on " + dir + " was given up");
    }
  }
}
