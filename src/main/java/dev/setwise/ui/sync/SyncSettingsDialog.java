package dev.setwise.ui.sync;

import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Views;
import dev.setwise.ui.sync.SyncSettingsViewModel.Tone;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * File → Sync settings…: the server and token, Test connection and Save with their outcome
 * inline, then where sync stands with Sync now (progress and Cancel) and Turn sync off. The token
 * field is a password field and is empty whenever the dialog opens.
 */
public final class SyncSettingsDialog {

  private static final double WIDTH = 620;

  private SyncSettingsDialog() {}

  /** Shows the dialog until it is closed; {@code review} opens the conflict review. */
  public static void show(Window owner, SyncSettingsViewModel vm, Runnable review) {
    SyncViewModel main = vm.main();
    Dialog<ButtonType> dialog = Views.owned(new Dialog<>(), owner);
    dialog.setTitle("Sync settings");
    dialog.setHeaderText("Sync " + (main.profile().get() == null ? "" : main.profile().get().name() + "'s ")
        + "plans and workouts with Setwise on another computer");
    dialog.getDialogPane().setId("sync-settings");
    dialog.getDialogPane().setMinWidth(WIDTH);
    dialog.getDialogPane().setPrefWidth(WIDTH);
    dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);

    TextField url = new TextField();
    url.setId("sync-server");
    url.setPromptText("http://192.168.1.20:8080");
    url.setAccessibleText("Server address");
    url.textProperty().bindBidirectional(vm.serverUrlProperty());
    PasswordField token = new PasswordField();
    token.setId("sync-token");
    token.setAccessibleText("API token");
    token.textProperty().bindBidirectional(vm.tokenProperty());
    token.promptTextProperty().bind(Bindings.when(vm.savedUrlProperty().isNull())
        .then("Made on the server with 'setwise token create'")
        .otherwise("Saved (never shown): type a new one to change it"));
    Label urlError = Views.errorLabel(vm.urlErrorProperty(), url);
    urlError.setId("sync-server-error");
    Label tokenError = Views.errorLabel(vm.tokenErrorProperty(), token);
    tokenError.setId("sync-token-error");

    Button test = Views.button("Test connection", MaterialDesignL.LAN_CONNECT);
    test.setId("sync-test");
    test.setOnAction(event -> vm.test());
    Button save = Views.button("Save and sync", MaterialDesignC.CONTENT_SAVE_OUTLINE);
    save.setId("sync-save");
    save.getStyleClass().add(Styles.ACCENT);
    save.setOnAction(event -> vm.save());
    test.disableProperty().bind(vm.busyProperty());
    save.disableProperty().bind(vm.busyProperty());
    HBox checks = new HBox(10, test, save);
    checks.setAlignment(Pos.CENTER_LEFT);

    Label message = paragraph(new Label());
    message.setId("sync-message");
    message.textProperty().bind(vm.messageProperty());
    message.visibleProperty().bind(vm.messageProperty().isNotEmpty());
    message.managedProperty().bind(message.visibleProperty());
    Runnable tone = () -> {
      Tone now = vm.toneProperty().get();
      message.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, "muted");
      message.setGraphic(switch (now) {
        case GOOD -> Views.icon(MaterialDesignC.CHECK_CIRCLE_OUTLINE);
        case BAD -> Views.icon(MaterialDesignA.ALERT_CIRCLE_OUTLINE);
        default -> null;
      });
      message.getStyleClass().add(now == Tone.GOOD ? Styles.SUCCESS : now == Tone.BAD ? Styles.DANGER : "muted");
    };
    tone.run();
    vm.toneProperty().addListener((obs, old, now) -> tone.run());

    // Where sync stands, Sync now with its progress, and Turn sync off.
    Label state = new Label();
    state.setId("sync-state");
    state.getStyleClass().add(Styles.TEXT_BOLD);
    Label detail = paragraph(new Label());
    detail.getStyleClass().add("muted");
    Runnable indicator = () -> {
      SyncIndicator now = main.indicatorProperty().get();
      state.setText(now.text());
      state.setGraphic(Views.icon(SyncIndicatorView.icon(now.kind())));
      detail.setText(now.detail());
    };
    indicator.run();
    Views.whenChanged(state, main.indicatorProperty(), now -> indicator.run());
    Button syncNow = Views.button("Sync now", MaterialDesignC.CLOUD_SYNC_OUTLINE);
    syncNow.setId("sync-now");
    syncNow.setOnAction(event -> vm.syncNow());
    syncNow.disableProperty().bind(main.syncingProperty().or(vm.savedUrlProperty().isNull()).or(vm.busyProperty()));
    Button cancel = Views.button("Cancel sync", MaterialDesignS.STOP_CIRCLE_OUTLINE);
    cancel.setId("sync-cancel");
    cancel.setOnAction(event -> main.cancel());
    cancel.visibleProperty().bind(main.syncingProperty());
    cancel.managedProperty().bind(cancel.visibleProperty());
    Button conflicts = Views.button("Review conflicts…", MaterialDesignA.ALERT_CIRCLE_OUTLINE);
    conflicts.setId("sync-review");
    conflicts.visibleProperty().bind(Bindings.createBooleanBinding(
        () -> main.indicatorProperty().get().opensReview(), main.indicatorProperty()));
    conflicts.managedProperty().bind(conflicts.visibleProperty());
    conflicts.setOnAction(event -> review.run());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    Button off = Views.button("Turn sync off…", MaterialDesignC.CLOUD_OFF_OUTLINE);
    off.setId("sync-off");
    off.getStyleClass().addAll(Styles.DANGER, Styles.FLAT);
    off.visibleProperty().bind(vm.savedUrlProperty().isNotNull());
    off.managedProperty().bind(off.visibleProperty());
    off.disableProperty().bind(vm.busyProperty());
    off.setOnAction(event -> {
      if (Views.confirm(dialog.getDialogPane().getScene().getWindow(), "Turn sync off?",
          "This computer forgets the server " + vm.savedUrlProperty().get() + " and the token for this profile, "
              + "with the changes still waiting and any conflicts. Its plans and workouts stay here, and the "
              + "server keeps what it has.", "Turn sync off")) {
        vm.turnOff();
      }
    });
    HBox actions = new HBox(10, syncNow, cancel, conflicts, gap, off);
    actions.setAlignment(Pos.CENTER_LEFT);

    ProgressBar bar = new ProgressBar();
    bar.setId("sync-progress");
    bar.setMaxWidth(Double.MAX_VALUE);
    bar.progressProperty().bind(main.progressProperty());
    Label progressText = new Label();
    progressText.getStyleClass().add("muted");
    progressText.textProperty().bind(main.progressTextProperty());
    VBox progress = new VBox(6, bar, progressText);
    progress.visibleProperty().bind(main.syncingProperty());
    progress.managedProperty().bind(progress.visibleProperty());
    Label outcome = paragraph(new Label());
    outcome.setId("sync-outcome");
    outcome.textProperty().bind(main.outcomeProperty());
    outcome.visibleProperty().bind(main.outcomeProperty().isNotEmpty().and(main.syncingProperty().not()));
    outcome.managedProperty().bind(outcome.visibleProperty());

    // Labels beside their fields, so the dialog fits a 600-pixel-high screen.
    GridPane form = new GridPane();
    form.setHgap(12);
    form.setVgap(4);
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    form.getColumnConstraints().addAll(names, fields);
    form.addRow(0, caption("Server address", url), url);
    form.add(urlError, 1, 1);
    form.addRow(2, caption("API token", token), token);
    form.add(tokenError, 1, 3);
    form.add(checks, 1, 4);
    GridPane.setMargin(checks, new javafx.geometry.Insets(6, 0, 0, 0));
    VBox content = new VBox(8, form, message, new Separator(), state, detail, actions, progress, outcome);
    content.getStyleClass().add("dialog-body");
    content.setFillWidth(true);
    dialog.getDialogPane().setContent(content);
    dialog.setOnShown(event -> url.requestFocus());
    vm.load();
    main.refresh();
    dialog.showAndWait();
  }

  private static Label caption(String text, javafx.scene.Node field) {
    Label label = new Label(text);
    label.getStyleClass().add("muted");
    label.setLabelFor(field);
    return label;
  }

  private static Label paragraph(Label label) {
    label.setWrapText(true);
    label.setMaxWidth(WIDTH - 50);
    label.setMinHeight(Region.USE_PREF_SIZE);
    return label;
  }
}
