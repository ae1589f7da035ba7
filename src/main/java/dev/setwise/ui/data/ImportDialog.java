package dev.setwise.ui.data;

import atlantafx.base.theme.Styles;
import dev.setwise.service.exchange.ImportSummary;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.data.ImportViewModel.Choice;
import dev.setwise.ui.data.ImportViewModel.State;
import dev.setwise.ui.data.ImportViewModel.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * The import of one file: the dry run with progress and Cancel, then the summary to read at arm's
 * length (what will be added, what is skipped, rows left out, problems, conflicts) with Import only
 * when something can be imported, then the import with progress and Cancel, then what it did.
 */
final class ImportDialog {

  private static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
  private static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);
  private static final ButtonType CLOSE = new ButtonType("Close", ButtonBar.ButtonData.CANCEL_CLOSE);
  private static final int LIST_ROWS = 6;
  /** About how many characters of the lists' monospace text fit on one line of the dialog. */
  private static final int WRAP_CHARS = 84;
  private static final double WIDTH = 800;
  /** Paragraphs: the dialog less its padding and the summary's scroll bar. */
  private static final double TEXT = WIDTH - 70;

  private final ImportViewModel vm;
  private final Consumer<String> onCancelled;
  private final Consumer<String> switchTo;
  private final Dialog<ButtonType> dialog;
  private final VBox content = new VBox(14);
  private State shown = State.IDLE;

  private ImportDialog(Window owner, ImportViewModel vm, Consumer<String> onCancelled, Consumer<String> switchTo) {
    this.vm = vm;
    this.onCancelled = onCancelled;
    this.switchTo = switchTo;
    this.dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Import");
    dialog.getDialogPane().setId("import-dialog");
    Dialogs.width(dialog, WIDTH);
    content.getStyleClass().add("dialog-body");
    dialog.getDialogPane().setContent(content);
  }

  /**
   * Checks {@code file} and shows the dialog until the person closes it.
   *
   * @param onCancelled gets the sentence to show in the main window when the person cancelled
   * @param switchTo switches the window to a profile (after importing into another one)
   */
  static void run(Window owner, ImportViewModel vm, Path file, Consumer<String> onCancelled,
      Consumer<String> switchTo) {
    new ImportDialog(owner, vm, onCancelled, switchTo).run(file);
  }

  private void run(Path file) {
    dialog.setHeaderText("Import " + file.getFileName());
    ChangeListener<Object> listener = (obs, old, now) -> show();
    vm.stateProperty().addListener(listener);
    vm.choiceProperty().addListener(listener);
    dialog.setOnHidden(event -> {
      vm.stateProperty().removeListener(listener);
      vm.choiceProperty().removeListener(listener);
    });
    dialog.setOnCloseRequest(event -> {
      State state = vm.stateProperty().get();
      if (state == State.CHECKING || state == State.IMPORTING) {
        vm.cancel();
        event.consume();
      }
    });
    vm.start(file);
    show();
    if (vm.stateProperty().get() != State.CANCELLED) {
      dialog.showAndWait();
    }
  }

  private void show() {
    State state = vm.stateProperty().get();
    State before = shown;
    shown = state;
    switch (state) {
      case CHECKING -> {
        content.getChildren().setAll(para("Nothing is changed until you choose Import.", "muted"),
            new ProgressBlock(vm.progressProperty(), vm.progressTextProperty()));
        buttons(CANCEL);
      }
      case REVIEW -> {
        Choice choice = vm.choiceProperty().get();
        if (choice != null) {
          showSummary(summary(choice), verdict(choice.summary()));
        }
        buttons(IMPORT, CANCEL);
        if (before != State.REVIEW) {
          // Enter imports (or closes a summary that cannot be imported); Tab reaches the rest.
          Button first = (Button) dialog.getDialogPane().lookupButton(vm.canImportProperty().get() ? IMPORT : CANCEL);
          Platform.runLater(first::requestFocus);
        }
      }
      case IMPORTING -> {
        content.getChildren().setAll(para("Importing into " + vm.choiceProperty().get().summary().profileName()
            + ": all or nothing. Cancel leaves your data as it was.", "muted"),
            new ProgressBlock(vm.progressProperty(), vm.progressTextProperty()));
        buttons(CANCEL);
      }
      case DONE -> {
        boolean warned = vm.resultProperty().get() != null && vm.resultProperty().get().summary().hasWarnings();
        Label outcome = warned ? outcome(vm.messageProperty().get(), Styles.WARNING, MaterialDesignA.ALERT_OUTLINE)
            : outcome(vm.messageProperty().get(), Styles.SUCCESS, MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        content.getChildren().setAll(outcome);
        String other = vm.otherProfileImportedInto();
        if (other != null) {
          content.getChildren().add(para("It is in the profile " + other + ". Switch to it to see it.", "muted"));
          buttons(new ButtonType("Switch to " + other, ButtonBar.ButtonData.OTHER), CLOSE);
        } else {
          buttons(CLOSE);
        }
      }
      case FAILED -> {
        content.getChildren().setAll(outcome(vm.messageProperty().get(), Styles.DANGER,
            MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        buttons(CLOSE);
      }
      case CANCELLED -> {
        onCancelled.accept(vm.messageProperty().get());
        dialog.close();
        return;
      }
      case IDLE -> { }
    }
    Dialogs.refit(dialog);
  }

  // ---- the summary ----

  private VBox summary(Choice choice) {
    ImportSummary s = choice.summary();
    VBox box = new VBox(14);
    box.setId("import-summary");

    Label kind = line("File type: " + s.format().label(), "muted");
    box.getChildren().add(kind);
    box.getChildren().add(target(choice));

    GridPane counts = new GridPane();
    counts.getStyleClass().add("summary-counts");
    counts.setHgap(24);
    counts.setVgap(6);
    Label addLabel = line(ImportViewModel.verdict(s) == Verdict.BLOCKED ? "Would be added" : "Will be added",
        "summary-label");
    Label add = line(ImportViewModel.additions(s), "summary-count");
    add.setId("import-additions");
    counts.addRow(0, addLabel, add);
    Label skipLabel = line("Already here, skipped", "summary-label");
    Label skip = line(ImportViewModel.duplicates(s), "summary-value");
    skip.setId("import-duplicates");
    counts.addRow(1, skipLabel, skip);
    box.getChildren().add(counts);

    for (String note : vm.notes(s)) {
      box.getChildren().add(para(note, "muted"));
    }
    section(box, "Rows left out", s.skippedRowCount(), ImportViewModel.skippedRows(s), "import-skipped-rows",
        "not imported; the rest of the file is");
    section(box, "Rows read with a change", s.csv().changedRowCount(), ImportViewModel.changedRows(s),
        "import-changed-rows", "imported as described");
    section(box, "Problems", s.problems().size(), ImportViewModel.problems(s), "import-problems",
        "each with its place in the file");
    section(box, "Conflicts", s.conflicts().size(), ImportViewModel.conflicts(s), "import-conflicts", null);

    box.setPadding(new Insets(0, 6, 0, 0));
    return box;
  }

  /** The conclusion under the summary: ready, nothing new, or why nothing can be imported. */
  private static Label verdict(ImportSummary s) {
    Verdict verdict = ImportViewModel.verdict(s);
    String style = switch (verdict) {
      case READY -> Styles.SUCCESS;
      case BLOCKED -> Styles.DANGER;
      case CAUTION, NOTHING_NEW -> Styles.WARNING;
    };
    org.kordamp.ikonli.Ikon icon = switch (verdict) {
      case READY -> MaterialDesignC.CHECK_CIRCLE_OUTLINE;
      case BLOCKED -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
      case CAUTION -> MaterialDesignA.ALERT_OUTLINE;
      case NOTHING_NEW -> MaterialDesignI.INFORMATION_OUTLINE;
    };
    Label foot = outcome(ImportViewModel.verdictText(s), style, icon);
    foot.setId("import-verdict");
    return foot;
  }

  /**
   * Puts the summary in a scroll pane as tall as it needs, but never taller than the screen allows
   * (a long list of problems scrolls; the buttons stay on screen).
   */
  private void showSummary(VBox box, Label verdict) {
    ScrollPane scroll = new ScrollPane(box);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add("edge-to-edge");
    scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    content.getChildren().setAll(scroll, verdict);
    // As tall as the summary, but the verdict and the buttons always stay on screen.
    scroll.setMaxHeight(Math.max(200, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 340
        - verdict.prefHeight(-1)));
  }

  /** Into which profile: the current one, said plainly, or a choice when the file has its own. */
  private Node target(Choice chosen) {
    if (vm.choices().size() < 2) {
      Label into = line("Into " + chosen.label(), "summary-target");
      into.setId("import-target");
      return into;
    }
    ToggleGroup group = new ToggleGroup();
    VBox options = new VBox(6);
    Label title = line("Import into", "summary-label");
    options.getChildren().add(title);
    for (Choice each : List.copyOf(vm.choices())) {
      RadioButton option = new RadioButton(each.label());
      option.setMnemonicParsing(false);
      option.setToggleGroup(group);
      option.setSelected(each == chosen);
      option.setUserData(each);
      options.getChildren().add(option);
    }
    // Arrow keys select as well as clicks: follow the group, not the buttons' actions.
    group.selectedToggleProperty().addListener((obs, old, now) -> {
      if (now != null && now.getUserData() instanceof Choice each && vm.choiceProperty().get() != each) {
        vm.choiceProperty().set(each);
        Platform.runLater(() -> focusChoice(each));
      }
    });
    options.setId("import-target");
    return options;
  }

  private void focusChoice(Choice each) {
    content.lookupAll(".radio-button").stream().filter(n -> n instanceof RadioButton r
        && r.getText().equals(each.label())).findFirst().ifPresent(Node::requestFocus);
  }

  private static void section(VBox box, String title, long count, List<String> lines, String id, String hint) {
    if (count == 0) {
      return;
    }
    Label head = new Label(title + " (" + String.format(java.util.Locale.ROOT, "%,d", count) + ")");
    head.getStyleClass().add("section-title");
    head.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    // A read-only text area, not a list: long reasons wrap instead of being cut off, and they can be
    // selected and copied. At most LIST_ROWS lines show; the rest scroll.
    TextArea list = new TextArea(String.join("\n", lines));
    list.setId(id);
    list.setEditable(false);
    list.setWrapText(true);
    list.getStyleClass().add("problem-list");
    int rows = 0;
    for (String each : lines) {
      rows += Math.max(1, (each.length() + WRAP_CHARS - 1) / WRAP_CHARS);
    }
    list.setPrefRowCount(Math.min(LIST_ROWS, rows));
    list.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    list.setAccessibleText(title);
    head.setLabelFor(list);
    javafx.scene.layout.HBox heading = new javafx.scene.layout.HBox(12, head);
    heading.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
    if (hint != null) {
      heading.getChildren().add(line(hint, "muted"));
    }
    box.getChildren().addAll(heading, list);
  }

  // ---- pieces ----

  private void buttons(ButtonType... types) {
    dialog.getDialogPane().getButtonTypes().setAll(types);
    for (ButtonType type : types) {
      Button button = (Button) dialog.getDialogPane().lookupButton(type);
      if (type == IMPORT) {
        button.setId("import-now");
        button.defaultButtonProperty().bind(vm.canImportProperty());
        button.disableProperty().bind(vm.canImportProperty().not());
        button.addEventFilter(ActionEvent.ACTION, event -> {
          event.consume();
          vm.importNow();
        });
      } else if (type == CANCEL) {
        button.setId("cancel-task");
        // Enter closes a summary that cannot be imported.
        button.defaultButtonProperty().bind(vm.canImportProperty().not().and(vm.stateProperty().isEqualTo(State.REVIEW)));
        button.addEventFilter(ActionEvent.ACTION, event -> {
          event.consume();
          State state = vm.stateProperty().get();
          if (state == State.CHECKING || state == State.IMPORTING) {
            vm.cancel();
          } else {
            dialog.setResult(CANCEL);
            dialog.close();
          }
        });
      } else if (type == CLOSE) {
        button.setId("close-dialog");
        button.setDefaultButton(types.length == 1);
      } else {
        String other = vm.otherProfileImportedInto();
        button.setId("switch-profile");
        button.setDefaultButton(true);
        button.addEventFilter(ActionEvent.ACTION, event -> {
          event.consume();
          switchTo.accept(other);
          dialog.setResult(CLOSE);
          dialog.close();
        });
      }
    }
  }

  private static Label line(String text, String style) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.getStyleClass().add(style);
    return label;
  }

  private static Label para(String text, String style) {
    return Dialogs.paragraph(line(text, style), TEXT);
  }

  private static Label outcome(String text, String style, org.kordamp.ikonli.Ikon icon) {
    Label label = para(text, "dialog-outcome");
    label.setId("import-outcome");
    label.getStyleClass().add(style);
    label.setGraphic(Views.icon(icon));
    return label;
  }
}
