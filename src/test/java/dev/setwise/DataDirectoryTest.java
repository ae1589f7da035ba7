package dev.setwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {

  @TempDir
  Path dir;

  @Test
  void theOptionWinsOverTheEnvironment() {
    assertThat(DataDirectory.choose("/opt/a", Map.of("SETWISE_DATA_DIR", "/opt/b"), "Linux", "/home/u"))
        .isEqualTo(Path.of("/opt/a"));
    assertThat(DataDirectory.choose(null, Map.of("SETWISE_DATA_DIR", "/opt/b"), "Linux", "/home/u"))
        .isEqualTo(Path.of("/opt/b"));
  }

  @Test
  void linuxFollowsXdg() {
    assertThat(DataDirectory.choose(null, Map.of(), "Linux", "/home/u"))
        .isEqualTo(Path.of("/home/u/.local/share/setwise"));
    assertThat(DataDirectory.choose(null, Map.of("XDG_DATA_HOME", "/data"), "Linux", "/home/u"))
        .isEqualTo(Path.of("/data/setwise"));
    assertThat(DataDirectory.choose(null, Map.of("XDG_DATA_HOME", "relative"), "Linux", "/home/u"))
        .as("XDG says relative paths are invalid and must be ignored")
        .isEqualTo(Path.of("/home/u/.local/share/setwise"));
  }

  @Test
  void windowsUsesAppData() {
    assertThat(DataDirectory.platformDefault(Map.of("APPDATA", "/c/Users/u/AppData/Roaming"), "Windows 11", "/c/u"))
        .isEqualTo(Path.of("/c/Users/u/AppData/Roaming", "Setwise"));
  }

  @Test
  void macOsUsesApplicationSupport() {
    assertThat(DataDirectory.platformDefault(Map.of(), "Mac OS X", "/Users/u"))
        .isEqualTo(Path.of("/Users/u/Library/Application Support/Setwise"));
  }

  @Test
  void theCacheFolderFollowsEachPlatform() {
    assertThat(DataDirectory.platformCache(Map.of(), "Linux", "/home/u")).isEqualTo(Path.of("/home/u/.cache/setwise"));
    assertThat(DataDirectory.platformCache(Map.of("XDG_CACHE_HOME", "/c"), "Linux", "/home/u"))
        .isEqualTo(Path.of("/c/setwise"));
    assertThat(DataDirectory.platformCache(Map.of("XDG_CACHE_HOME", "relative"), "Linux", "/home/u"))
        .isEqualTo(Path.of("/home/u/.cache/setwise"));
    assertThat(DataDirectory.platformCache(Map.of(), "Mac OS X", "/Users/u"))
        .isEqualTo(Path.of("/Users/u/Library/Caches/Setwise"));
    assertThat(DataDirectory.platformCache(Map.of("LOCALAPPDATA", "/c/Users/u/AppData/Local"), "Windows 11", "/c/u"))
        .isEqualTo(Path.of("/c/Users/u/AppData/Local", "Setwise", "Cache"));
  }

  @Test
  void prepareCreatesTheFolder() {
    Path created = DataDirectory.prepare(dir.resolve("a/b"));

    assertThat(created).isDirectory();
  }

  @Test
  void aFileIsRefusedWithOneClearLine() throws Exception {
    Path file = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> DataDirectory.prepare(file))
        .isInstanceOf(DataDirectory.DataDirectoryException.class)
        .hasMessage("The data folder " + file + " is a file, not a folder");
    assertThatThrownBy(() -> DataDirectory.prepare(file.resolve("sub")))
        .isInstanceOf(DataDirectory.DataDirectoryException.class)
        .hasMessage("The data folder " + file.resolve("sub") + " cannot be created: " + file + " is a file");
  }
}
