package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SqliteLibrary#useCache()} against the real sqlite-jdbc jar: it points the driver at a
 * checked copy of this platform's library in the cache, and leaves the driver alone when there is
 * no cache or a library was chosen already. The system properties are put back after each test.
 */
class SqliteLibraryCacheTest {

  private static final String PATH = "org.sqlite.lib.path";
  private static final String NAME = "org.sqlite.lib.name";

  @TempDir
  Path dir;

  private Properties saved;

  @BeforeEach
  void saveProperties() {
    saved = (Properties) System.getProperties().clone();
    System.clearProperty(PATH);
    System.clearProperty(NAME);
  }

  @AfterEach
  void restoreProperties() {
    for (String key : new String[] {PATH, NAME, SqliteLibrary.CACHE_PROPERTY}) {
      if (saved.getProperty(key) == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, saved.getProperty(key));
      }
    }
  }

  @Test
  void theDriverIsPointedAtACheckedCopyOfItsOwnLibrary() throws Exception {
    System.setProperty(SqliteLibrary.CACHE_PROPERTY, dir.toString());

    SqliteLibrary.useCache();

    Path library = Path.of(System.getProperty(PATH), System.getProperty(NAME));
    assertThat(library).startsWith(dir).isRegularFile();
    NativeLibraryCache cache = new NativeLibraryCache(dir, System.getProperty("os.name"), System.getProperty("os.arch"));
    assertThat(library.getParent()).isEqualTo(cache.folder());
    String entry = cache.recordedEntry().orElseThrow();
    try (var in = org.sqlite.SQLiteJDBCLoader.class.getResourceAsStream("/" + entry)) {
      assertThat(Files.readAllBytes(library)).isEqualTo(in.readAllBytes());
    }
  }

  @Test
  void aDamagedCopyIsReplacedBeforeTheDriverIsPointedAtIt() throws Exception {
    System.setProperty(SqliteLibrary.CACHE_PROPERTY, dir.toString());
    SqliteLibrary.useCache();
    Path library = Path.of(System.getProperty(PATH), System.getProperty(NAME));
    byte[] good = Files.readAllBytes(library);
    byte[] damaged = good.clone();
    damaged[damaged.length / 2] ^= 0x10;
    Files.write(library, damaged);
    System.clearProperty(PATH);
    System.clearProperty(NAME);

    SqliteLibrary.useCache();

    assertThat(Path.of(System.getProperty(PATH), System.getProperty(NAME))).isEqualTo(library);
    assertThat(Files.readAllBytes(library)).isEqualTo(good);
  }

  @Test
  void withoutACacheOrWithALibraryChosenTheDriverIsLeftAlone() {
    SqliteLibrary.useCache();
    assertThat(System.getProperty(PATH)).isNull();

    System.setProperty(SqliteLibrary.CACHE_PROPERTY, " ");
    SqliteLibrary.useCache();
    assertThat(System.getProperty(PATH)).isNull();

    System.setProperty(SqliteLibrary.CACHE_PROPERTY, dir.toString());
    System.setProperty(PATH, "/chosen/elsewhere");
    SqliteLibrary.useCache();
    assertThat(System.getProperty(PATH)).isEqualTo("/chosen/elsewhere");
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void aCacheThatCannotBeWrittenLeavesTheDriverAlone() throws Exception {
    Path file = Files.writeString(dir.resolve("in-the-way"), "x");
    System.setProperty(SqliteLibrary.CACHE_PROPERTY, file.toString());

    SqliteLibrary.useCache();

    assertThat(System.getProperty(PATH)).isNull();
    assertThat(System.getProperty(NAME)).isNull();
  }
}
