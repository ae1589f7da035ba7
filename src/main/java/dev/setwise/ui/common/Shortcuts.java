package dev.setwise.ui.common;

import javafx.scene.input.KeyCombination;

/**
 * Every keyboard shortcut of the app in one place, so menus, tooltips and the README say the same.
 * "Shortcut" is Ctrl on Linux and Windows and Cmd on macOS.
 */
public final class Shortcuts {

  public static final KeyCombination NEW_SESSION = KeyCombination.keyCombination("Shortcut+N");
  public static final KeyCombination NEW_PLAN = KeyCombination.keyCombination("Shortcut+Shift+N");
  public static final KeyCombination SAVE_PLAN = KeyCombination.keyCombination("Shortcut+S");
  public static final KeyCombination DONE_AND_NEXT = KeyCombination.keyCombination("Shortcut+Enter");
  public static final KeyCombination ADD_SET = KeyCombination.keyCombination("Shortcut+Shift+S");
  public static final KeyCombination ADD_EXERCISE = KeyCombination.keyCombination("Shortcut+Shift+E");
  public static final KeyCombination COMPLETE = KeyCombination.keyCombination("Shortcut+Shift+Enter");
  public static final KeyCombination DISCARD = KeyCombination.keyCombination("Shortcut+Shift+Delete");
  public static final KeyCombination SKIP_REST = KeyCombination.keyCombination("Shortcut+Shift+R");
  public static final KeyCombination REST_SHORTER = KeyCombination.keyCombination("Shortcut+Minus");
  public static final KeyCombination REST_LONGER = KeyCombination.keyCombination("Shortcut+Equals");
  /** The same as {@link #REST_SHORTER} and {@link #REST_LONGER} on the number pad and on keyboards with a + key. */
  public static final KeyCombination REST_SHORTER_KEYPAD = KeyCombination.keyCombination("Shortcut+Subtract");
  public static final KeyCombination REST_LONGER_KEYPAD = KeyCombination.keyCombination("Shortcut+Add");
  public static final KeyCombination REST_LONGER_PLUS = KeyCombination.keyCombination("Shortcut+Plus");
  public static final KeyCombination SEARCH_HISTORY = KeyCombination.keyCombination("Shortcut+F");
  public static final KeyCombination SHOW_WORKOUT = KeyCombination.keyCombination("Shortcut+1");
  public static final KeyCombination SHOW_PLANS = KeyCombination.keyCombination("Shortcut+2");
  public static final KeyCombination SHOW_HISTORY = KeyCombination.keyCombination("Shortcut+3");
  public static final KeyCombination SHOW_PROGRESS = KeyCombination.keyCombination("Shortcut+4");
  public static final KeyCombination SHOW_ACTIVITY = KeyCombination.keyCombination("Shortcut+5");
  public static final KeyCombination PLATES = KeyCombination.keyCombination("Shortcut+L");
  public static final KeyCombination DARK_THEME = KeyCombination.keyCombination("Shortcut+Shift+D");
  public static final KeyCombination EXPORT = KeyCombination.keyCombination("Shortcut+E");
  public static final KeyCombination IMPORT = KeyCombination.keyCombination("Shortcut+I");
  public static final KeyCombination BACKUPS = KeyCombination.keyCombination("Shortcut+B");
  public static final KeyCombination QUIT = KeyCombination.keyCombination("Shortcut+Q");
  public static final KeyCombination PREVIOUS_PAGE = KeyCombination.keyCombination("Shortcut+Page_Up");
  public static final KeyCombination NEXT_PAGE = KeyCombination.keyCombination("Shortcut+Page_Down");
  public static final KeyCombination ADD_PLAN_EXERCISE = ADD_EXERCISE;
  public static final KeyCombination DUPLICATE_PLAN = KeyCombination.keyCombination("Shortcut+Shift+C");
  public static final KeyCombination DELETE_PLAN = KeyCombination.keyCombination("Shortcut+Delete");
  public static final KeyCombination START_PLAN = KeyCombination.keyCombination("Shortcut+Shift+P");

  private Shortcuts() {}

  /** "Mark set done (Ctrl+Enter)": a tooltip that teaches the shortcut. */
  public static String hint(String action, KeyCombination combination) {
    return action + " (" + combination.getDisplayText() + ")";
  }
}
