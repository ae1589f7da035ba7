package dev.setwise.bench.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/** Short hashes that name cached data after what it was made from, so stale data is never reused. */
final class CacheKeys {

  private CacheKeys() {}

  /** The bundled migrations ({@code target/classes/db/migration/sqlite}) and {@code extra}. */
  static String migrations(Bench bench, String extra) {
    MessageDigest digest = sha256();
    digest.update(extra.getBytes(StandardCharsets.UTF_8));
    Path migrations = bench.root().resolve("target/classes/db/migration/sqlite");
    try (Stream<Path> files = Files.list(migrations)) {
      for (Path file : files.sorted().toList()) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update(Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("no migrations in " + migrations, e);
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  /** The compiled class {@code type} (a generator: when it changes, what it made is stale) and {@code extra}. */
  static String classFile(Class<?> type, String extra) {
    MessageDigest digest = sha256();
    digest.update(extra.getBytes(StandardCharsets.UTF_8));
    try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
      digest.update(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
