package dev.setwise.service.exchange;

import dev.setwise.domain.ConflictException;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ValidationException;
import dev.setwise.service.AuditLog;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.backup.BackupException;
import dev.setwise.service.backup.BackupInfo;
import dev.setwise.service.backup.BackupReason;
import dev.setwise.service.backup.BackupService;
import dev.setwise.store.Database;
import dev.setwise.store.ExchangeRepository;
import dev.setwise.store.PlanRepository;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.SessionRepository;
import dev.setwise.store.Tx;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Imports a Setwise export or another app's CSV (Strong, Hevy, FitNotes) into a profile, all or
 * nothing.
 *
 * <p>{@link #analyze} is the dry run: it reads the whole file as a stream in one read transaction
 * and says what an import would do, listing every problem with its path and every conflict; it
 * changes nothing. {@link #importData} reads the file once, in one write transaction, checking
 * every item as the dry run does and inserting what is new as it goes (in batches); at the first
 * problem or conflict it rolls back and refuses the file with the dry run's full report. A clean
 * file is backed up against (the database as it was: the transaction is not committed yet) and
 * committed; any failure or cancellation rolls everything back. Items already in the profile are
 * skipped, so importing the same file twice changes nothing.
 *
 * <p>Memory stays bounded whatever the file: a Setwise export is read item by item under
 * {@link SetwiseDocument#LIMITS}; a CSV row by row (Apache Commons CSV behind {@link CsvGuard}),
 * at most {@value #MAX_CSV_MIB} MiB, its workouts held until the file is read.
 *
 * <p>A file that is not a regular file (a folder, a device such as {@code /dev/zero}, a pipe) is
 * refused before it is opened, so nothing waits on it or reads it forever.
 *
 * <p>Threads: call from a background thread, never the JavaFX application thread. The import
 * holds the single writer while it inserts, so the app's own saves wait for it. Progress is
 * reported on the calling thread; {@link Cancellation} (or interrupting the thread) stops it with
 * {@link CancellationException} and nothing is changed.
 */
public final class ImportService {

  /** The message of a {@link ValidationException} about the file's content. */
  public static final String INVALID_FILE = "Invalid import file";
  static final int MAX_CSV_MIB = 64;
  private static final int SNIFF_BYTES = 64 * 1024;

  private final Database database;
  private final ProfileRepository profiles;
  private final PlanRepository plans;
  private final SessionRepository sessions;
  private final ExchangeRepository exchange;
  private final AuditLog audit;
  private final BackupService backups;
  private final Clock clock;
  private final SetwiseDocument document = new SetwiseDocument();

  public ImportService(Database database, ProfileRepository profiles, PlanRepository plans,
      SessionRepository sessions, ExchangeRepository exchange, AuditLog audit, BackupService backups, Clock clock) {
    this.database = database;
    this.profiles = profiles;
    this.plans = plans;
    this.sessions = sessions;
    this.exchange = exchange;
    this.audit = audit;
    this.backups = backups;
    this.clock = clock;
  }

  /**
   * The dry run: what importing {@code source} would do. Changes nothing. Problems of the file and
   * conflicts with the data are in the summary, not thrown.
   *
   * @throws ValidationException when the file cannot be read at all (missing, no permission, a
   *     folder, a device or a pipe), or for a CSV when several profiles exist and none is named
   * @throws NotFoundException for a CSV when no profile is named and there is none (a named one
   *     that does not exist is created by the import; the dry run says so)
   * @throws CancellationException when cancelled
   */
  public ImportSummary analyze(ImportSource source, ImportOptions options, Progress progress,
      Cancellation cancellation) {
    return database.read(tx -> {
      Pass pass = pass(tx, ImportRun.Mode.ANALYZE, source, options, progress, "Checking the file", cancellation);
      return pass.summary(source, previousImport(tx, pass));
    });
  }

  /** When the same file was last imported into the target profile, or null. */
  private Instant previousImport(Tx tx, Pass pass) throws SQLException {
    if (pass.run.target() == null || pass.run.createsProfile()) {
      return null;
    }
    return exchange.lastImportOf(tx, pass.run.target().id(), pass.sha256)
        .map(ExchangeRepository.ImportRecord::importedAt).orElse(null);
  }

  /**
   * Imports {@code source}: checks it as {@link #analyze} does and adds everything new, in one
   * transaction and one reading of the file. When nothing is new, nothing is changed (no backup, no
   * audit entry). A file with a problem or a conflict is refused with the full report of
   * {@link #analyze}, which is then run (without holding the writer) to make it.
   *
   * @throws ValidationException {@value #INVALID_FILE} with every problem (nothing imported)
   * @throws ConflictException when the data clashes with the profile's (nothing imported)
   * @throws BackupException when the backup before the import fails (nothing imported)
   * @throws CancellationException when cancelled (nothing imported)
   * @throws NotFoundException as {@link #analyze}
   */
  public ImportResult importData(ImportSource source, ImportOptions options, Progress progress,
      Cancellation cancellation) {
    Applied applied;
    try {
      applied = database.write(tx -> {
        Pass pass = pass(tx, ImportRun.Mode.APPLY, source, options, progress, "Importing", cancellation);
        pass.run.checkpoint();
        ImportSummary summary = pass.summary(source, previousImport(tx, pass));
        if (summary.changesNothing()) {
          throw new NothingNew(summary);
        }
        cancellation.check();
        // Not committed yet: the backup, on a connection of its own, copies the database as it was.
        BackupInfo backup = backups.create(BackupReason.BEFORE_IMPORT);
        pass.run.record(pass.format, source.name(), pass.sha256, summary.skippedRowCount());
        return new Applied(summary, backup);
      });
    } catch (ImportRun.Abandoned refused) {
      // Rolled back. The full report comes from a dry run, in a read transaction.
      refuseUnlessImportable(analyze(source, options, progress, cancellation));
      throw new ValidationException(INVALID_FILE,
          List.of(new Problem("$", "changed while it was being imported; nothing was imported")));
    } catch (NothingNew nothing) {
      return new ImportResult(nothing.summary, false, null);
    }
    return new ImportResult(applied.summary, true, applied.backup.file());
  }

  private record Applied(ImportSummary summary, BackupInfo backup) {}

  /** A file with nothing new: the transaction is rolled back (it changed nothing anyway). */
  private static final class NothingNew extends RuntimeException {
    final transient ImportSummary summary;

    NothingNew(ImportSummary summary) {
      super("nothing new", null, false, false);
      this.summary = summary;
    }
  }

  private static void refuseUnlessImportable(ImportSummary summary) {
    if (!summary.problems().isEmpty()) {
      throw new ValidationException(INVALID_FILE, summary.problems());
    }
    if (!summary.conflicts().isEmpty()) {
      Problem first = summary.conflicts().get(0);
      int more = summary.conflicts().size() - 1;
      throw new ConflictException("Nothing was imported: " + first
          + (more > 0 ? " (and " + more + " more conflicts)" : ""));
    }
  }

  /** One read of the file through an {@link ImportRun}. */
  private final class Pass {

    final ImportRun run;
    ImportFormat format = ImportFormat.SETWISE;
    String sha256 = "";
    List<Problem> skipped = List.of();
    long skippedCount;
    CsvReport csv = CsvReport.NONE;

    Pass(ImportRun run) {
      this.run = run;
    }

    ImportSummary summary(ImportSource source, Instant previous) {
      Profile target = run.target();
      return new ImportSummary(format, source.name(), sha256, target == null ? null : target.name(),
          run.createsProfile(), run.plansNew, run.plansDuplicate, run.sessionsNew, run.sessionsDuplicate,
          run.idsRemapped, run.problems.list(), run.conflicts.list(), skipped, skippedCount, previous,
          run.firstDate, run.lastDate, csv, run.amendments.added, run.amendments.alreadyThere);
    }
  }

  private Pass pass(Tx tx, ImportRun.Mode mode, ImportSource source, ImportOptions options, Progress progress,
      String step, Cancellation cancellation) throws SQLException {
    Pass pass = new Pass(new ImportRun(tx, mode, profiles, plans, sessions, exchange, audit, clock));
    MessageDigest digest = sha256();
    progress.update(step, 0, -1);
    try (InputStream raw = source.open(); Closing closing = pass.run::close) {
      BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, digest), SNIFF_BYTES);
      boolean json = looksLikeJson(in);
      try {
        if (json) {
          document.read(in, pass.run, options.profileName(), progress, step, cancellation);
        } else {
          readCsv(in, pass, options, progress, step, cancellation);
        }
      } catch (ValidationException stop) {
        if (!INVALID_FILE.equals(stop.getMessage())) {
          throw stop;
        }
        stop.problems().forEach(p -> pass.run.problems.add(p.path(), p.message()));
      }
    } catch (NoSuchFileException e) {
      throw new ValidationException("Cannot read " + source.name() + ": the file does not exist");
    } catch (AccessDeniedException e) {
      throw new ValidationException("Cannot read " + source.name() + ": permission denied");
    } catch (ImportSource.NotAFileException e) {
      throw new ValidationException("Cannot read " + source.name() + ": " + e.getReason());
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + source.name(), e);
    }
    pass.sha256 = HexFormat.of().formatHex(digest.digest());
    return pass;
  }

  private void readCsv(InputStream in, Pass pass, ImportOptions options, Progress progress, String step,
      Cancellation cancellation) throws IOException, SQLException {
    try (CsvTable table = CsvTable.open(in, MAX_CSV_MIB * 1024L * 1024L, INVALID_FILE)) {
      ImportFormat format = OtherAppCsv.detect(table);
      if (format == null) {
        throw new ValidationException(INVALID_FILE, List.of(new Problem("$", "is neither a Setwise export nor a "
            + "CSV export of Strong, Hevy or FitNotes (its first line is: "
            + CsvValues.shorten(String.join(String.valueOf(table.delimiter()), table.header())) + ")")));
      }
      pass.format = format;
      Profile target = pass.run.targetForCsv(options.profileName(), OtherAppCsv.fileUnit(format, table));
      AppCsv layout = OtherAppCsv.layout(format, table, target.unit(), clock.getZone());
      progress.update(step, 0, -1);
      CsvWorkouts.Result result = OtherAppCsv.read(table, layout, target.id(), clock.instant(), cancellation);
      pass.skipped = result.skipped();
      pass.skippedCount = result.skippedCount();
      pass.csv = result.report();
      int total = result.sessions().size();
      for (int i = 0; i < total; i++) {
        cancellation.check();
        pass.run.session(result.paths().get(i), result.sessions().get(i));
        pass.run.checkpoint();
        if (i % 100 == 0) {
          progress.update(step, i, total);
        }
      }
      pass.run.finish("$");
      progress.update(step, total, total);
    }
  }

  /** Closes the statements of a pass at its end. */
  private interface Closing extends AutoCloseable {
    @Override
    void close() throws SQLException;
  }

  /** A Setwise export starts with '{' after white space (and maybe a byte-order mark); a CSV does not. */
  private static boolean looksLikeJson(BufferedInputStream in) throws IOException {
    in.mark(SNIFF_BYTES + 1);
    try {
      byte[] head = in.readNBytes(SNIFF_BYTES);
      int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF
          ? 3 : 0;
      for (; i < head.length; i++) {
        byte b = head[i];
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return b == '{' || b == '[';
        }
      }
      return true;
    } finally {
      in.reset();
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
