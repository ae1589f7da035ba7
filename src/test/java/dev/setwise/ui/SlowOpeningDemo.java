package dev.setwise.ui;

import dev.setwise.DataDirectory;
import dev.setwise.ui.common.AudioChime;
import dev.setwise.ui.data.NativeFilePicker;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The desktop app with its database opened {@code SECONDS} late, to look at the opening window
 * (screenshots): {@code java -cp … dev.setwise.ui.SlowOpeningDemo DIR SECONDS}.
 */
public final class SlowOpeningDemo {

  private SlowOpeningDemo() {}

  public static void main(String[] args) throws Exception {
    Path dir = DataDirectory.prepare(Path.of(args[0]));
    long millis = (long) (Double.parseDouble(args[1]) * 1000);
    SingleInstance.Owner owner = (SingleInstance.Owner) SingleInstance.claim(dir);
    int code = DesktopApp.runWindow(dir, new NativeFilePicker(), owner, (folder, asker) -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return FolderOpening.open(folder, Clock.systemDefaultZone(), asker);
    }, AudioChime::load);
    owner.close();
    System.exit(code);
  }
}
