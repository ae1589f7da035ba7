package dev.setwise.ui;

import java.io.File;
import java.io.IOException;
import javafx.css.Stylesheet;

/**
 * Build step: writes the app's stylesheet in JavaFX's binary form ({@code setwise.bss}), which
 * JavaFX loads in place of the {@code setwise.css} a scene names (the way it ships its own
 * themes), so a start reads a ready rule list instead of lexing and parsing CSS
 * (docs/decisions/0062). {@code setwise.css} stays the source and stays in the jar.
 */
public final class BinaryStylesheet {

  private BinaryStylesheet() {}

  /** {@code BinaryStylesheet SOURCE.css TARGET.bss}. */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BinaryStylesheet SOURCE.css TARGET.bss");
    }
    File target = new File(args[1]);
    File dir = target.getParentFile();
    if (dir != null && !dir.isDirectory() && !dir.mkdirs()) {
      throw new IOException("cannot make " + dir);
    }
    Stylesheet.convertToBinary(new File(args[0]), target);
  }
}
