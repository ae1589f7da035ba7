package dev.setwise.ui;

import atlantafx.base.theme.Styles;
import dev.setwise.domain.Profile;
import dev.setwise.service.ProfileContents;
import dev.setwise.ui.common.Views;
import java.util.ArrayList;
import java.util.List;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Profile → Delete profile…: says what deleting the current profile removes, that a backup is made
 * first and which profile opens next, and asks. A workout in progress must be ticked off too; the
 * only profile cannot be deleted (the dialog says so and offers nothing else).
 */
final class ProfileDeletionDialog {

  private final MainViewModel vm;
  private final Window owner;

  ProfileDeletionDialog(MainViewModel vm, Window owner) {
    this.vm = vm;
    this.owner = owner;
  }

  /** Reads what the current profile holds, then asks. */
  void show() {
    vm.profileContents(this::ask, vm.errorProperty()::set);
  }

  private void ask(ProfileContents contents) {
    Profile profile = contents.profile();
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Delete profile");
    dialog.getDialogPane().setMinWidth(520);
    dialog.getDialogPane().setPrefWidth(560);
    VBox body = new VBox(12);
    body.getStyleClass().add("dialog-body");
    if (contents.onlyProfile()) {
      dialog.setHeaderText(profile.name() + " is the only profile");
      body.getChildren().add(wrapped(profile.name() + " cannot be deleted: Setwise always keeps one profile. "
          + "Create another one first (Profile → New profile…), then delete this one."));
      dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
      dialog.getDialogPane().setContent(body);
      dialog.showAndWait();
      return;
    }
    String next = vm.profiles().stream().filter(p -> !p.id().equals(profile.id())).map(Profile::name).findFirst()
        .orElse("another profile");
    dialog.setHeaderText("Delete " + profile.name() + " and everything in it?");
    body.getChildren().add(wrapped("This deletes " + what(contents) + ", its API tokens and its activity log. "
        + "A backup of all your data is made first; File → Backups… can restore it. Setwise then opens " + next + "."));
    CheckBox workout = new CheckBox("Also delete the workout in progress");
    workout.setId("delete-profile-workout");
    if (contents.workoutInProgress()) {
      Label warning = wrapped(profile.name() + " has a workout in progress. It is deleted with the profile.");
      warning.getStyleClass().add(Styles.WARNING);
      body.getChildren().addAll(warning, workout);
    }
    Label error = wrapped("");
    error.getStyleClass().add("field-error");
    error.managedProperty().bind(error.textProperty().isNotEmpty());
    body.getChildren().add(error);
    dialog.getDialogPane().setContent(body);
    ButtonType delete = new ButtonType("Delete " + profile.name(), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(delete, ButtonType.CANCEL);
    Button deleteButton = (Button) dialog.getDialogPane().lookupButton(delete);
    deleteButton.setId("delete-profile-confirm");
    deleteButton.getStyleClass().add(Styles.DANGER);
    deleteButton.setDefaultButton(false);
    if (contents.workoutInProgress()) {
      deleteButton.disableProperty().bind(workout.selectedProperty().not());
    }
    deleteButton.addEventFilter(ActionEvent.ACTION, event -> {
      event.consume();
      deleteButton.disableProperty().unbind();
      deleteButton.setDisable(true);
      error.setText("Making a backup, then deleting…");
      vm.deleteProfile(workout.isSelected(), done -> {
        dialog.setResult(delete);
        dialog.close();
      }, failure -> {
        deleteButton.setDisable(false);
        error.setText(failure);
      });
    });
    dialog.showAndWait();
  }

  private static String what(ProfileContents contents) {
    List<String> parts = new ArrayList<>();
    parts.add(count(contents.plans(), "plan"));
    parts.add(count(contents.sessions(), "session"));
    if (contents.amendments() > 0) {
      parts.add(count(contents.amendments(), "amendment"));
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }

  private static String count(long n, String noun) {
    return String.format(java.util.Locale.ROOT, "%,d", n) + " " + noun + (n == 1 ? "" : "s");
  }

  private static Label wrapped(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    label.setMaxWidth(500);
    return label;
  }
}
