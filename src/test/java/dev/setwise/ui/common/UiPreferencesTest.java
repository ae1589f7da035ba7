package dev.setwise.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPreferencesTest {

  @TempDir
  Path dir;

  @Test
  void aMissingFileMeansDefaults() {
    assertThat(UiPreferences.load(dir)).isEqualTo(UiPreferences.defaults());
  }

  @Test
  void whatIsSavedIsReadBackAndNoTempFileIsLeft() throws Exception {
    UUID profile = UUID.randomUUID();
    UiPreferences preferences = UiPreferences.defaults().withDark(true).withProfile(profile)
        .withWindow(new UiPreferences.WindowBounds(10, 20, 1200, 700, true)).withFileFolder(dir.resolve("exports"));
    preferences.save(dir);
    preferences.withDark(false).save(dir);

    assertThat(UiPreferences.load(dir)).isEqualTo(preferences.withDark(false));
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(UiPreferences.FILE);
    }
  }

  @Test
  void aDamagedFileMeansDefaultsForWhatIsDamaged() throws Exception {
    Files.writeString(dir.resolve(UiPreferences.FILE),
        "window.x=abc\nwindow.y=1\nwindow.width=50\nwindow.height=NaN\ntheme=dark\nprofile=not-a-uuid\n\\u00");
    UiPreferences loaded = UiPreferences.load(dir);
    assertThat(loaded).isEqualTo(UiPreferences.defaults());
    Files.writeString(dir.resolve(UiPreferences.FILE), "window.x=abc\ntheme=dark\nprofile=not-a-uuid\n");
    assertThat(UiPreferences.load(dir)).isEqualTo(UiPreferences.defaults().withDark(true));
  }
}
