package dev.setwise.cli;

import dev.setwise.AppContext;
import dev.setwise.domain.Profile;
import dev.setwise.domain.ReadableFormats;
import dev.setwise.domain.progress.ExerciseHistory;
import dev.setwise.domain.progress.ExerciseRecords;
import dev.setwise.domain.progress.ExerciseSession;
import dev.setwise.domain.progress.OneRepMax;
import dev.setwise.domain.progress.RecordKind;
import dev.setwise.domain.progress.RecordValue;
import dev.setwise.json.JsonCodec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code setwise stats records|exercise NAME}: the progress numbers of contract §4a. */
@Command(name = "stats", description = "Print progress numbers: records, or one exercise's history.",
    mixinStandardHelpOptions = true)
final class StatsCommand extends GroupCommand {

  /** Its subcommands (added by Cli, only those the arguments need: see CommandGroup). */
  private static final Map<String, Class<?>> SUBCOMMANDS = CommandGroup.inOrder(
      Map.entry("records", Records.class),
      Map.entry("exercise", ExerciseStats.class));

  @Override
  public Map<String, Class<?>> subcommands() {
    return SUBCOMMANDS;
  }

  /** How the numbers are printed. */
  enum Format { table, csv, json }

  /** {@code setwise stats records}. */
  @Command(name = "records", mixinStandardHelpOptions = true,
      description = "Records of every exercise with at least one working set, by name.")
  static final class Records implements Callable<Integer> {

    @ParentCommand
    StatsCommand parent;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    CommonMixin options;

    @Override
    public Integer call() {
      try (AppContext context = parent.root.openContext()) {
        Profile profile = context.exports().chooseProfile(options.profile);
        List<ExerciseRecords> records = context.progress().stats().records(profile.id());
        PrintWriter out = spec.commandLine().getOut();
        StatsOutput.records(out, options.format, profile.unit().code(), records);
        out.flush();
      }
      return 0;
    }
  }

  /** {@code setwise stats exercise NAME}. */
  @Command(name = "exercise", mixinStandardHelpOptions = true,
      description = "One exercise: its sessions oldest first, records and rep maxes (1 to 12 reps).")
  static final class ExerciseStats implements Callable<Integer> {

    @ParentCommand
    StatsCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The exercise (case and extra spaces do not matter; aliases count).")
    String name;

    @picocli.CommandLine.Mixin
    CommonMixin options;

    @Override
    public Integer call() {
      try (AppContext context = parent.root.openContext()) {
        Profile profile = context.exports().chooseProfile(options.profile);
        ExerciseHistory history = context.progress().stats().history(profile.id(), name, 0);
        PrintWriter out = spec.commandLine().getOut();
        StatsOutput.exercise(out, options.format, history);
        out.flush();
      }
      return 0;
    }
  }

  /** The shared options as a picocli mixin. */
  static final class CommonMixin {
    @Option(names = "--profile", paramLabel = "P", description = "The profile (needed when there are several).")
    String profile;

    @Option(names = "--format", paramLabel = "table|csv|json",
        description = "Output format: table (default, for people), csv or json (for scripts).")
    Format format = Format.table;
  }

  /** Printing of the three formats; numbers rounded to 0.01 only here. */
  static final class StatsOutput {

    private static final JsonCodec JSON = JsonCodec.forRequests();
    private static final RecordKind[] KINDS = RecordKind.values();

    private StatsOutput() {}

    static void records(PrintWriter out, Format format, String unit, List<ExerciseRecords> all) {
      switch (format) {
        case json -> {
          List<Object> data = new ArrayList<>();
          for (ExerciseRecords records : all) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("exercise", records.exercise());
            for (RecordKind kind : KINDS) {
              row.put(kind.code(), record(records.get(kind)));
            }
            data.add(row);
          }
          Map<String, Object> root = new LinkedHashMap<>();
          root.put("data", data);
          out.println(JSON.writeString(root));
        }
        case csv -> {
          out.println("exercise,unit,heaviest_weight,heaviest_weight_date,best_e1rm,best_e1rm_date,"
              + "best_set_volume,best_set_volume_date,best_session_volume,best_session_volume_date");
          for (ExerciseRecords records : all) {
            StringBuilder line = new StringBuilder(Csv.field(records.exercise())).append(',').append(unit);
            for (RecordKind kind : KINDS) {
              RecordValue value = records.get(kind);
              line.append(',').append(value == null ? "" : Numbers.printed(value.value()))
                  .append(',').append(value == null ? "" : value.date());
            }
            out.println(line);
          }
        }
        case table -> {
          List<String[]> rows = new ArrayList<>();
          rows.add(new String[] {"Exercise", "Heaviest (" + unit + ")", "Best e1RM (" + unit + ")",
              "Best set volume", "Best session volume"});
          for (ExerciseRecords records : all) {
            String[] row = new String[5];
            row[0] = records.exercise();
            for (int k = 0; k < KINDS.length; k++) {
              RecordValue value = records.get(KINDS[k]);
              row[k + 1] = value == null ? "-" : Numbers.printed(value.value()) + "  " + ReadableFormats.date(value.date());
            }
            rows.add(row);
          }
          if (all.isEmpty()) {
            out.println("No records yet: complete a workout with a working set (reps and weight, not a warm-up).");
          } else {
            Table.print(out, rows);
          }
        }
      }
    }

    static void exercise(PrintWriter out, Format format, ExerciseHistory history) {
      switch (format) {
        case json -> {
          Map<String, Object> root = new LinkedHashMap<>();
          root.put("exercise", history.exercise());
          root.put("unit", history.unit().code());
          List<Object> sessions = new ArrayList<>();
          for (ExerciseSession session : history.sessions()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("session_id", session.sessionId().toString());
            row.put("date", session.date().toString());
            row.put("sets", session.sets());
            row.put("best_e1rm", session.bestE1rm() == null ? null : Numbers.printed(session.bestE1rm()));
            row.put("volume", Numbers.printed(session.volume()));
            sessions.add(row);
          }
          root.put("sessions", sessions);
          Map<String, Object> records = new LinkedHashMap<>();
          for (RecordKind kind : KINDS) {
            records.put(kind.code(), record(history.records().get(kind)));
          }
          root.put("records", records);
          Map<String, Object> repMaxes = new LinkedHashMap<>();
          for (int reps = 1; reps <= OneRepMax.MAX_REPS; reps++) {
            repMaxes.put(Integer.toString(reps), record(history.repMaxes().get(reps)));
          }
          root.put("rep_maxes", repMaxes);
          out.println(JSON.writeString(root));
        }
        case csv -> {
          out.println("kind,name,value,date,session_id,sets,volume");
          for (ExerciseSession session : history.sessions()) {
            out.println("session,best_e1rm," + (session.bestE1rm() == null ? "" : Numbers.printed(session.bestE1rm()))
                + "," + session.date() + "," + session.sessionId() + "," + session.sets() + ","
                + Numbers.printed(session.volume()));
          }
          for (RecordKind kind : KINDS) {
            out.println(csvValue("record", kind.code(), history.records().get(kind)));
          }
          for (int reps = 1; reps <= OneRepMax.MAX_REPS; reps++) {
            out.println(csvValue("rep_max", Integer.toString(reps), history.repMaxes().get(reps)));
          }
        }
        case table -> {
          String unit = history.unit().code();
          out.println(history.exercise() + " (" + unit + ")");
          out.println();
          List<String[]> records = new ArrayList<>();
          records.add(new String[] {"Record", "Value", "Date"});
          for (RecordKind kind : KINDS) {
            RecordValue value = history.records().get(kind);
            records.add(new String[] {kind.title(), value == null ? "-" : Numbers.printed(value.value()).toString(),
                value == null ? "" : ReadableFormats.date(value.date())});
          }
          Table.print(out, records);
          out.println();
          List<String[]> maxes = new ArrayList<>();
          maxes.add(new String[] {"Reps", "Best weight", "Date"});
          for (int reps = 1; reps <= OneRepMax.MAX_REPS; reps++) {
            RecordValue value = history.repMaxes().get(reps);
            maxes.add(new String[] {Integer.toString(reps), value == null ? "-" : Numbers.printed(value.value()).toString(),
                value == null ? "" : ReadableFormats.date(value.date())});
          }
          Table.print(out, maxes);
          out.println();
          List<String[]> sessions = new ArrayList<>();
          sessions.add(new String[] {"Date", "Sets", "Best e1RM", "Volume"});
          for (ExerciseSession session : history.sessions()) {
            sessions.add(new String[] {ReadableFormats.date(session.date()), Integer.toString(session.sets()),
                session.bestE1rm() == null ? "-" : Numbers.printed(session.bestE1rm()).toString(),
                Numbers.printed(session.volume()).toString()});
          }
          if (history.sessions().isEmpty()) {
            out.println("No completed session has a working set of it yet.");
          } else {
            Table.print(out, sessions);
          }
        }
      }
    }

    private static Object record(RecordValue value) {
      if (value == null) {
        return null;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("value", Numbers.printed(value.value()));
      map.put("date", value.date().toString());
      map.put("session_id", value.sessionId().toString());
      return map;
    }

    private static String csvValue(String kind, String name, RecordValue value) {
      return kind + "," + name + "," + (value == null ? "" : Numbers.printed(value.value())) + ","
          + (value == null ? "" : value.date()) + "," + (value == null ? "" : value.sessionId()) + ",,";
    }
  }

  /** Rounding for print. */
  static final class Numbers {
    private Numbers() {}

    static java.math.BigDecimal printed(double value) {
      return dev.setwise.domain.progress.Weights.printed(value);
    }
  }

  /** CSV quoting (RFC 4180). */
  static final class Csv {
    private Csv() {}

    static String field(String text) {
      if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
      }
      return text;
    }
  }

  /** Columns padded to their widest cell, numbers right-aligned. */
  static final class Table {
    private Table() {}

    static void print(PrintWriter out, List<String[]> rows) {
      int columns = rows.get(0).length;
      int[] width = new int[columns];
      for (String[] row : rows) {
        for (int c = 0; c < columns; c++) {
          width[c] = Math.max(width[c], row[c].length());
        }
      }
      for (int r = 0; r < rows.size(); r++) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < columns; c++) {
          String cell = rows.get(r)[c];
          boolean right = c > 0 && r > 0 && !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.equals("-"));
          String padded = right ? " ".repeat(width[c] - cell.length()) + cell
              : cell + " ".repeat(width[c] - cell.length());
          line.append(c == 0 ? "" : "  ").append(padded);
        }
        out.println(line.toString().stripTrailing());
      }
    }
  }
}
