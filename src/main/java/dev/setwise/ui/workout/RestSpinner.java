package dev.setwise.ui.workout;

import dev.setwise.domain.StructureValidator;
import dev.setwise.ui.common.Formats;
import dev.setwise.ui.common.Views;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * The rest of an exercise (or of a superset's rounds) changed mid-workout: "1:30", in steps of
 * 15 seconds with the arrows or the arrow keys, or typed as "90" or "1:30"; "off" is no rest.
 */
public final class RestSpinner {

  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

  private RestSpinner() {}

  public static Spinner<Integer> of(ObjectProperty<Integer> seconds, String what) {
    int max = StructureValidator.MAX_REST_SECONDS;
    SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, max,
        seconds.get() == null ? 0 : seconds.get(), RestTimer.STEP_SECONDS);
    values.setConverter(new StringConverter<>() {
      @Override
      public String toString(Integer value) {
        return value == null || value == 0 ? "off" : Formats.clock(Duration.ofSeconds(value));
      }

      @Override
      public Integer fromString(String text) {
        Integer parsed = parse(text);
        return parsed == null ? values.getValue() : Math.max(0, Math.min(max, parsed));
      }
    });
    Spinner<Integer> spinner = new Spinner<>(values);
    spinner.setEditable(true);
    spinner.getStyleClass().addAll(Spinner.STYLE_CLASS_SPLIT_ARROWS_HORIZONTAL, "rest-spinner");
    spinner.setPrefWidth(132);
    spinner.setMinWidth(132);
    spinner.setFocusTraversable(false);
    spinner.getEditor().setFocusTraversable(false);
    spinner.getEditor().setAccessibleText(what);
    Views.tip(spinner, what + ": from now on in this workout; ← → or type 90 or 1:30", null);
    spinner.valueProperty().addListener((obs, old, now) -> {
      int current = seconds.get() == null ? 0 : seconds.get();
      if (now != null && now != current) {
        seconds.set(now);
      }
    });
    spinner.getEditor().focusedProperty().addListener((obs, old, focused) -> {
      if (!focused) {
        spinner.commitValue();
      }
    });
    return spinner;
  }

  /** Seconds from "90", "1:30" or "off"; null when the text is none of these. */
  static Integer parse(String text) {
    String typed = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    if (typed.isEmpty() || typed.equals("off") || typed.equals("0")) {
      return 0;
    }
    Matcher clock = CLOCK.matcher(typed);
    if (clock.matches()) {
      int seconds = Integer.parseInt(clock.group(2));
      return seconds < 60 ? Integer.parseInt(clock.group(1)) * 60 + seconds : null;
    }
    return typed.matches("\\d{1,5}") ? Integer.parseInt(typed) : null;
  }
}
