package dev.setwise.ui.plan;

import atlantafx.base.theme.Styles;
import dev.setwise.domain.PlanSummary;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

/** The plans screen: the list on the left, the editor of the selected plan on the right. */
public final class PlansView {

  private final PlansViewModel vm;
  private final BorderPane root = new BorderPane();
  private final ListView<PlanSummary> list = new ListView<>();
  private final PlanEditorView editor;
  private boolean syncing;

  public PlansView(PlansViewModel vm) {
    this.vm = vm;
    this.editor = new PlanEditorView(vm.editor(), vm::save, vm::startWorkout, vm::revert);

    Label title = new Label("Plans");
    title.getStyleClass().add("screen-title");
    list.setId("plan-list");
    list.setItems(vm.plans());
    list.setCellFactory(view -> new PlanCell());
    list.setPrefWidth(300);
    list.setPlaceholder(new Label("No plans yet.\nPress New plan to write one."));
    VBox.setVgrow(list, Priority.ALWAYS);
    list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
      if (!syncing && now != null && (vm.selectedProperty().get() == null
          || !now.id().equals(vm.selectedProperty().get().id()))) {
        if (confirmLeavingEditor()) {
          vm.select(now);
        } else {
          syncSelection();
        }
      }
    });
    vm.selectedProperty().addListener((obs, old, now) -> syncSelection());

    Button create = Views.button("New plan", MaterialDesignP.PLUS);
    create.getStyleClass().add(Styles.ACCENT);
    create.setOnAction(event -> newPlan());
    Views.tip(create, "Write a new plan", Shortcuts.NEW_PLAN);
    Button duplicate = Views.button("Duplicate", MaterialDesignC.CONTENT_COPY);
    duplicate.setOnAction(event -> vm.duplicate());
    duplicate.disableProperty().bind(vm.selectedProperty().isNull());
    Views.tip(duplicate, "Copy the selected plan", Shortcuts.DUPLICATE_PLAN);
    Button delete = Views.button("Delete…", MaterialDesignD.DELETE_OUTLINE);
    delete.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
    delete.setOnAction(event -> delete());
    delete.disableProperty().bind(vm.selectedProperty().isNull());
    Views.tip(delete, "Delete the selected plan (archived if it has sessions)", Shortcuts.DELETE_PLAN);
    HBox buttons = new HBox(8, create, duplicate, delete);

    VBox left = new VBox(12, title, buttons, list);
    left.setPadding(new Insets(16, 12, 16, 20));

    Label empty = new Label("Select a plan to edit it, or press New plan.");
    empty.getStyleClass().add("empty-note");
    StackPane right = new StackPane(empty, editor.node());
    empty.visibleProperty().bind(vm.editor().openProperty().not());
    editor.node().visibleProperty().bind(vm.editor().openProperty());
    VBox rightBox = new VBox(8, Views.banner(vm.messageProperty(), Styles.SUCCESS),
        Views.banner(vm.errorProperty(), Styles.DANGER), right);
    VBox.setVgrow(right, Priority.ALWAYS);
    StackPane.setAlignment(empty, Pos.CENTER);
    rightBox.setPadding(new Insets(16, 0, 8, 8));

    root.setLeft(left);
    root.setCenter(rightBox);
  }

  public Node node() {
    return root;
  }

  public void focusDefault() {
    if (vm.editor().openProperty().get()) {
      editor.focusName();
    } else {
      list.requestFocus();
    }
  }

  public void newPlan() {
    if (confirmLeavingEditor()) {
      vm.newPlan();
      editor.focusName();
    }
  }

  public void addExercise() {
    if (vm.editor().openProperty().get()) {
      editor.addExercise();
    }
  }

  public void delete() {
    PlanSummary plan = vm.selectedProperty().get();
    if (plan != null && Views.confirm(root.getScene().getWindow(),
        plan.hasSessions() ? "Archive “" + plan.name() + "”?" : "Delete “" + plan.name() + "”?",
        vm.deleteQuestion(plan), plan.hasSessions() ? "Archive" : "Delete")) {
      vm.delete();
    }
  }

  private boolean confirmLeavingEditor() {
    PlanEditorViewModel editorVm = vm.editor();
    if (!editorVm.openProperty().get() || !editorVm.dirtyProperty().get()) {
      return true;
    }
    return Views.confirm(root.getScene().getWindow(), "Throw away your changes?",
        "The plan you are editing has changes that are not saved.", "Throw away");
  }

  private void syncSelection() {
    syncing = true;
    try {
      PlanSummary selected = vm.selectedProperty().get();
      if (selected == null) {
        list.getSelectionModel().clearSelection();
      } else {
        vm.plans().stream().filter(p -> p.id().equals(selected.id())).findFirst()
            .ifPresent(p -> list.getSelectionModel().select(p));
      }
    } finally {
      syncing = false;
    }
  }

  private static final class PlanCell extends ListCell<PlanSummary> {
    @Override
    protected void updateItem(PlanSummary item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
        return;
      }
      Label name = new Label(item.name());
      name.getStyleClass().add(Styles.TEXT_BOLD);
      Label details = new Label(item.exerciseCount() + (item.exerciseCount() == 1 ? " exercise" : " exercises")
          + (item.hasSessions() ? " · has sessions" : ""));
      details.getStyleClass().add("muted");
      setText(null);
      setGraphic(new VBox(2, name, details));
    }
  }
}
