package dev.setwise.service.exchange;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.json.StructureJson;
import dev.setwise.domain.StorageException;
import dev.setwise.service.DamagedDataException;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.store.Database;
import dev.setwise.store.ExchangeRepository;
import dev.setwise.store.ExchangeRepository.AmendmentRow;
import dev.setwise.store.ExchangeRepository.PlanRow;
import dev.setwise.store.ExchangeRepository.SessionRow;
import dev.setwise.store.ProfileRepository;
import dev.setwise.store.Tx;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a profile's plans (archived too), sessions (with their original snapshots) and the
 * sessions' amendments as the versioned JSON document of {@code docs/export-format.md} (version 2).
 *
 * <p>Streaming: rows come one at a time from a cursor and go straight to a Jackson streaming
 * generator; snapshots are copied as the JSON text the store keeps. Memory does not grow with the
 * history. The whole export reads one consistent snapshot of the database (one read transaction),
 * so writes from the app may go on meanwhile and are simply not part of it.
 *
 * <p>Threads: call from a background thread, never the JavaFX application thread. Progress is
 * reported on the calling thread; {@link Cancellation} (or interrupting the thread) stops the
 * export with {@link CancellationException}.
 */
public final class ExportService {

  private static final int PROGRESS_EVERY = 250;

  private final Database database;
  private final ProfileRepository profiles;
  private final ExchangeRepository exchange;
  private final Clock clock;
  private final String appVersion;
  private final JsonCodec codec = new JsonCodec(JsonLimits.STORED);
  private final StructureJson structures = new StructureJson();

  public ExportService(Database database, ProfileRepository profiles, ExchangeRepository exchange, Clock clock,
      String appVersion) {
    this.database = database;
    this.profiles = profiles;
    this.exchange = exchange;
    this.clock = clock;
    this.appVersion = appVersion;
  }

  /**
   * The profile an export (or a CSV import) is for: the one named, else the only one.
   * One read transaction; any background thread.
   *
   * @param name a profile name (ignoring case), or {@code null}
   * @throws NotFoundException when no profile has that name, or there is no profile at all
   * @throws ValidationException when {@code name} is null and there are several profiles (the
   *     message names them and says to pick one with {@code --profile})
   */
  public Profile chooseProfile(String name) {
    List<Profile> all = database.read(profiles::list);
    if (name != null) {
      String wanted = name.strip();
      return all.stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst()
          .orElseThrow(() -> new NotFoundException("No profile is named \"" + wanted + "\""
              + (all.isEmpty() ? "" : " (profiles: " + names(all) + ")")));
    }
    if (all.isEmpty()) {
      throw new NotFoundException("There is no profile yet: create one with 'setwise profile add NAME'");
    }
    if (all.size() > 1) {
      throw new ValidationException("There are several profiles (" + names(all)
          + "): choose one with --profile NAME");
    }
    return all.get(0);
  }

  /**
   * Streams the export of a profile to {@code out} as UTF-8. Does not close {@code out}. The
   * database is checked first ({@code PRAGMA quick_check}): a damaged one is not exported. Every
   * plan and snapshot is checked too (parsed and validated, every row accounted for), in the same
   * read transaction, so that nothing at all is written when something stored is damaged.
   *
   * @throws dev.setwise.domain.StorageException when the database is damaged (nothing was written)
   * @throws NotFoundException {@code Profile not found}
   * @throws DamagedDataException when a stored item fails its checks; nothing was written
   * @throws CancellationException when cancelled; what was written so far is not a complete document
   * @throws UncheckedIOException when writing fails
   */
  public ExportResult export(UUID profileId, OutputStream out, Progress progress, Cancellation cancellation) {
    return export(profileId, out, progress, cancellation, true);
  }

  private ExportResult export(UUID profileId, OutputStream out, Progress progress, Cancellation cancellation,
      boolean checkFirst) {
    OutputStream kept = new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
    requireIntact(profileId);
    return database.read(tx -> {
      if (checkFirst) {
        check(tx, profileId, progress, cancellation);
      }
      try (JsonGenerator generator = codec.mapper().createGenerator(kept, JsonEncoding.UTF8)) {
        return write(tx, profileId, generator, progress, cancellation, !checkFirst);
      }
    });
  }

  /**
   * Streams the export as characters (for a console). Does not close {@code out}. Checks
   * everything before writing anything, as {@link #export(UUID, OutputStream, Progress, Cancellation)}.
   *
   * @see #export(UUID, OutputStream, Progress, Cancellation)
   */
  public ExportResult export(UUID profileId, Writer out, Progress progress, Cancellation cancellation) {
    Writer kept = new FilterWriter(out) {
      @Override
      public void close() throws IOException {
        flush();
      }
    };
    requireIntact(profileId);
    return database.read(tx -> {
      check(tx, profileId, progress, cancellation);
      try (JsonGenerator generator = codec.mapper().createGenerator(kept)) {
        return write(tx, profileId, generator, progress, cancellation, false);
      }
    });
  }

  /**
   * Writes the export to {@code target}: first to a temporary file beside it, flushed to disk,
   * then moved into place in one step. Every item is checked as it is written (one pass: the
   * temporary file is dropped if one fails). A cancelled or failed export leaves no file under
   * {@code target} (an existing file there stays as it was).
   *
   * @throws ValidationException when {@code target} cannot be written (missing folder, a folder
   *     of that name, no permission); the message names the file
   * @throws NotFoundException {@code Profile not found}
   * @throws DamagedDataException when a stored item fails its checks
   * @throws CancellationException when cancelled
   */
  public ExportResult exportToFile(UUID profileId, Path target, Progress progress, Cancellation cancellation) {
    Path absolute = target.toAbsolutePath().normalize();
    Path folder = absolute.getParent();
    if (Files.isDirectory(absolute)) {
      throw cannotWrite(absolute, "it is a folder");
    }
    if (folder == null || !Files.isDirectory(folder)) {
      throw cannotWrite(absolute, "the folder does not exist");
    }
    Path temp;
    try {
      temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part");
    } catch (IOException | SecurityException e) {
      throw cannotWrite(absolute, "the folder is not writable");
    }
    boolean done = false;
    try {
      ExportResult result;
      try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING)) {
        result = export(profileId, new BufferedOutputStream(out, 64 * 1024), progress, cancellation, false);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      cancellation.check();
      move(temp, absolute);
      done = true;
      return new ExportResult(result.profile(), result.plans(), result.sessions(), absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the export to " + absolute, e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // the temporary file has a dot name and a .part suffix; nothing reads it
        }
      }
    }
  }

  /**
   * Refuses a damaged database ({@code PRAGMA quick_check}). When it is damaged, the profile's items
   * are checked one by one first, so that the refusal names the first damaged session or plan
   * where one of them is the damage; otherwise it names the problem SQLite found.
   */
  private void requireIntact(UUID profileId) {
    try {
      database.requireIntact();
    } catch (StorageException damage) {
      try {
        database.read(tx -> {
          check(tx, profileId, Progress.NONE, Cancellation.none());
          return null;
        });
      } catch (DamagedDataException named) {
        named.addSuppressed(damage);
        throw named;
      } catch (RuntimeException other) {
        damage.addSuppressed(other);
      }
      throw damage;
    }
  }

  /**
   * Reads every plan and session as {@link #write} would and checks each, writing nothing: for a
   * stream, which cannot take back what it was given.
   */
  private void check(Tx tx, UUID profileId, Progress progress, Cancellation cancellation) throws SQLException {
    profiles.find(tx, profileId).orElseThrow(() -> new NotFoundException(Messages.PROFILE_NOT_FOUND));
    long planTotal = exchange.countPlansInTable(tx, profileId);
    long sessionTotal = exchange.countSessionsInTable(tx, profileId);
    long amendmentTotal = exchange.countAmendments(tx, profileId);
    long total = planTotal + sessionTotal + amendmentTotal;
    long[] done = {0};
    progress.update("Checking", 0, total);
    Counted counted = new Counted(true);
    checkedPlans(tx, profileId, counted, plan -> {
      cancellation.check();
      tick("Checking", progress, ++done[0], total);
    });
    checkedSessions(tx, profileId, counted, session -> {
      cancellation.check();
      tick("Checking", progress, ++done[0], total);
    });
    checkedAmendments(tx, profileId, counted, amendment -> {
      cancellation.check();
      tick("Checking", progress, ++done[0], total);
    });
    counted.requireAll(planTotal, sessionTotal);
    counted.requireAmendments(amendmentTotal);
  }

  /**
   * Writes the document. {@code validate} false skips parsing the snapshots again when
   * {@link #check} has just done so in the same read transaction (rows are still counted).
   */
  private ExportResult write(Tx tx, UUID profileId, JsonGenerator out, Progress progress,
      Cancellation cancellation, boolean validate) throws SQLException {
    Profile profile = profiles.find(tx, profileId)
        .orElseThrow(() -> new NotFoundException(Messages.PROFILE_NOT_FOUND));
    long planTotal = exchange.countPlansInTable(tx, profileId);
    long sessionTotal = exchange.countSessionsInTable(tx, profileId);
    long amendmentTotal = exchange.countAmendments(tx, profileId);
    long total = planTotal + sessionTotal + amendmentTotal;
    progress.update("Exporting", 0, total);

    out.writeStartObject();
    out.writeStringProperty(ExportFormat.F_FORMAT, ExportFormat.FORMAT);
    out.writeNumberProperty(ExportFormat.F_VERSION, ExportFormat.VERSION);
    out.writeStringProperty(ExportFormat.F_EXPORTED_AT, Timestamps.format(clock.instant()));
    out.writeStringProperty(ExportFormat.F_EXPORTED_BY, "Setwise " + appVersion);
    out.writeName(ExportFormat.F_PROFILE);
    out.writeStartObject();
    out.writeStringProperty("id", profile.id().toString());
    out.writeStringProperty("name", profile.name());
    out.writeStringProperty("unit", profile.unit().code());
    out.writeStringProperty("created_at", Timestamps.format(profile.createdAt()));
    out.writeEndObject();
    out.writeName(ExportFormat.F_COUNTS);
    out.writeStartObject();
    out.writeNumberProperty("plans", planTotal);
    out.writeNumberProperty("sessions", sessionTotal);
    out.writeNumberProperty("amendments", amendmentTotal);
    out.writeEndObject();

    long[] done = {0};
    Counted counted = new Counted(validate);
    out.writeName(ExportFormat.F_PLANS);
    out.writeStartArray();
    checkedPlans(tx, profileId, counted, plan -> {
      cancellation.check();
      writePlan(out, plan);
      tick("Exporting", progress, ++done[0], total);
    });
    out.writeEndArray();

    out.writeName(ExportFormat.F_SESSIONS);
    out.writeStartArray();
    checkedSessions(tx, profileId, counted, session -> {
      cancellation.check();
      writeSession(out, session);
      tick("Exporting", progress, ++done[0], total);
    });
    counted.requireAll(planTotal, sessionTotal);
    out.writeEndArray();

    out.writeName(ExportFormat.F_AMENDMENTS);
    out.writeStartArray();
    checkedAmendments(tx, profileId, counted, amendment -> {
      cancellation.check();
      writeAmendment(out, amendment);
      tick("Exporting", progress, ++done[0], total);
    });
    counted.requireAmendments(amendmentTotal);
    out.writeEndArray();
    out.writeEndObject();
    out.flush();
    cancellation.check();
    progress.update("Exporting", total, total);
    return new ExportResult(profile, planTotal, sessionTotal, null);
  }

  /** How many plans and sessions a pass saw, to compare with what the tables hold. */
  private static final class Counted {

    final boolean validate;
    long plans;
    long sessions;
    long amendments;
    SessionRow lastSession;

    Counted(boolean validate) {
      this.validate = validate;
    }

    /**
     * @throws DamagedDataException when the tables hold rows the ordered reads did not reach (a
     *     damaged index leaves rows out without an error)
     */
    void requireAll(long planRows, long sessionRows) {
      if (plans != planRows || sessions != sessionRows) {
        throw new DamagedDataException("Cannot export: the database is damaged: it holds " + sessionRows
            + " sessions and " + planRows + " plans of this profile, but only " + sessions + " sessions and "
            + plans + " plans could be read");
      }
    }

    /** @throws DamagedDataException when amendments the table holds could not be read */
    void requireAmendments(long amendmentRows) {
      if (amendments != amendmentRows) {
        throw new DamagedDataException("Cannot export: the database is damaged: it holds " + amendmentRows
            + " amendments of this profile's sessions, but only " + amendments + " could be read");
      }
    }
  }

  /**
   * Streams the plans, checking each before handing it on.
   *
   * @throws DamagedDataException naming the first plan that fails its checks
   */
  private void checkedPlans(Tx tx, UUID profileId, Counted counted, ExchangeRepository.RowSink<PlanRow> sink)
      throws SQLException {
    try {
      exchange.streamPlans(tx, profileId, plan -> {
        String problem = counted.validate ? structures.problem(plan.structureJson(), true) : null;
        if (problem != null) {
          throw damaged("plan " + plan.id() + " (\"" + plan.name() + "\") is damaged: its structure " + problem);
        }
        sink.accept(plan);
        counted.plans++;
      });
    } catch (ExchangeRepository.DamagedRow e) {
      throw new DamagedDataException(damaged("plan " + e.id() + " (\"" + e.label() + "\") is damaged: "
          + "its fields cannot be read").getMessage(), e);
    } catch (SQLException e) {
      throw new DamagedDataException("Cannot export: the database could not be read while reading the plans "
          + "(the file may be damaged)", e);
    }
  }

  /**
   * Streams the sessions, checking each before handing it on.
   *
   * @throws DamagedDataException naming the first session that fails its checks, or the last good
   *     one when the database fails while reading
   */
  private void checkedSessions(Tx tx, UUID profileId, Counted counted, ExchangeRepository.RowSink<SessionRow> sink)
      throws SQLException {
    try {
      exchange.streamSessions(tx, profileId, session -> {
        String problem = counted.validate ? structures.problem(session.sessionJson(), false) : null;
        if (problem != null) {
          throw damaged("session " + session.id() + " of " + session.date() + " is damaged: its snapshot " + problem);
        }
        sink.accept(session);
        counted.sessions++;
        counted.lastSession = session;
      });
    } catch (ExchangeRepository.DamagedRow e) {
      throw new DamagedDataException(damaged("session " + e.id() + " of " + e.label() + " is damaged: "
          + "its fields cannot be read").getMessage(), e);
    } catch (SQLException e) {
      SessionRow last = counted.lastSession;
      throw new DamagedDataException("Cannot export: the database could not be read "
          + (last == null ? "at its first session " : "after session " + last.id() + " of " + last.date() + " ")
          + "(the file may be damaged)", e);
    }
  }

  /**
   * Streams the amendments, checking each structure before handing it on.
   *
   * @throws DamagedDataException naming the first amendment that fails its checks
   */
  private void checkedAmendments(Tx tx, UUID profileId, Counted counted,
      ExchangeRepository.RowSink<AmendmentRow> sink) throws SQLException {
    counted.amendments = 0;
    try {
      exchange.streamAmendments(tx, profileId, amendment -> {
        String problem = counted.validate ? structures.problem(amendment.sessionJson(), false) : null;
        if (problem != null) {
          throw damaged("amendment " + amendment.version() + " of session " + amendment.sessionId()
              + " is damaged: its structure " + problem);
        }
        sink.accept(amendment);
        counted.amendments++;
      });
    } catch (ExchangeRepository.DamagedRow e) {
      throw new DamagedDataException(damaged("an amendment of session " + e.id() + " is damaged: "
          + "its fields cannot be read").getMessage(), e);
    } catch (SQLException e) {
      throw new DamagedDataException("Cannot export: the database could not be read while reading the amendments "
          + "(the file may be damaged)", e);
    }
  }

  private static DamagedDataException damaged(String what) {
    return new DamagedDataException("Cannot export: " + what);
  }

  private static void writePlan(JsonGenerator out, PlanRow plan) {
    out.writeStartObject();
    out.writeStringProperty("id", plan.id().toString());
    out.writeStringProperty("name", plan.name());
    out.writeName("structure");
    out.writeRawValue(plan.structureJson());
    out.writeBooleanProperty("has_sessions", plan.hasSessions());
    out.writeBooleanProperty("archived", plan.archived());
    out.writeStringProperty("created_at", Timestamps.format(plan.createdAt()));
    out.writeStringProperty("updated_at", Timestamps.format(plan.updatedAt()));
    out.writeEndObject();
  }

  private static void writeSession(JsonGenerator out, SessionRow session) {
    out.writeStartObject();
    out.writeStringProperty("id", session.id().toString());
    out.writeStringProperty("plan_id", session.planId() == null ? null : session.planId().toString());
    out.writeStringProperty("date", session.date().toString());
    out.writeStringProperty("started_at", Timestamps.format(session.startedAt()));
    out.writeStringProperty("ended_at", Timestamps.format(session.endedAt()));
    out.writeStringProperty("status", session.endedAt() == null ? "in_progress" : "completed");
    out.writeName("session");
    out.writeRawValue(session.sessionJson());
    out.writeStringProperty("created_at", Timestamps.format(session.createdAt()));
    out.writeStringProperty("updated_at", Timestamps.format(session.updatedAt()));
    out.writeNumberProperty("version", session.version());
    out.writeBooleanProperty("amended", session.amended());
    out.writeEndObject();
  }

  private static void writeAmendment(JsonGenerator out, AmendmentRow amendment) {
    out.writeStartObject();
    out.writeStringProperty("session_id", amendment.sessionId().toString());
    out.writeNumberProperty("version", amendment.version());
    out.writeStringProperty("reason", amendment.reason());
    out.writeStringProperty("at", Timestamps.format(amendment.at()));
    out.writeName("session");
    out.writeRawValue(amendment.sessionJson());
    out.writeEndObject();
  }

  private static void tick(String step, Progress progress, long done, long total) {
    if (done % PROGRESS_EVERY == 0) {
      progress.update(step, done, total);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static ValidationException cannotWrite(Path target, String why) {
    return new ValidationException("Cannot write " + target + ": " + why);
  }

  private static String names(List<Profile> all) {
    return all.stream().map(Profile::name).collect(Collectors.joining(", "));
  }
}
