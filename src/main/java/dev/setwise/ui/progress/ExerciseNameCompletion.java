package dev.setwise.ui.progress;

import dev.setwise.domain.progress.ExerciseKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import org.controlsfx.control.textfield.AutoCompletionBinding;
import org.controlsfx.control.textfield.TextFields;

/**
 * Completes exercise names from the profile's catalogue wherever one is typed, with ControlsFX's
 * auto-completion (AtlantaFX has none; see docs/decisions/0024). Fields opt in by their prompt: any
 * text field whose prompt begins "Exercise name" (the plan editor's and the workout's) gets it the
 * first time it takes the focus, so the screens that own those fields need no change.
 */
public final class ExerciseNameCompletion {

  /** The prompt a name field starts with. */
  public static final String PROMPT_PREFIX = "Exercise name";
  private static final String BOUND = ExerciseNameCompletion.class.getName();
  private static final int SHOWN = 8;

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExerciseNameCompletion.class);

  private final ObservableList<String> names;

  public ExerciseNameCompletion(ObservableList<String> names) {
    this.names = names;
  }

  /** Watches {@code scene}'s focus and binds completion to each exercise-name field it reaches. */
  public void install(Scene scene) {
    scene.focusOwnerProperty().addListener((obs, old, now) -> {
      if (now instanceof TextField field && field.getPromptText() != null
          && field.getPromptText().startsWith(PROMPT_PREFIX)) {
        attach(field);
      }
    });
  }

  /** Binds completion to {@code field} (once). */
  public void attach(TextField field) {
    if (field.getProperties().containsKey(BOUND)) {
      return;
    }
    field.getProperties().put(BOUND, Boolean.TRUE);
    try {
      AutoCompletionBinding<String> binding = TextFields.bindAutoCompletion(field,
          request -> suggestions(names, request.getUserText()));
      binding.setVisibleRowCount(SHOWN);
      binding.setHideOnEscape(true);
      field.getProperties().put(BOUND, binding);
    } catch (IllegalAccessError e) {
      // JavaFX on the module path without --add-exports javafx.base/com.sun.javafx.event=ALL-UNNAMED:
      // the field works without suggestions rather than the screen failing.
      LOG.warn("Exercise names cannot be completed: {}", e.getMessage());
    }
  }

  /**
   * Names that contain what was typed, ignoring case and extra spaces: those that start with it
   * first; nothing for an empty field or when the text already is a name.
   */
  static List<String> suggestions(List<String> names, String typed) {
    String key = ExerciseKey.of(typed);
    if (key.isEmpty()) {
      return List.of();
    }
    List<String> starts = new ArrayList<>();
    List<String> contains = new ArrayList<>();
    for (String name : names) {
      String candidate = ExerciseKey.of(name);
      if (candidate.equals(key)) {
        return List.of();
      }
      if (candidate.startsWith(key)) {
        starts.add(name);
      } else if (candidate.contains(key) || candidate.replace("-", " ").contains(key.toLowerCase(Locale.ROOT))) {
        contains.add(name);
      }
    }
    starts.addAll(contains);
    return starts.size() > SHOWN * 2 ? starts.subList(0, SHOWN * 2) : starts;
  }
}
