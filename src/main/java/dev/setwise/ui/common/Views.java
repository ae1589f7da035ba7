package dev.setwise.ui.common;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers the views share: icons, tooltips with shortcuts, inline errors, confirmations. */
public final class Views {

  private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");
  private static final String LISTENERS = "setwise.listeners";
  /** The app's style sheet (type and targets sized for a laptop on a gym bench). */
  public static final String STYLESHEET =
      Views.class.getResource("/dev/setwise/ui/setwise.css").toExternalForm();

  private Views() {}

  /**
   * Loads the icon font now (Ikonli's resolver reads it from its jar once, on its first use). Any
   * thread once the toolkit runs; Ikonli makes the resolver once and loads each font once.
   */
  public static void loadIconFont() {
    org.kordamp.ikonli.IkonResolverProvider.getInstance(org.kordamp.ikonli.javafx.JavaFXFontLoader.getInstance());
  }

  public static FontIcon icon(Ikon ikon) {
    return new FontIcon(ikon);
  }

  public static Button button(String text, Ikon ikon) {
    Button button = new Button(text, ikon == null ? null : icon(ikon));
    button.setMnemonicParsing(false);
    return button;
  }

  /** An icon-only button whose tooltip (and accessible text) says what it does. */
  public static Button iconButton(Ikon ikon, String what) {
    Button button = new Button(null, icon(ikon));
    button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
    button.setAccessibleText(what);
    tip(button, what, null);
    return button;
  }

  /** A tooltip that names the action and, when there is one, its shortcut. */
  public static void tip(Control control, String action, KeyCombination shortcut) {
    Tooltip tooltip = new Tooltip(shortcut == null ? action : Shortcuts.hint(action, shortcut));
    tooltip.setShowDelay(Duration.millis(400));
    control.setTooltip(tooltip);
  }

  /**
   * Runs {@code action} with every new value of {@code value} for as long as {@code owner} lives:
   * the model holds the listener only weakly and the node holds it strongly, so rows rebuilt by a
   * view do not stay reachable from the view model's properties.
   */
  public static <T> void whenChanged(Node owner, ObservableValue<T> value, Consumer<? super T> action) {
    ChangeListener<T> listener = (obs, old, now) -> action.accept(now);
    @SuppressWarnings("unchecked")
    List<Object> held = (List<Object>) owner.getProperties().computeIfAbsent(LISTENERS, key -> new ArrayList<>());
    held.add(listener);
    value.addListener(new WeakChangeListener<>(listener));
  }

  /** A red line under a field, shown only while {@code error} holds a message; marks {@code field} too. */
  public static Label errorLabel(StringProperty error, Node field) {
    Label label = new Label();
    label.getStyleClass().add("field-error");
    label.setWrapText(true);
    label.textProperty().bind(Bindings.when(error.isNull()).then("").otherwise(error));
    label.visibleProperty().bind(error.isNotNull());
    label.managedProperty().bind(label.visibleProperty());
    if (field != null) {
      field.pseudoClassStateChanged(DANGER, error.get() != null);
      whenChanged(field, error, now -> field.pseudoClassStateChanged(DANGER, now != null));
    }
    return label;
  }

  /** Marks {@code field} as wrong while {@code error} is set, with the message as tooltip. */
  public static void markErrors(Control field, ObservableStringValue error) {
    Tooltip tooltip = new Tooltip();
    tooltip.textProperty().bind(error);
    Runnable apply = () -> {
      boolean wrong = error.get() != null;
      field.pseudoClassStateChanged(DANGER, wrong);
      field.setTooltip(wrong ? tooltip : null);
    };
    apply.run();
    whenChanged(field, error, now -> apply.run());
  }

  /**
   * Tab and Shift+Tab leave {@code area} for the next or previous control, as in every other
   * field (a text area keeps Tab for itself otherwise, which traps the keyboard in it).
   */
  public static void tabLeaves(TextArea area) {
    area.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
      if (event.getCode() == KeyCode.TAB && !event.isControlDown() && !event.isAltDown() && !event.isMetaDown()) {
        event.consume();
        // Ctrl+Tab is how a text area moves the focus on.
        area.fireEvent(new KeyEvent(event.getSource(), event.getTarget(), KeyEvent.KEY_PRESSED, event.getCharacter(),
            event.getText(), KeyCode.TAB, event.isShiftDown(), true, false, false));
      }
    });
  }

  /** A dismissable banner showing {@code text} while it is set; dismissing clears it. */
  public static Message banner(StringProperty text, String style) {
    Message message = new Message();
    message.getStyleClass().add(style);
    message.descriptionProperty().bind(text);
    message.visibleProperty().bind(text.isNotNull().and(text.isNotEmpty()));
    message.managedProperty().bind(message.visibleProperty());
    message.setOnClose(event -> text.set(null));
    return message;
  }

  /**
   * Makes a date picker forgiving: text it cannot read (a half-typed date) keeps the last date
   * instead of throwing on the UI thread, and ISO dates (2026-11-24) are read in any locale.
   */
  public static void lenientDates(DatePicker picker) {
    StringConverter<LocalDate> base = picker.getConverter();
    picker.setConverter(new StringConverter<>() {
      @Override
      public String toString(LocalDate date) {
        return base.toString(date);
      }

      @Override
      public LocalDate fromString(String text) {
        if (text == null || text.isBlank()) {
          return null;
        }
        try {
          return base.fromString(text.strip());
        } catch (DateTimeParseException e) {
          try {
            return LocalDate.parse(text.strip());
          } catch (DateTimeParseException again) {
            return picker.getValue();
          }
        }
      }
    });
  }

  /**
   * Makes {@code dialog} belong to {@code owner}: modal over it, with the app's icon and type sizes.
   * Every dialog of the app goes through here.
   */
  public static <T extends Dialog<?>> T owned(T dialog, Window owner) {
    dialog.initOwner(owner);
    if (dialog.getDialogPane().getScene().getWindow() instanceof Stage stage) {
      AppIcons.apply(stage, owner);
    }
    dialog.getDialogPane().getStylesheets().add(STYLESHEET);
    return dialog;
  }

  /** Asks before something that cannot be undone; true when the person chose {@code yes}. */
  public static boolean confirm(Window owner, String title, String question, String yes) {
    ButtonType confirm = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
    ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
    Alert alert = owned(new Alert(Alert.AlertType.CONFIRMATION, question, confirm, cancel), owner);
    alert.setTitle(title);
    alert.setHeaderText(title);
    alert.getDialogPane().setMinWidth(460);
    ((Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(true);
    ((Button) alert.getDialogPane().lookupButton(cancel)).setDefaultButton(false);
    Optional<ButtonType> answer = alert.showAndWait();
    return answer.isPresent() && answer.get() == confirm;
  }
}
