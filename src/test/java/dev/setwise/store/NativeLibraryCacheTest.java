package dev.setwise.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of SQLite's native library (docs/decisions/0063), on a jar made here with a library of random bytes. */
class NativeLibraryCacheTest {

  private static final String ENTRY = "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so";

  @TempDir
  Path dir;

  private Path jar;
  private byte[] library;
  private NativeLibraryCache cache;

  @BeforeEach
  void jarWithALibrary() throws IOException {
    library = new byte[300_000];
    new Random(7).nextBytes(library);
    jar = jar("driver.jar", library);
    cache = new NativeLibraryCache(dir.resolve("cache"), "Linux", "amd64");
  }

  @Test
  void theFirstStartCopiesTheLibraryOutOfTheJar() throws IOException {
    Optional<Path> cached = cache.library(jar, ENTRY);

    assertThat(cached).contains(dir.resolve("cache/Linux-amd64/libsqlitejdbc.so"));
    assertThat(Files.readAllBytes(cached.get())).isEqualTo(library);
    assertThat(Files.list(cache.folder())).as("no temporary file left behind").hasSize(1);
  }

  @Test
  void aLaterStartUsesTheCopyAsItIs() throws IOException {
    Path cached = cache.library(jar, ENTRY).orElseThrow();
    FileTime written = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(cached, written);

    assertThat(cache.library(jar, ENTRY)).contains(cached);
    assertThat(Files.getLastModifiedTime(cached)).as("not written again").isEqualTo(written);
  }

  @Test
  void aDamagedCopyOfTheSameSizeIsRefusedAndReplaced() throws IOException {
    Path cached = cache.library(jar, ENTRY).orElseThrow();
    byte[] damaged = library.clone();
    damaged[150_000] ^= 0x01;
    Files.write(cached, damaged);

    assertThat(NativeLibraryCache.matches(cached, library.length, crc(library))).isFalse();
    assertThat(cache.library(jar, ENTRY)).contains(cached);
    assertThat(Files.readAllBytes(cached)).isEqualTo(library);
  }

  @Test
  void aTruncatedCopyIsRefusedAndReplaced() throws IOException {
    Path cached = cache.library(jar, ENTRY).orElseThrow();
    Files.write(cached, java.util.Arrays.copyOf(library, 1000));

    assertThat(cache.library(jar, ENTRY)).contains(cached);
    assertThat(Files.readAllBytes(cached)).isEqualTo(library);
  }

  @Test
  void anotherVersionsCopyIsReplacedByThisJarsLibrary() throws IOException {
    byte[] older = new byte[200_000];
    new Random(8).nextBytes(older);
    Path cached = cache.library(jar("older.jar", older), ENTRY).orElseThrow();

    assertThat(cache.library(jar, ENTRY)).contains(cached);
    assertThat(Files.readAllBytes(cached)).isEqualTo(library);
  }

  @Test
  void aLinkInPlaceOfTheCopyIsNotTrusted() throws IOException {
    Path elsewhere = Files.write(dir.resolve("elsewhere.so"), library);
    Files.createDirectories(cache.folder());
    Path cached = cache.folder().resolve("libsqlitejdbc.so");
    Files.createSymbolicLink(cached, elsewhere);

    assertThat(NativeLibraryCache.matches(cached, library.length, crc(library))).isFalse();
    assertThat(cache.library(jar, ENTRY)).contains(cached);
    assertThat(Files.isSymbolicLink(cached)).isFalse();
    assertThat(Files.readAllBytes(cached)).isEqualTo(library);
  }

  @Test
  void aFolderThatCannotBeMadeMeansNoCache() throws IOException {
    Files.writeString(dir.resolve("cache"), "a file in the way");

    assertThat(cache.library(jar, ENTRY)).isEmpty();
  }

  @Test
  void anEntryTheJarDoesNotHaveMeansNoCache() {
    assertThat(cache.library(jar, "org/sqlite/native/Other/arch/libsqlitejdbc.so")).isEmpty();
    assertThat(NativeLibraryCache.has(jar, ENTRY)).isTrue();
    assertThat(NativeLibraryCache.has(jar, "org/sqlite/native/Other/arch/libsqlitejdbc.so")).isFalse();
    assertThat(cache.library(dir.resolve("missing.jar"), ENTRY)).isEmpty();
  }

  @Test
  void theEntryIsRecordedForLaterStarts() {
    assertThat(cache.recordedEntry()).isEmpty();
    cache.library(jar, ENTRY).orElseThrow();

    cache.record(ENTRY);

    assertThat(new NativeLibraryCache(dir.resolve("cache"), "Linux", "amd64").recordedEntry()).contains(ENTRY);
    assertThat(new NativeLibraryCache(dir.resolve("cache"), "Linux", "aarch64").recordedEntry())
        .as("each platform has its own").isEmpty();
  }

  private Path jar(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("org/sqlite/native/Linux/x86_64/"));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry(ENTRY));
      zip.write(content);
      zip.closeEntry();
    }
    return file;
  }

  private static long crc(byte[] bytes) {
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
