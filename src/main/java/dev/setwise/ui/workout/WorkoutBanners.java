package dev.setwise.ui.workout;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import dev.setwise.ui.common.Shortcuts;
import dev.setwise.ui.common.Views;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.Ikon;
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

  /**
   * The rest countdown with −15 s, +15 s, what comes next and Skip. Its place is kept while no rest
   * runs (it then says what comes next, quietly), so the rows below never move when a rest starts
   * or ends.
   */
  static Node rest(RestTimer rest) {
    Label icon = new Label(null, Views.icon(MaterialDesignT.TIMER_SAND));
    Label caption = new Label();
    caption.setId("rest-caption");
    caption.textProperty().bind(rest.captionProperty());
    caption.getStyleClass().add(Styles.TITLE_4);
    caption.setMinWidth(Region.USE_PREF_SIZE);
    Label time = new Label();
    time.setId("rest-time");
    time.getStyleClass().add("rest-time");
    time.textProperty().bind(rest.textProperty());
    time.setMinWidth(Region.USE_PREF_SIZE);
    ProgressBar bar = new ProgressBar();
    bar.progressProperty().bind(Bindings.createDoubleBinding(() -> rest.totalProperty().get() <= 0 ? 0
        : rest.remainingProperty().get() / (double) rest.totalProperty().get(),
        rest.remainingProperty(), rest.totalProperty()));
    bar.setPrefWidth(180);
    bar.getStyleClass().add("rest-bar");
    bar.setMinWidth(80);
    Button shorter = stepButton("−15 s", MaterialDesignT.TIMER_MINUS_OUTLINE, "rest-shorter",
        "Take 15 seconds off the rest", Shortcuts.REST_SHORTER, rest::shorter);
    Button longer = stepButton("+15 s", MaterialDesignT.TIMER_PLUS_OUTLINE, "rest-longer",
        "Add 15 seconds to the rest", Shortcuts.REST_LONGER, rest::longer);
    for (Node running : List.of(time, bar, shorter, longer)) {
      running.visibleProperty().bind(rest.restingProperty());
      running.managedProperty().bind(running.visibleProperty());
    }
    Button skip = Views.button("Skip rest", MaterialDesignS.SKIP_NEXT);
    skip.setId("skip-rest");
    skip.setOnAction(event -> rest.skip());
    skip.setFocusTraversable(false);
    skip.setMinWidth(Region.USE_PREF_SIZE);
    Views.tip(skip, "Skip the rest", Shortcuts.SKIP_REST);
    skip.textProperty().bind(Bindings.when(rest.restingProperty()).then("Skip rest").otherwise("Dismiss"));
    BooleanBinding shown = rest.restingProperty().or(rest.overProperty());
    for (Node part : List.of(caption, skip)) {
      part.visibleProperty().bind(shown);
      part.managedProperty().bind(part.visibleProperty());
    }
    Label next = new Label();
    next.setId("next-up");
    next.textProperty().bind(Bindings.when(shown.or(rest.nextUpProperty().isNotEmpty()))
        .then(rest.nextUpProperty())
        .otherwise("The rest timer starts by itself when you mark a set done (Ctrl+Enter)."));
    next.setMinWidth(0);
    next.setMaxWidth(Double.MAX_VALUE);
    // On a narrow window what comes next takes two lines rather than losing its end.
    next.setWrapText(true);
    HBox.setHgrow(next, Priority.ALWAYS);
    Views.whenChanged(next, next.textProperty(), now -> next.setTooltip(now == null || now.isEmpty() ? null
        : new Tooltip(now)));
    HBox banner = new HBox(icon, caption, time, bar, shorter, longer, next, skip);
    banner.getStyleClass().add("rest-banner");
    banner.setId("rest-banner");
    Runnable style = () -> {
      banner.getStyleClass().removeAll("over", "idle");
      if (rest.overProperty().get()) {
        banner.getStyleClass().add("over");
      } else if (!rest.restingProperty().get()) {
        banner.getStyleClass().add("idle");
      }
      next.getStyleClass().remove(Styles.TEXT_BOLD);
      if (shown.get()) {
        next.getStyleClass().add(Styles.TEXT_BOLD);
      }
    };
    style.run();
    Views.whenChanged(banner, shown, now -> style.run());
    Views.whenChanged(banner, rest.overProperty(), now -> style.run());
    return banner;
  }

  private static Button stepButton(String text, Ikon ikon, String id, String what, KeyCombination shortcut,
      Runnable action) {
    Button button = Views.button(text, ikon);
    button.setId(id);
    button.getStyleClass().add(Styles.BUTTON_OUTLINED);
    button.setFocusTraversable(false);
    button.setMinWidth(Region.USE_PREF_SIZE);
    button.setOnAction(event -> action.run());
    button.setAccessibleText(what);
    Views.tip(button, what, shortcut);
    return button;
  }
}
