package dev.setwise.ui.data;

import dev.setwise.domain.Problem;
import dev.setwise.domain.Profile;
import dev.setwise.service.Cancellation;
import dev.setwise.service.exchange.ImportFormat;
import dev.setwise.service.exchange.ImportOptions;
import dev.setwise.service.exchange.ImportResult;
import dev.setwise.service.exchange.ImportService;
import dev.setwise.service.exchange.ImportSource;
import dev.setwise.service.exchange.ImportSummary;
import dev.setwise.ui.common.BackgroundTasks;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.ProgressRelay;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * File → Import…: a dry run of the chosen file first (in the background, with progress and Cancel),
 * then a summary to read (what will be added, duplicates skipped, rows left out with their line
 * numbers, problems with their JSON paths, conflicts), then the import itself, all or nothing.
 *
 * <p>Which profile: the current one by default, and the summary says so. The service is asked with
 * that profile's name, as {@code setwise import FILE --profile NAME} would. A Setwise export also
 * carries its own profile, where the command line puts it without {@code --profile}; when that is
 * another profile (or one that does not exist yet) the summary offers it as the other choice,
 * with its own dry run.
 */
public final class ImportViewModel {

  /** Where an import stands. */
  public enum State { IDLE, CHECKING, REVIEW, IMPORTING, DONE, FAILED, CANCELLED }

  /**
   * What the summary concludes. {@code CAUTION}: it can be imported, but not all of it as it stands
   * (rows left out, a unit assumed, columns not read), so it is a warning and never a plain success.
   */
  public enum Verdict { READY, CAUTION, NOTHING_NEW, BLOCKED }

  /**
   * A profile the file can go to, with what the dry run found for it.
   *
   * @param profileName the name given to the service, or null for the file's own profile
   */
  public record Choice(String label, String profileName, ImportSummary summary) {

    @Override
    public String toString() {
      return label;
    }
  }

  private final ImportService imports;
  private final BackgroundTasks tasks;
  private final ReadOnlyObjectProperty<Profile> profile;
  private final ZoneId zone;
  private final Consumer<ImportResult> onImported;

  private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.IDLE);
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", -1);
  private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "");
  private final StringProperty fileName = new SimpleStringProperty(this, "fileName", "");
  private final ObservableList<Choice> choices = FXCollections.observableArrayList();
  private final ObjectProperty<Choice> choice = new SimpleObjectProperty<>(this, "choice");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final ObjectProperty<ImportResult> result = new SimpleObjectProperty<>(this, "result");
  private final BooleanBinding canImport;
  private Path file;
  private Cancellation cancellation = Cancellation.none();
  private long generation;

  /**
   * @param onImported told on the FX thread when an import changed something, so every screen can
   *     show the new data
   */
  public ImportViewModel(ImportService imports, BackgroundTasks tasks, ReadOnlyObjectProperty<Profile> profile,
      ZoneId zone, Consumer<ImportResult> onImported) {
    this.imports = imports;
    this.tasks = tasks;
    this.profile = profile;
    this.zone = zone;
    this.onImported = onImported;
    this.canImport = Bindings.createBooleanBinding(() -> state.get() == State.REVIEW && choice.get() != null
        && importable(verdict(choice.get().summary())), state, choice);
  }

  /** Checks {@code chosen} (the dry run) for the current profile, and for the file's own when that differs. */
  public void start(Path chosen) {
    Profile owner = profile.get();
    if (owner == null || busy()) {
      return;
    }
    file = chosen;
    long ticket = ++generation;
    Cancellation cancel = begin(ticket, State.CHECKING, "Reading the file…");
    fileName.set(String.valueOf(chosen.getFileName()));
    choices.clear();
    choice.set(null);
    ImportSource source = ImportSource.of(chosen);
    ProgressRelay relay = relay(ticket);
    tasks.read("check the file", () -> analyze(source, owner, relay, cancel), found -> {
      if (ticket != generation) {
        return;
      }
      choices.setAll(found);
      choice.set(found.get(0));
      state.set(State.REVIEW);
    }, failure -> ended(ticket, failure.cause(), "Import cancelled. Nothing was changed.", failure.message()));
  }

  private List<Choice> analyze(ImportSource source, Profile owner, ProgressRelay relay, Cancellation cancel) {
    ImportSummary here = imports.analyze(source, new ImportOptions(owner.name()),
        (step, done, total) -> relay.update("Checking the file for " + owner.name(), done, total), cancel);
    List<Choice> found = new ArrayList<>();
    Choice current = new Choice(owner.name() + " (your current profile)", owner.name(), here);
    if (here.format() == ImportFormat.SETWISE) {
      // A second read, for the profile the export names: offered first and chosen by default, as the
      // command line does, so an export goes back into its own profile with its own ids.
      ImportSummary own = imports.analyze(source, ImportOptions.defaults(),
          (step, done, total) -> relay.update("Checking the file for its own profile", done, total), cancel);
      if (own.profileName() != null && !own.profileName().equalsIgnoreCase(owner.name())) {
        found.add(new Choice(own.profileName() + (own.createsProfile()
            ? " (a new profile, as in the file)" : " (the profile the file was exported from)"), null, own));
      }
    }
    found.add(current);
    return found;
  }

  /** Imports the file into the chosen profile: all of it in one transaction, after a backup. */
  public void importNow() {
    if (!canImport.get()) {
      return;
    }
    Choice target = choice.get();
    long ticket = ++generation;
    Cancellation cancel = begin(ticket, State.IMPORTING, "Starting…");
    ImportSource source = ImportSource.of(file);
    tasks.wholeFile("import the file", () -> imports.importData(source, new ImportOptions(target.profileName()),
        relay(ticket), cancel), done -> {
          if (ticket != generation) {
            return;
          }
          result.set(done);
          progress.set(1);
          message.set(doneMessage(done));
          state.set(State.DONE);
          if (done.applied()) {
            onImported.accept(done);
          }
        }, failure -> ended(ticket, failure.cause(), "Import cancelled. Nothing was imported.",
            failure.message().startsWith("Nothing was imported") ? failure.message()
                : "Nothing was imported. " + failure.message()));
  }

  /** Stops the dry run or the import under way (nothing is changed); does nothing otherwise. */
  public void cancel() {
    if (busy()) {
      cancellation.cancel();
      progressText.set("Cancelling…");
    }
  }

  private boolean busy() {
    return state.get() == State.CHECKING || state.get() == State.IMPORTING;
  }

  private Cancellation begin(long ticket, State next, String text) {
    Cancellation cancel = new Cancellation();
    cancellation = cancel;
    result.set(null);
    message.set("");
    progress.set(-1);
    progressText.set(text);
    state.set(next);
    return cancel;
  }

  private ProgressRelay relay(long ticket) {
    return new ProgressRelay(tasks, step -> {
      if (ticket == generation && busy()) {
        progress.set(step.fraction());
        progressText.set(step.total() > 0
            ? String.format(Locale.ROOT, "%s: %,d of %,d items", step.step(), step.done(), step.total())
            : step.step() + "…");
      }
    });
  }

  private void ended(long ticket, Throwable cause, String cancelled, String failed) {
    if (ticket != generation) {
      return;
    }
    if (cause instanceof CancellationException) {
      message.set(cancelled);
      state.set(State.CANCELLED);
    } else {
      message.set(failed);
      state.set(State.FAILED);
    }
  }

  // ---- the summary in words (static, so they are tested without running anything) ----

  /** Whether the summary allows an import, and whether it would change anything. */
  public static Verdict verdict(ImportSummary s) {
    if (!s.importable()) {
      return Verdict.BLOCKED;
    }
    if (s.changesNothing()) {
      return Verdict.NOTHING_NEW;
    }
    return s.hasWarnings() ? Verdict.CAUTION : Verdict.READY;
  }

  /** True for a verdict that offers Import. */
  public static boolean importable(Verdict verdict) {
    return verdict == Verdict.READY || verdict == Verdict.CAUTION;
  }

  /** The verdict as a sentence for the foot of the summary. */
  public static String verdictText(ImportSummary s) {
    return switch (verdict(s)) {
      case READY -> "Import adds " + additions(s) + " to " + s.profileName()
          + (s.createsProfile() ? " (created)" : "") + ". A backup is made first.";
      case CAUTION -> "Import adds " + additions(s) + " to " + s.profileName()
          + (s.createsProfile() ? " (created)" : "") + ", but " + String.join(" and ", cautions(s))
          + ". A backup is made first.";
      case NOTHING_NEW -> "Nothing to import: everything in this file is already in " + s.profileName() + ".";
      case BLOCKED -> !s.problems().isEmpty()
          ? "This file cannot be imported: " + problemCount(s.problems().size()) + ". Nothing was changed."
          : "Nothing can be imported: the file clashes with " + s.profileName() + "'s data (see Conflicts).";
    };
  }

  /** What keeps an importable summary from being a plain success, as parts of a sentence. */
  static List<String> cautions(ImportSummary s) {
    List<String> parts = new ArrayList<>();
    if (s.skippedRowCount() > 0) {
      parts.add(Counts.of(s.skippedRowCount(), "row") + " of the file " + (s.skippedRowCount() == 1 ? "is" : "are")
          + " left out (see Rows left out)");
    }
    String weights = s.csv().assumedWeightUnit() == null ? null : s.csv().assumedWeightUnit().code();
    String distances = s.csv().assumedDistanceUnit();
    if (weights != null && distances != null) {
      parts.add("its weights are read as " + weights + " and its distances as " + distances
          + " (the file names no unit)");
    } else if (weights != null) {
      parts.add("its weights are read as " + weights + " (the file names no unit)");
    } else if (distances != null) {
      parts.add("its distances are read as " + distances + " (the file names no unit)");
    }
    if (!s.csv().unreadColumns().isEmpty()) {
      parts.add("the column" + (s.csv().unreadColumns().size() == 1 ? " " : "s ")
          + String.join(", ", s.csv().unreadColumns()) + " " + (s.csv().unreadColumns().size() == 1 ? "is" : "are")
          + " not read");
    }
    return parts;
  }

  private static String problemCount(int n) {
    return n == 1 ? "it has a problem" : "it has " + String.format(Locale.ROOT, "%,d", n) + " problems";
  }

  /** "2 plans and 40 sessions", "1 session", "3 sessions and 1 amendment", "nothing new". */
  public static String additions(ImportSummary s) {
    return listed(s.plansNew(), s.sessionsNew(), s.amendmentsNew(), "nothing new");
  }

  /** "1 plan and 3 sessions", or "none". */
  public static String duplicates(ImportSummary s) {
    return listed(s.plansDuplicate(), s.sessionsDuplicate(), s.amendmentsDuplicate(), "none");
  }

  private static String listed(long plans, long sessions, long amendments, String none) {
    List<String> parts = new ArrayList<>();
    if (plans > 0) {
      parts.add(Counts.of(plans, "plan"));
    }
    if (sessions > 0) {
      parts.add(Counts.of(sessions, "session"));
    }
    if (amendments > 0) {
      parts.add(Counts.of(amendments, "amendment"));
    }
    if (parts.isEmpty()) {
      return none;
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  /** Lines worth knowing that are neither counts nor problems (may be empty). */
  public List<String> notes(ImportSummary s) {
    List<String> notes = new ArrayList<>();
    if (s.firstDate() != null) {
      notes.add(s.firstDate().equals(s.lastDate()) ? "The file holds sessions of " + Formats.date(s.firstDate()) + "."
          : "The file holds sessions from " + Formats.date(s.firstDate()) + " to " + Formats.date(s.lastDate()) + ".");
    }
    if (s.csv().assumedWeightUnit() != null) {
      notes.add("The file names no unit for its weights: they are read as " + s.csv().assumedWeightUnit().code()
          + ", the unit of " + s.profileName() + ". If they are in the other unit, import into a profile that uses it.");
    }
    if (s.csv().assumedDistanceUnit() != null) {
      notes.add("The file names no unit for its distances: they are read as " + s.csv().assumedDistanceUnit() + ".");
    }
    if (s.csv().restTimerRows() > 0) {
      notes.add(Counts.of(s.csv().restTimerRows(), "rest timer row") + " (rest between sets, not sets) "
          + (s.csv().restTimerRows() == 1 ? "is" : "are") + " not imported.");
    }
    if (!s.csv().unreadColumns().isEmpty()) {
      notes.add("Setwise does not read the column" + (s.csv().unreadColumns().size() == 1 ? " " : "s ")
          + String.join(", ", s.csv().unreadColumns()) + "; " + (s.csv().unreadColumns().size() == 1 ? "its" : "their")
          + " values are not imported.");
    }
    if (s.createsProfile()) {
      notes.add("The profile " + s.profileName() + " does not exist yet; the import creates it.");
    }
    if (s.idsRemapped() > 0) {
      notes.add(Counts.of(s.idsRemapped(), "item") + " of the file already belong to another profile here; "
          + (s.idsRemapped() == 1 ? "it is" : "they are") + " added as copies with new ids.");
    }
    if (s.previousImport() != null) {
      notes.add("You imported this file into " + s.profileName() + " before, on "
          + Formats.dateTime(s.previousImport(), zone) + ".");
    }
    return notes;
  }

  /** "line 14: unknown set type 'x'" …, with a last line for rows not listed. */
  public static List<String> skippedRows(ImportSummary s) {
    return listed(s.skippedRows(), s.skippedRowCount());
  }

  /** Rows read with a change (repaired, a text shortened), with a last line for rows not listed. */
  public static List<String> changedRows(ImportSummary s) {
    return listed(s.csv().changedRows(), s.csv().changedRowCount());
  }

  /** "sessions[3].session.exercises[0].sets[1].reps: must be …" … */
  public static List<String> problems(ImportSummary s) {
    return listed(s.problems(), s.problems().size());
  }

  public static List<String> conflicts(ImportSummary s) {
    return listed(s.conflicts(), s.conflicts().size());
  }

  private static List<String> listed(List<Problem> items, long total) {
    List<String> lines = new ArrayList<>(items.stream().map(Problem::toString).toList());
    if (total > items.size()) {
      lines.add(String.format(Locale.ROOT, "… and %,d more", total - items.size()));
    }
    return lines;
  }

  /** What the import did, in a sentence or two. */
  static String doneMessage(ImportResult done) {
    ImportSummary s = done.summary();
    if (!done.applied()) {
      return "Nothing was imported: everything in " + s.fileName() + " is already in " + s.profileName() + ".";
    }
    StringBuilder text = new StringBuilder("Imported " + additions(s) + " into " + s.profileName()
        + (s.createsProfile() ? " (a new profile)" : "") + ".");
    if (s.skippedRowCount() > 0) {
      text.append(' ').append(Counts.of(s.skippedRowCount(), "row")).append(" of the file ")
          .append(s.skippedRowCount() == 1 ? "was" : "were").append(" left out.");
    }
    if (done.backup() != null) {
      text.append(" A backup was made first: ").append(done.backup().getFileName()).append('.');
    }
    return text.toString();
  }

  /** The profile the data went to when that is not the current one (offer to switch), else null. */
  public String otherProfileImportedInto() {
    ImportResult done = result.get();
    Profile current = profile.get();
    if (done == null || !done.applied() || current == null) {
      return null;
    }
    String name = done.summary().profileName();
    return name == null || name.equalsIgnoreCase(current.name()) ? null : name;
  }

  // ---- properties ----

  public ReadOnlyObjectProperty<State> stateProperty() {
    return state;
  }

  public DoubleProperty progressProperty() {
    return progress;
  }

  public StringProperty progressTextProperty() {
    return progressText;
  }

  public StringProperty fileNameProperty() {
    return fileName;
  }

  /** The profiles the file can go to (the current one first); filled once the dry run is done. */
  public ObservableList<Choice> choices() {
    return choices;
  }

  /** The chosen profile and its dry run; the summary shows this one. */
  public ObjectProperty<Choice> choiceProperty() {
    return choice;
  }

  /** True while the summary is shown and allows an import. */
  public BooleanBinding canImportProperty() {
    return canImport;
  }

  /** The outcome in a sentence (done, failed or cancelled). */
  public StringProperty messageProperty() {
    return message;
  }

  public ReadOnlyObjectProperty<ImportResult> resultProperty() {
    return result;
  }
}
