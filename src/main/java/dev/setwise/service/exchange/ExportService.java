package dev.setwise.service.exchange;

import dev.setwise.domain.Messages;
import dev.setwise.domain.NotFoundException;
import dev.setwise.domain.Profile;
import dev.setwise.domain.Timestamps;
import dev.setwise.domain.ValidationException;
import dev.setwise.json.JsonCodec;
import dev.setwise.json.JsonLimits;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.store.Database;
import dev.setwise.store.ExchangeRepository;
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
 * Writes a profile's plans (archived too) and sessions (with their snapshots) as the versioned
 * JSON document of {@code docs/export-format.md}.
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
   * database is checked first ({@code PRAGMA quick_check}): a damaged one is not exported.
   *
   * @throws dev.setwise.domain.StorageException when the database is damaged (nothing was written)
   * @throws NotFoundException {@code Profile not found}
   * @throws CancellationException when cancelled; what was written so far is not a complete document
   * @throws UncheckedIOException when writing fails
   */
  public ExportResult export(UUID profileId, OutputStream out, Progress progress, Cancellation cancellation) {
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
    database.requireIntact();
    return database.read(tx -> {
      try (JsonGenerator generator = codec.mapper().createGenerator(kept, JsonEncoding.UTF8)) {
        return write(tx, profileId, generator, progress, cancellation);
      }
    });
  }

  /**
   * Streams the export as characters (for a console). Does not close {@code out}.
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
    database.requireIntact();
    return database.read(tx -> {
      try (JsonGenerator generator = codec.mapper().createGenerator(kept)) {
        return write(tx, profileId, generator, progress, cancellation);
      }
    });
  }

  /**
   * Writes the export to {@code target}: first to a temporary file beside it, flushed to disk,
   * then moved into place in one step. A cancelled or failed export leaves no file under
   * {@code target} (an existing file there stays as it was).
   *
   * @throws ValidationException when {@code target} cannot be written (missing folder, a folder
   *     of that name, no permission); the message names the file
   * @throws NotFoundException {@code Profile not found}
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
        result = export(profileId, new BufferedOutputStream(out, 64 * 1024), progress, cancellation);
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

  private ExportResult write(Tx tx, UUID profileId, JsonGenerator out, Progress progress,
      Cancellation cancellation) throws SQLException {
    Profile profile = profiles.find(tx, profileId)
        .orElseThrow(() -> new NotFoundException(Messages.PROFILE_NOT_FOUND));
    long planTotal = exchange.countPlans(tx, profileId);
    long sessionTotal = exchange.countSessions(tx, profileId);
    long total = planTotal + sessionTotal;
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
    out.writeEndObject();

    long[] done = {0};
    out.writeName(ExportFormat.F_PLANS);
    out.writeStartArray();
    exchange.streamPlans(tx, profileId, plan -> {
      cancellation.check();
      writePlan(out, plan);
      tick(progress, ++done[0], total);
    });
    out.writeEndArray();

    out.writeName(ExportFormat.F_SESSIONS);
    out.writeStartArray();
    exchange.streamSessions(tx, profileId, session -> {
      cancellation.check();
      writeSession(out, session);
      tick(progress, ++done[0], total);
    });
    out.writeEndArray();
    out.writeEndObject();
    out.flush();
    cancellation.check();
    progress.update("Exporting", total, total);
    return new ExportResult(profile, planTotal, sessionTotal, null);
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
    out.writeEndObject();
  }

  private static void tick(Progress progress, long done, long total) {
    if (done % PROGRESS_EVERY == 0) {
      progress.update("Exporting", done, total);
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
