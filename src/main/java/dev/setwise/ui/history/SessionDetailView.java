package dev.setwise.ui.history;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.setwise.domain.Exercise;
import dev.setwise.domain.Session;
import dev.setwise.domain.SetEntry;
import dev.setwise.domain.SetType;
import dev.setwise.domain.Supersets;
import dev.setwise.domain.Unit;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.NumberText;
import dev.setwise.ui.common.SupersetFrame;
import dev.setwise.ui.common.Views;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A session, read-only: what was planned and what was done, set by set; for a completed one, its
 * versions and actions ({@link SessionActions}).
 */
public final class SessionDetailView {

  private final SessionDetailViewModel vm;
  private final VBox root = new VBox(12);
  private final VBox body = new VBox(14);
  private final Button back;
  private final VBox top = new VBox();
  private java.util.function.Function<String, Node> exerciseExtras = name -> null;

  public SessionDetailView(SessionDetailViewModel vm, Runnable close) {
    this.vm = vm;
    back = Views.button("Back to history", MaterialDesignA.ARROW_LEFT);
    back.setId("back-to-history");
    back.setOnAction(event -> close.run());
    Views.tip(back, "Back to the list", null);
    Label title = new Label();
    title.getStyleClass().add("screen-title");
    title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.shownProperty().get() == null
        ? "" : vm.shownProperty().get().structure().name(), vm.shownProperty()));
    title.setMinWidth(0);
    Label amendedTag = SessionActions.amendedTag();
    amendedTag.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> vm.sessionProperty().get() != null && vm.sessionProperty().get().amended(), vm.sessionProperty()));
    amendedTag.managedProperty().bind(amendedTag.visibleProperty());
    HBox heading = new HBox(12, title, amendedTag);
    heading.setAlignment(Pos.CENTER_LEFT);
    Label summary = new Label();
    summary.setId("session-summary");
    summary.textProperty().bind(vm.summaryProperty());
    summary.getStyleClass().add(Styles.TITLE_4);
    Label readOnly = new Label("Completed sessions are kept as they were: Amend… records a correction beside the "
        + "original.", Views.icon(MaterialDesignC.CHECK_CIRCLE));
    readOnly.getStyleClass().add("muted");
    readOnly.setWrapText(true);
    // An amended session says it with its tag and its versions; the line is for the others.
    readOnly.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
        () -> vm.sessionProperty().get() != null && !vm.sessionProperty().get().amended(), vm.sessionProperty()));
    readOnly.managedProperty().bind(readOnly.visibleProperty());
    ScrollPane scroll = new ScrollPane(body);
    scroll.setFitToWidth(true);
    scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    SessionActions actions = new SessionActions(vm);
    HBox topLine = new HBox(12, back, new atlantafx.base.controls.Spacer(), actions.buttons());
    topLine.setAlignment(Pos.CENTER_LEFT);
    root.getChildren().addAll(topLine, heading, summary, actions.versions(), readOnly,
        Views.banner(vm.errorProperty(), Styles.DANGER), Views.banner(vm.noticeProperty(), Styles.SUCCESS), top,
        scroll);
    root.setPadding(new Insets(16, 20, 16, 20));
    root.setOnKeyPressed(event -> {
      if (event.getCode() == KeyCode.ESCAPE || event.getCode() == KeyCode.BACK_SPACE) {
        close.run();
        event.consume();
      }
    });
    vm.shownProperty().addListener((obs, old, now) -> render(now));
  }

  public Node node() {
    return root;
  }

  /**
   * What other screens add: a node above the sets (the progress side: records set, progression)
   * and one in each exercise's head (its history); a null node adds nothing.
   */
  public void setExtras(Node above, java.util.function.Function<String, Node> forExercise) {
    top.getChildren().setAll(above == null ? java.util.List.of() : java.util.List.of(above));
    this.exerciseExtras = forExercise;
    render(vm.shownProperty().get());
  }

  public void focusDefault() {
    back.requestFocus();
  }

  private void render(Session session) {
    body.getChildren().clear();
    if (session == null) {
      return;
    }
    Unit unit = session.structure().unit();
    for (List<Exercise> block : Supersets.blocks(session.structure().exercises(), Exercise::superset)) {
      List<Node> cards = block.stream().map(exercise -> card(exercise, unit)).toList();
      if (Supersets.isSuperset(block)) {
        body.getChildren().add(SupersetFrame.of(block.get(0).superset(),
            Supersets.roundRest(block, Exercise::restSeconds), cards));
      } else {
        body.getChildren().addAll(cards);
      }
    }
    if (session.structure().notes() != null) {
      Label caption = new Label("Session notes");
      caption.getStyleClass().add(Styles.TEXT_BOLD);
      Label notes = new Label(session.structure().notes());
      notes.setWrapText(true);
      body.getChildren().add(new VBox(4, caption, notes));
    }
  }

  /** One exercise: name, notes, and a row per set with its target and what was done. */
  private Node card(Exercise exercise, Unit unit) {
    VBox card = new VBox(8);
    card.getStyleClass().add("card");
    Label name = new Label(exercise.name());
    name.getStyleClass().add("exercise-name");
    HBox head = new HBox(12, name);
    head.setAlignment(Pos.CENTER_LEFT);
    Node extra = exerciseExtras.apply(exercise.name());
    if (extra != null) {
      head.getChildren().addAll(new atlantafx.base.controls.Spacer(), extra);
    }
    card.getChildren().add(head);
    if (exercise.notes() != null) {
      Label notes = new Label(exercise.notes());
      notes.setWrapText(true);
      notes.getStyleClass().add("muted");
      card.getChildren().add(notes);
    }
    GridPane grid = new GridPane();
    grid.setHgap(24);
    grid.setVgap(6);
    String[] heads = {"Set", "Target", "Reps", "Weight (" + unit.code() + ")", "RPE", "Done at"};
    for (int c = 0; c < heads.length; c++) {
      Label label = new Label(heads[c]);
      label.getStyleClass().add("column-head");
      grid.add(label, c, 0);
    }
    int number = 0;
    int row = 1;
    for (SetEntry set : exercise.sets()) {
      if (set.type() != SetType.WARMUP) {
        number++;
      }
      grid.add(cell(Formats.setBadge(set.type(), number)), 0, row);
      grid.add(cell(Formats.target(set, unit)), 1, row);
      grid.add(cell(NumberText.format(set.reps())), 2, row);
      grid.add(cell(NumberText.format(set.weight())), 3, row);
      grid.add(cell(NumberText.format(set.rpe())), 4, row);
      grid.add(cell(set.completed() ? Formats.time(set.completedAt(), vm.zone()) + " ✓" : "not done"), 5, row);
      row++;
    }
    if (exercise.sets().isEmpty()) {
      grid.add(cell("No sets"), 0, row);
    }
    card.getChildren().add(grid);
    return card;
  }

  private static Label cell(String text) {
    Label label = new Label(text == null || text.isEmpty() ? "—" : text);
    label.getStyleClass().add("set-target");
    return label;
  }
}
