package dev.setwise.bench.raw;

import com.sun.javafx.perf.PerformanceTracker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Window;

/**
 * A Java agent that writes {@link System#nanoTime()} to a file when the first frame of the first
 * JavaFX window has been rendered and presented: {@code -javaagent:first-frame-agent.jar=FILE}.
 *
 * <p>The same agent runs in Setwise and in the baseline window, so neither needs a hook of its own
 * and the product holds no benchmark code. It watches {@link Window#getWindows()} (every stage
 * joins that list in {@code show()}, before its first pulse), and on each window's scene sets the
 * render-done callback of JavaFX's own frame counter ({@code PerformanceTracker}, what
 * {@code -Djavafx.pulseLogger} and FPS meters use). That callback runs on the render thread after
 * the frame was painted and handed to the window system, which is "the window is visible".
 *
 * <p>It also writes, to the same name with {@value #FILLED} appended, the time of the first frame
 * rendered after the app's first screen came into the scene (see {@link #hasScreen}): "first screen
 * filled", which an opening window before the real one does not end.
 *
 * <p>{@code System.nanoTime()} is the system-wide monotonic clock on Linux, so the parent process
 * subtracts its own reading taken just before it started this process.
 */
public final class FirstFrameAgent {

  /** The marker of the first frame with the first screen in it: the first marker's name and this. */
  public static final String FILLED = ".filled";

  private FirstFrameAgent() {}

  public static void premain(String file) {
    Path marker = Path.of(file);
    Path filled = marker.resolveSibling(marker.getFileName() + FILLED);
    AtomicBoolean written = new AtomicBoolean();
    AtomicBoolean filledWritten = new AtomicBoolean();
    Window.getWindows().addListener((ListChangeListener<Window>) change -> {
      while (change.next()) {
        for (Window window : change.getAddedSubList()) {
          watch(window, marker, written, filled, filledWritten);
        }
      }
    });
  }

  private static void watch(Window window, Path marker, AtomicBoolean written, Path filled,
      AtomicBoolean filledWritten) {
    track(window.getScene(), marker, written, filled, filledWritten);
    window.sceneProperty().addListener((obs, old, scene) -> track(scene, marker, written, filled, filledWritten));
  }

  private static void track(Scene scene, Path marker, AtomicBoolean written, Path filled,
      AtomicBoolean filledWritten) {
    if (scene == null) {
      return;
    }
    // Set on the FX thread after a pulse's layout in which the first screen is in the scene; the
    // next frame rendered is the first with it.
    AtomicBoolean screenIn = new AtomicBoolean();
    Runnable[] look = new Runnable[1];
    look[0] = () -> {
      if (!screenIn.get() && hasScreen(scene.getRoot())) {
        screenIn.set(true);
      }
    };
    scene.addPostLayoutPulseListener(look[0]);
    PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
      long now = System.nanoTime();
      if (written.compareAndSet(false, true)) {
        write(marker, now);
      }
      if (screenIn.get() && filledWritten.compareAndSet(false, true)) {
        write(filled, now);
      }
    });
  }

  /**
   * Setwise's first screen: {@code #screens} (the main window's place of screens) holds a visible
   * screen, not only its "Opening your workouts…" note. The baseline window's pane has the same id
   * around its label, so its two times are the same.
   */
  private static boolean hasScreen(Parent root) {
    if (root == null) {
      return false;
    }
    Node screens = root.lookup("#screens");
    if (!(screens instanceof Parent parent)) {
      return false;
    }
    for (Node child : parent.getChildrenUnmodifiable()) {
      if (child.isVisible() && !"opening-note".equals(child.getId())) {
        return true;
      }
    }
    return false;
  }

  /** Whole or not at all: the parent polls for the file and must never read half of it. */
  private static void write(Path marker, long nanos) {
    try {
      Path partial = marker.resolveSibling(marker.getFileName() + ".partial");
      Files.writeString(partial, nanos + "\n", StandardCharsets.US_ASCII);
      Files.move(partial, marker, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
