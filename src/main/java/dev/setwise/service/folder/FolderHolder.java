package dev.setwise.service.folder;

import dev.setwise.domain.ReadableFormats;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Who holds a lease on a data folder: what kind of Setwise, which process, since when. Written by
 * each holder into the folder's {@code .leases/} so that a process refused the folder can say who
 * has it.
 *
 * @param kind what the holder is
 * @param label the command for {@link FolderLease.Kind#COMMAND} ("setwise profile list"), else null
 * @param pid the holder's process id
 * @param processStart when the holder's process started (tells a reused pid apart), or null
 * @param since when the lease was taken
 */
public record FolderHolder(FolderLease.Kind kind, String label, long pid, Instant processStart, Instant since) {

  /** This process as a holder of {@code kind}, from {@code since}. */
  static FolderHolder current(FolderLease.Kind kind, String label, Instant since) {
    ProcessHandle self = ProcessHandle.current();
    return new FolderHolder(kind, label, self.pid(), self.info().startInstant().orElse(null), since);
  }

  /**
   * One line naming the holder and what to do, e.g. "Setwise serve (pid 1234, since 18:02) is
   * using this data folder; stop it first".
   */
  public String describe(ZoneId zone, Instant now) {
    // Written as every other time and date (the system locale's): the time alone on the same day.
    String when = LocalDate.ofInstant(since, zone).equals(LocalDate.ofInstant(now, zone))
        ? ReadableFormats.time(since, zone) : ReadableFormats.dateTime(since, zone);
    String who = "(pid " + pid + ", since " + when + ")";
    return switch (kind) {
      case APP -> "The Setwise app " + who + " is using this data folder; close it first";
      case SERVE -> "Setwise serve " + who + " is using this data folder; stop it first";
      case COMMAND -> "The command '" + (label == null ? "setwise" : label) + "' " + who
          + " is using this data folder; wait for it to finish";
      case RESTORE -> "Setwise restore " + who
          + " is replacing the database in this data folder; wait for it to finish";
    };
  }

  /** True while the process that took the lease still runs (a crashed one leaves its record behind). */
  boolean alive() {
    Optional<ProcessHandle> process = ProcessHandle.of(pid);
    if (process.isEmpty() || !process.get().isAlive()) {
      return false;
    }
    Optional<Instant> started = process.get().info().startInstant();
    return processStart == null || started.isEmpty()
        || Math.abs(started.get().toEpochMilli() - processStart.toEpochMilli()) < 2_000;
  }

  void write(Path file) throws IOException {
    // Properties' own store() would head the file with the date, written in the time zone's
    // name: the zone rules and their search of the class path, at the start of every command
    // (docs/decisions/0059). The lines are those of store(), which load() reads.
    StringBuilder text = new StringBuilder("#Setwise holds this data folder\n");
    property(text, "kind", kind.name().toLowerCase(Locale.ROOT));
    if (label != null) {
      property(text, "label", label);
    }
    property(text, "pid", Long.toString(pid));
    if (processStart != null) {
      property(text, "process_start", processStart.toString());
    }
    property(text, "since", since.toString());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Appends {@code key=value} escaped as {@link Properties#store} escapes it, any other character as {@code \\uXXXX}. */
  private static void property(StringBuilder text, String key, String value) {
    escaped(text, key, true);
    text.append('=');
    escaped(text, value, false);
    text.append('\n');
  }

  private static void escaped(StringBuilder text, String s, boolean key) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case ' ' -> text.append(key || i == 0 ? "\\ " : " ");
        case '\t' -> text.append("\\t");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\f' -> text.append("\\f");
        case '=', ':', '#', '!', '\\' -> text.append('\\').append(c);
        default -> {
          if (c < 0x20 || c > 0x7e) {
            text.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
          } else {
            text.append(c);
          }
        }
      }
    }
  }

  /** The holder recorded in {@code file}, or empty when it cannot be read (half written, removed). */
  static Optional<FolderHolder> read(Path file) {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      Properties properties = new Properties();
      properties.load(in);
      FolderLease.Kind kind = FolderLease.Kind.valueOf(properties.getProperty("kind", "").toUpperCase(Locale.ROOT));
      String start = properties.getProperty("process_start");
      return Optional.of(new FolderHolder(kind, properties.getProperty("label"),
          Long.parseLong(properties.getProperty("pid", "")), start == null ? null : Instant.parse(start),
          Instant.parse(properties.getProperty("since", ""))));
    } catch (IOException | UncheckedIOException | IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
