package org.mhaqi.local;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The logs under {@code .run/logs}: kept one run back, read, shown in part or followed. */
final class LogFiles {

  private LogFiles() {}

  static void printTail(Path log, int lines) {
    List<String> all = read(log).lines().toList();
    System.err.println("---- last " + lines + " lines of " + log + " ----");
    all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.err::println);
    System.err.println("----");
  }

  static String read(Path file) {
    try {
      return Files.exists(file)
          ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
          : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** Keeps the previous run's log beside the new one. */
  static void rotate(Path log) {
    try {
      Files.createDirectories(log.getParent());
      if (Files.exists(log)) {
        Files.move(
            log,
            log.resolveSibling(log.getFileName() + ".previous"),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Prints what is appended to a log file. */
  static final class LogFollower implements AutoCloseable {
    private final Path log;
    private long offset;

    LogFollower(Path log) {
      this(log, false);
    }

    LogFollower(Path log, boolean fromEnd) {
      this.log = log;
      try {
        this.offset = fromEnd && Files.exists(log) ? Files.size(log) : 0;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    void printNew() {
      if (!Files.exists(log)) {
        return;
      }
      try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
        if (file.length() < offset) {
          offset = 0; // rotated
        }
        file.seek(offset);
        byte[] buffer = new byte[(int) (file.length() - offset)];
        file.readFully(buffer);
        offset += buffer.length;
        OutputStream out = System.out;
        out.write(buffer);
        out.flush();
      } catch (IOException e) {
        // the next call tries again
      }
    }

    @Override
    public void close() {}
  }
}
