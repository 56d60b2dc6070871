package org.mhaqi.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractedJarTest {

  private final AtomicInteger extractions = new AtomicInteger();

  /** Extracts as the jar mode does: the application jar (here a copy) into the destination. */
  private final ExtractedJar.Extractor copying =
      (jar, destination) -> {
        extractions.incrementAndGet();
        try {
          Files.copy(jar, destination.resolve(jar.getFileName()));
          return true;
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      };

  private static Path jar(Path dir, String content) throws IOException {
    Path target = Files.createDirectories(dir.resolve("coaching-service/target"));
    return Files.writeString(target.resolve("coaching-service.jar"), content);
  }

  @Test
  void extractsOnceAndRunsTheExtractedJarUntilTheJarIsRebuilt(@TempDir Path dir)
      throws IOException {
    Path jar = jar(dir, "first build");
    Path extracted = dir.resolve("coaching-service/target/coaching-service-extracted");

    assertThat(ExtractedJar.runnable(jar, copying))
        .isEqualTo(extracted.resolve("coaching-service.jar"));
    assertThat(ExtractedJar.runnable(jar, copying))
        .isEqualTo(extracted.resolve("coaching-service.jar"));
    assertThat(extractions).hasValue(1);

    // A rebuild: another jar, written later.
    Files.writeString(jar, "second build, longer");
    Files.setLastModifiedTime(
        jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 2000));

    assertThat(ExtractedJar.runnable(jar, copying))
        .isEqualTo(extracted.resolve("coaching-service.jar"));
    assertThat(extractions).hasValue(2);
    assertThat(Files.readString(extracted.resolve("coaching-service.jar")))
        .isEqualTo("second build, longer");
  }

  @Test
  void aFailedExtractionRunsTheJarItselfAndLeavesNothingBehind(@TempDir Path dir)
      throws IOException {
    Path jar = jar(dir, "a build");

    assertThat(ExtractedJar.runnable(jar, (j, destination) -> false)).isEqualTo(jar);
    // An extractor that "succeeds" without writing the application jar is not trusted either.
    assertThat(ExtractedJar.runnable(jar, (j, destination) -> true)).isEqualTo(jar);
    assertThat(
            ExtractedJar.runnable(
                jar,
                (j, destination) -> {
                  throw new UncheckedIOException(new IOException("disk full"));
                }))
        .isEqualTo(jar);

    try (var left = Files.list(jar.getParent())) {
      assertThat(left).containsExactly(jar);
    }
  }

  @Test
  void whatTheJarModeCannotReadRunsAsItIs(@TempDir Path dir) throws IOException {
    // Not a Spring Boot jar: java -Djarmode=tools fails, and the start uses the file as it is.
    Path missing = dir.resolve("target/none.jar");
    Files.createDirectories(missing.getParent());
    Files.writeString(missing, "not a jar");

    assertThat(ExtractedJar.runnable(missing)).isEqualTo(missing);
  }
}
