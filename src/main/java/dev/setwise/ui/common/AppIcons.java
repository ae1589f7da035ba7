package dev.setwise.ui.common;

import java.util.List;
import java.util.Objects;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app's icon, in every size the desktop may ask for (16 to 256 px), for the main window and
 * every dialog. Loaded from the jar; call on the FX thread.
 */
public final class AppIcons {

  private static final int[] SIZES = {16, 32, 48, 64, 128, 256};

  private AppIcons() {}

  /** The icon images, smallest first. */
  public static List<Image> load() {
    return java.util.Arrays.stream(SIZES).mapToObj(size -> new Image(Objects.requireNonNull(
        AppIcons.class.getResource("/dev/setwise/icons/setwise-" + size + ".png"), "icon " + size).toExternalForm()))
        .toList();
  }

  /** Gives {@code stage} the icons of {@code owner} (a dialog those of its window), or the app's own. */
  public static void apply(Stage stage, Window owner) {
    if (owner instanceof Stage ownerStage && !ownerStage.getIcons().isEmpty()) {
      stage.getIcons().setAll(ownerStage.getIcons());
    } else {
      stage.getIcons().setAll(load());
    }
  }
}
