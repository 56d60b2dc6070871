package org.mhaqi.testing.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The compatibility gate: every schema in {@code docs/schemas} must read whatever each of its
 * committed versions described ({@link SchemaCompatibility}), and a schema once committed stays
 * until it is retired. A breaking change is a new file, {@code <Type>.v<N+1>.schema.json}, beside
 * the old one, which stays while any consumer still reads the old version; retiring it afterwards
 * means naming it in {@code docs/schemas/retired.txt}.
 *
 * <p>Besides the history of the work tree's own branch, the gate compares with the schemas of a
 * base branch, {@code main} in CI: with its tip when checking another branch (so that a schema main
 * gained since the branch forked is kept too), with its previous commit when checking main itself.
 */
public final class SchemaHistory {

  private final Path root;
  private final String base;

  /** The gate over the history of the work tree's branch only. */
  public SchemaHistory(Path root) {
    this(root, null);
  }

  /**
   * @param base the branch whose schemas are compared too (its previous commit when it is the
   *     branch checked out); ignored when null or when the repository has no such branch
   */
  public SchemaHistory(Path root, String base) {
    this.root = root;
    this.base = base;
  }

  /** Whether the root is a git work tree whose history can be read. */
  public boolean available() {
    try {
      return git("rev-parse", "--is-inside-work-tree").strip().equals("true");
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Every breaking change against a committed version, one line each; empty if none. */
  public List<String> breakingChanges() {
    Map<String, JsonNode> current = EventSchemas.kept(root);
    Set<String> retired = retired();
    Set<String> breaking = new LinkedHashSet<>();
    for (String file : everCommitted()) {
      JsonNode now = current.get(file);
      if (now == null) {
        if (!retired.contains(file)) {
          breaking.add(
              file
                  + ": removed; keep it while consumers read that version, then list it in"
                  + " docs/schemas/retired.txt");
        }
        continue;
      }
      for (var committed : committedVersions(file).entrySet()) {
        for (String change : SchemaCompatibility.breakingChanges(committed.getValue(), now)) {
          breaking.add(file + " against " + committed.getKey() + ": " + change);
        }
      }
    }
    baseCommit()
        .ifPresent(
            commit -> {
              for (String file : schemaFilesAt(commit)) {
                JsonNode now = current.get(file);
                if (now == null) {
                  if (!retired.contains(file)) {
                    breaking.add(file + ": removed, though " + base + " has it; see retired.txt");
                  }
                  continue;
                }
                JsonNode then = EventSchemas.JSON.readTree(git("show", commit + ":" + path(file)));
                for (String change : SchemaCompatibility.breakingChanges(then, now)) {
                  breaking.add(file + " against " + base + " (" + commit + "): " + change);
                }
              }
            });
    return new ArrayList<>(breaking);
  }

  /** The commit of the base to compare with: its tip, or its parent when it is checked out. */
  private Optional<String> baseCommit() {
    if (base == null) {
      return Optional.empty();
    }
    Optional<String> tip = commitOf(base);
    if (tip.isEmpty() || !tip.equals(commitOf("HEAD"))) {
      return tip;
    }
    return commitOf(base + "^");
  }

  private Optional<String> commitOf(String ref) {
    try {
      return Optional.of(git("rev-parse", "--verify", "-q", ref + "^{commit}").strip());
    } catch (IllegalStateException e) {
      return Optional.empty();
    }
  }

  private List<String> schemaFilesAt(String commit) {
    List<String> files = new ArrayList<>();
    for (String line : git("ls-tree", "--name-only", commit, dir() + "/").split("\n")) {
      if (line.endsWith(".schema.json")) {
        files.add(Path.of(line).getFileName().toString());
      }
    }
    return files;
  }

  private static String path(String file) {
    return dir() + "/" + file;
  }

  private Set<String> everCommitted() {
    Set<String> files = new LinkedHashSet<>();
    for (String line :
        git("log", "--format=", "--name-only", "--diff-filter=A", "--", dir()).split("\n")) {
      if (line.endsWith(".schema.json")) {
        files.add(Path.of(line).getFileName().toString());
      }
    }
    return files;
  }

  /** Each distinct committed content of the file, by the short id of the commit that wrote it. */
  private Map<String, JsonNode> committedVersions(String file) {
    Map<String, JsonNode> versions = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    String path = dir() + "/" + file;
    for (String commit : git("log", "--format=%h", "--diff-filter=AM", "--", path).split("\n")) {
      if (commit.isBlank()) {
        continue;
      }
      String content = git("show", commit + ":" + path);
      if (seen.add(content)) {
        versions.put(commit, EventSchemas.JSON.readTree(content));
      }
    }
    return versions;
  }

  private Set<String> retired() {
    Path list = root.resolve(EventSchemas.DIRECTORY).resolve("retired.txt");
    Set<String> retired = new LinkedHashSet<>();
    if (Files.isRegularFile(list)) {
      try {
        for (String line : Files.readAllLines(list)) {
          String name = line.strip();
          if (!name.isEmpty() && !name.startsWith("#")) {
            retired.add(name);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return retired;
  }

  private static String dir() {
    return EventSchemas.DIRECTORY.toString().replace('\\', '/');
  }

  private String git(String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", root.toString()));
    command.addAll(List.of(args));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
      byte[] out = process.getInputStream().readAllBytes();
      String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
