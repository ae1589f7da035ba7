package dev.setwise.ui.sync;

import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Views;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The header's sync indicator: an icon and a few words ("Synced at 18:42", "3 changes waiting",
 * "Offline", "1 conflict", "Syncing…"), the whole sentence in its tooltip. A click opens the
 * conflict review when there are conflicts, else the sync settings. Offline is drawn like any
 * calm state; only conflicts and problems take the warning colour.
 */
public final class SyncIndicatorView {

  private SyncIndicatorView() {}

  /** The indicator bound to {@code vm}; {@code review} and {@code settings} open the dialogs. */
  public static Button build(SyncViewModel vm, Runnable review, Runnable settings) {
    Button button = new Button();
    button.setId("sync-indicator");
    button.setMnemonicParsing(false);
    button.setFocusTraversable(false);
    button.getStyleClass().addAll(Styles.FLAT, "sync-indicator");
    Tooltip tip = new Tooltip();
    tip.setShowDelay(Duration.millis(300));
    tip.setWrapText(true);
    tip.setMaxWidth(420);
    button.setTooltip(tip);
    Runnable show = () -> {
      SyncIndicator now = vm.indicatorProperty().get();
      button.setText(now.text());
      button.setVisible(!now.text().isEmpty());
      button.setGraphic(Views.icon(icon(now.kind())));
      tip.setText(now.detail());
      button.setAccessibleText("Sync: " + now.text() + ". " + now.detail());
      button.getStyleClass().removeAll(Styles.WARNING, "sync-calm");
      button.getStyleClass().add(now.kind() == SyncIndicator.Kind.CONFLICTS || now.kind() == SyncIndicator.Kind.PROBLEM
          ? Styles.WARNING : "sync-calm");
    };
    show.run();
    // The model outlives a window rebuilt after a restore: the button holds the listener.
    Views.whenChanged(button, vm.indicatorProperty(), now -> show.run());
    button.setOnAction(event -> {
      if (vm.indicatorProperty().get().opensReview()) {
        review.run();
      } else {
        settings.run();
      }
    });
    return button;
  }

  static Ikon icon(SyncIndicator.Kind kind) {
    return switch (kind) {
      case OFF -> MaterialDesignC.CLOUD_OFF_OUTLINE;
      case SYNCING -> MaterialDesignC.CLOUD_SYNC_OUTLINE;
      case CONFLICTS -> MaterialDesignA.ALERT_CIRCLE_OUTLINE;
      case OFFLINE -> MaterialDesignC.CLOUD_OFF_OUTLINE;
      case PROBLEM -> MaterialDesignC.CLOUD_ALERT_OUTLINE;
      case WAITING -> MaterialDesignC.CLOUD_UPLOAD_OUTLINE;
      case SYNCED -> MaterialDesignC.CLOUD_CHECK_OUTLINE;
      case NOT_YET -> MaterialDesignC.CLOUD_OUTLINE;
    };
  }
}
