package dev.setwise.bench.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Packs each raw baseline ({@code dev.setwise.bench.raw}) into a jar of its own beside the
 * product's, so that it starts the same way: {@code java -jar}, libraries named by the manifest's
 * {@code Class-Path} in {@code target/lib}. The libraries are the product's own entries (so a
 * version bump moves both), filtered to what the baseline needs.
 */
public final class BenchJars {

  /** The smallest JavaFX window needs JavaFX only. */
  public static final List<String> JAVAFX = List.of("javafx-base", "javafx-graphics", "javafx-controls");
  public static final List<String> JDBC = List.of("sqlite-jdbc");
  public static final List<String> JACKSON_JDBC = List.of("jackson-core", "sqlite-jdbc");
  /** Javalin and what it runs on, without a logging backend (the bare server logs nothing). */
  public static final List<String> JAVALIN_JDBC = List.of("javalin", "jetty-", "jakarta.", "kotlin-stdlib",
      "annotations-", "asm", "slf4j-api", "jackson-", "sqlite-jdbc");

  private final Path productJar;
  private final Path dir;
  private final Path classes;

  BenchJars(Path productJar, Path dir) {
    this.productJar = productJar;
    this.dir = dir;
    try {
      this.classes = Path.of(BenchJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A runnable jar of {@code mainClass} with the product's libraries whose names start with {@code libraries}. */
  public Path main(Class<?> mainClass, List<String> libraries) {
    return build(mainClass, libraries, Attributes.Name.MAIN_CLASS);
  }

  /** A Java agent jar of {@code agentClass} (its libraries come from the class path of the program it joins). */
  public Path agent(Class<?> agentClass) {
    return build(agentClass, List.of(), new Attributes.Name("Premain-Class"));
  }

  private Path build(Class<?> type, List<String> libraries, Attributes.Name entryPoint) {
    Path jar = dir.resolve(kebab(type.getSimpleName()) + ".jar");
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.put(entryPoint, type.getName());
    List<String> classPath = libraries(libraries);
    if (!classPath.isEmpty()) {
      // target/bench/jars/x.jar -> target/lib/...
      main.put(Attributes.Name.CLASS_PATH, classPath.stream().map(entry -> "../../" + entry)
          .collect(Collectors.joining(" ")));
    }
    String packagePath = type.getPackageName().replace('.', '/');
    Path packageDir = classes.resolve(packagePath);
    try {
      Files.createDirectories(dir);
      try (OutputStream file = Files.newOutputStream(jar);
          JarOutputStream out = new JarOutputStream(file, manifest);
          Stream<Path> files = Files.list(packageDir)) {
        for (Path classFile : files.sorted().toList()) {
          String name = classFile.getFileName().toString();
          if (name.equals(type.getSimpleName() + ".class") || name.startsWith(type.getSimpleName() + "$")) {
            out.putNextEntry(new JarEntry(packagePath + "/" + name));
            out.write(Files.readAllBytes(classFile));
            out.closeEntry();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return jar;
  }

  /** The product manifest's Class-Path entries ({@code lib/x.jar}) whose file names start with a prefix. */
  private List<String> libraries(List<String> prefixes) {
    if (prefixes.isEmpty()) {
      return List.of();
    }
    try (JarFile jar = new JarFile(productJar.toFile())) {
      String classPath = jar.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
      List<String> entries = Arrays.stream(classPath.trim().split("\\s+"))
          .filter(entry -> {
            String file = entry.substring(entry.lastIndexOf('/') + 1);
            return prefixes.stream().anyMatch(file::startsWith);
          })
          .toList();
      if (entries.isEmpty()) {
        throw new IllegalStateException("no library of " + productJar + " starts with " + prefixes);
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kebab(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
