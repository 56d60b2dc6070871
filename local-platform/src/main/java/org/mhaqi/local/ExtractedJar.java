package org.mhaqi.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot jar run in its extracted form ({@code java -Djarmode=tools -jar x.jar extract}: the
 * application jar beside its libraries in {@code lib/}), kept next to the jar in {@code
 * target/<name>-extracted/}. Classes then load from plain jar files instead of jars nested in the
 * fat jar, which cost the authorization server a fifth of its start-up CPU here (Spring Boot's
 * "Efficient Deployments" recommends the same). The extraction is redone when the jar's size or
 * modification time changes (a rebuild), and any failure falls back to the fat jar: it never stops
 * a start.
 */
final class ExtractedJar {

  static final String STAMP = ".extracted-from";

  /** Extracts {@code jar} into the empty directory {@code destination}; false if it failed. */
  @FunctionalInterface
  interface Extractor {
    boolean extract(Path jar, Path destination);
  }

  private ExtractedJar() {}

  /** The jar to run: the extracted one if it is (or can be made) current, else {@code jar}. */
  static Path runnable(Path jar) {
    return runnable(jar, ExtractedJar::extractWithJarMode);
  }

  static Path runnable(Path jar, Extractor extractor) {
    Path dir = directoryOf(jar);
    Path extracted = dir.resolve(jar.getFileName());
    try {
      String stamp = stampOf(jar);
      if (isCurrent(dir, extracted, stamp)) {
        return extracted;
      }
      Path scratch = Files.createTempDirectory(jar.getParent(), ".extracting-");
      try {
        if (!extractor.extract(jar, scratch)
            || !Files.isRegularFile(scratch.resolve(jar.getFileName()))) {
          return jar;
        }
        Files.writeString(scratch.resolve(STAMP), stamp);
        Platform.deleteRecursively(dir);
        Files.move(scratch, dir, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Platform.deleteRecursively(scratch);
      }
      // Another launcher may have moved its own extraction in first: either is current.
      return isCurrent(dir, extracted, stamp) ? extracted : jar;
    } catch (IOException | UncheckedIOException e) {
      return jar;
    }
  }

  /** {@code target/<name>-extracted} beside {@code target/<name>.jar}. */
  static Path directoryOf(Path jar) {
    String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
    return jar.resolveSibling(name + "-extracted");
  }

  private static boolean isCurrent(Path dir, Path extracted, String stamp) throws IOException {
    Path recorded = dir.resolve(STAMP);
    return Files.isRegularFile(extracted)
        && Files.isRegularFile(recorded)
        && Files.readString(recorded).equals(stamp);
  }

  private static String stampOf(Path jar) throws IOException {
    return Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
  }

  private static boolean extractWithJarMode(Path jar, Path destination) {
    Path log = destination.resolveSibling(destination.getFileName() + ".log");
    try {
      JavaProcess tool =
          JavaProcess.mainClass(
                  "extract",
                  jar.toAbsolutePath().toString(),
                  List.of("-Djarmode=tools", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                  // -cp jar with the launcher class is what -jar does; jarmode reads the same.
                  "org.springframework.boot.loader.launch.JarLauncher",
                  List.of("extract", "--force", "--destination", destination.toString()),
                  Map.of(),
                  log,
                  null)
              .start();
      return tool.awaitExit(Duration.ofMinutes(2)) == 0;
    } catch (RuntimeException e) {
      return false;
    } finally {
      try {
        Files.deleteIfExists(log);
      } catch (IOException e) {
        // a stray log in target/ harms nothing
      }
    }
  }
}
