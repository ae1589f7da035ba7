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
 * <p>{@code System.nanoTime()} is the system-wide monotonic clock on Linux, so the parent process
 * subtracts its own reading taken just before it started this process.
 */
public final class FirstFrameAgent {

  private FirstFrameAgent() {}

  public static void premain(String file) {
    Path marker = Path.of(file);
    AtomicBoolean written = new AtomicBoolean();
    Window.getWindows().addListener((ListChangeListener<Window>) change -> {
      while (change.next()) {
        for (Window window : change.getAddedSubList()) {
          watch(window, marker, written);
        }
      }
    });
  }

  private static void watch(Window window, Path marker, AtomicBoolean written) {
    track(window.getScene(), marker, written);
    window.sceneProperty().addListener((obs, old, scene) -> track(scene, marker, written));
  }

  private static void track(Scene scene, Path marker, AtomicBoolean written) {
    if (scene == null) {
      return;
    }
    PerformanceTracker.getSceneTracker(scene).setOnRenderedFrameTask(() -> {
      long now = System.nanoTime();
      if (written.compareAndSet(false, true)) {
        write(marker, now);
      }
    });
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
