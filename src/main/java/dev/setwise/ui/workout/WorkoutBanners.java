package dev.setwise.ui.workout;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/** The banners over a workout being logged: the rest countdown, and "Changed elsewhere". */
final class WorkoutBanners {

  private WorkoutBanners() {}

  /** "Changed elsewhere: reload", with Reload, when a change made elsewhere refused a save. */
  static Node changedElsewhere(WorkoutViewModel vm) {
    Label text = new Label("Changed elsewhere: reload to see this workout as it is now. "
        + "Your last change here was not saved.", Views.icon(MaterialDesignA.ALERT_OUTLINE));
    text.setWrapText(true);
    text.getStyleClass().add(Styles.TEXT_BOLD);
    text.setId("changed-elsewhere");
    Button reload = Views.button("Reload", MaterialDesignR.RELOAD);
    reload.getStyleClass().add(Styles.ACCENT);
    reload.setId("reload-workout");
    reload.setOnAction(event -> vm.reload());
    Views.tip(reload, "Show the workout as it is now", null);
    HBox banner = new HBox(12, text, new Spacer(), reload);
    banner.setAlignment(Pos.CENTER_LEFT);
    banner.getStyleClass().addAll("changed-elsewhere", Styles.BG_WARNING_SUBTLE);
    banner.visibleProperty().bind(vm.saver().changedElsewhereProperty());
    banner.managedProperty().bind(banner.visibleProperty());
    return banner;
  }

  /** The rest countdown with what comes next, and Skip. */
  static Node rest(RestTimer rest) {
    Label icon = new Label(null, Views.icon(MaterialDesignT.TIMER_SAND));
    Label caption = new Label();
    caption.textProperty().bind(Bindings.when(rest.overProperty()).then("Rest over: next set!").otherwise("Rest"));
    caption.getStyleClass().add(Styles.TITLE_4);
    Label time = new Label();
    time.getStyleClass().add("rest-time");
    time.textProperty().bind(rest.textProperty());
    time.visibleProperty().bind(rest.restingProperty());
    time.managedProperty().bind(time.visibleProperty());
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(Bindings.createDoubleBinding(() -> rest.totalProperty().get() <= 0 ? 0
        : rest.remainingProperty().get() / (double) rest.totalProperty().get(),
        rest.remainingProperty(), rest.totalProperty()));
    bar.setPrefWidth(260);
    bar.visibleProperty().bind(rest.restingProperty());
    bar.managedProperty().bind(bar.visibleProperty());
    Button skip = Views.button("Skip rest", MaterialDesignS.SKIP_NEXT);
    skip.setOnAction(event -> rest.skip());
    skip.setFocusTraversable(false);
    Views.tip(skip, "Skip the rest", Shortcuts.SKIP_REST);
    skip.textProperty().bind(Bindings.when(rest.restingProperty()).then("Skip rest").otherwise("Dismiss"));
    Label next = new Label();
    next.setId("next-up");
    next.getStyleClass().add(Styles.TEXT_BOLD);
    next.textProperty().bind(rest.nextUpProperty());
    HBox banner = new HBox(icon, caption, time, bar, next, new Spacer(), skip);
    banner.getStyleClass().add("rest-banner");
    banner.visibleProperty().bind(rest.restingProperty().or(rest.overProperty()));
    banner.managedProperty().bind(banner.visibleProperty());
    rest.overProperty().addListener((obs, old, over) -> {
      if (over) {
        banner.getStyleClass().add("over");
      } else {
        banner.getStyleClass().remove("over");
      }
    });
    return banner;
  }
}
