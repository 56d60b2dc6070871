package org.mhaqi.coaching.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Identifiers, URLs and SQL names spell it "enrollment" in every module, as the event types and
 * topics do. Prose (comments, messages with spaces) may say "enrolment".
 */
class OneSpellingTest {

  private static final Pattern UK_SPELLING = Pattern.compile("(?i)enrolment");

  /** The one name kept on purpose: coaching's old plan URL, which redirects to the new one. */
  private static final Set<String> KEPT = Set.of("\"/enrolments/{enrollmentId}/plan\"");

  @Test
  void mainSourcesAndMigrationsOfEveryModuleSpellEnrollmentInNames() throws IOException {
    Path root = repositoryRoot();
    List<String> offences = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      for (Path module : modules.filter(Files::isDirectory).toList()) {
        scanJava(module.resolve("src/main/java"), offences);
        scanMigrations(module.resolve("src/main/resources/db/migration"), offences);
      }
    }
    assertThat(offences).isEmpty();
  }

  @Test
  void identifiersUrlsKeysAndMetricNamesInJavaAreOffences() {
    assertThat(javaNames("class Enrolment {}")).containsExactly("Enrolment");
    assertThat(javaNames("int enrolmentId;")).containsExactly("enrolmentId");
    assertThat(javaNames("@GetMapping(\"/enrolments/{id}/sessions\")"))
        .containsExactly("\"/enrolments/{id}/sessions\"");
    assertThat(javaNames("new NotFoundException(\"enrolment\", id)"))
        .containsExactly("\"enrolment\"");
    assertThat(javaNames("Gauge.builder(\"programme.enrolments\")"))
        .containsExactly("\"programme.enrolments\"");
  }

  @Test
  void proseInJavaCommentsAndMessagesIsNot() {
    assertThat(javaNames("/** An enrolment as coaching knows it. */ class Enrollment {}"))
        .isEmpty();
    assertThat(javaNames("int a; // the enrolment's team")).isEmpty();
    assertThat(javaNames("/* enrolment\n spans lines */ int enrollments;")).isEmpty();
    assertThat(javaNames("log.info(\"Enrolment {} withdrew\", id);")).isEmpty();
    assertThat(javaNames("String s = \"a \\\" quote\"; int enrolment;"))
        .containsExactly("enrolment");
  }

  @Test
  void theOldPlanAddressKeptForItsRedirectIsNoOffence() {
    assertThat(javaNames("@GetMapping(\"/enrolments/{enrollmentId}/plan\")")).isEmpty();
  }

  @Test
  void sqlNamesCountUnlessALaterMigrationRenamesThemAndCommentsNever() {
    String v1 =
        "-- what coaching knows of an enrolment\n"
            + "create table enrolment (id uuid, enrolment_kind text);\n"
            + "create index enrolment_kind_idx on enrolment (enrolment_kind);\n";
    assertThat(sqlNamesLeft(v1))
        .containsExactly("enrolment", "enrolment_kind", "enrolment_kind_idx");

    String v2 =
        "alter table enrolment rename to enrollment;\n"
            + "alter table enrollment rename column enrolment_kind to kind;\n"
            + "alter index if exists enrolment_kind_idx rename to kind_idx;\n";
    assertThat(sqlNamesLeft(v1 + v2)).isEmpty();
    assertThat(sqlNamesLeft(v1 + "alter table enrolment rename to enrollment;"))
        .containsExactly("enrolment_kind", "enrolment_kind_idx");
  }

  private static void scanJava(Path dir, List<String> offences) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (UK_SPELLING.matcher(dir.relativize(file).toString()).find()) {
          offences.add(file + ": package or class name");
        }
        javaNames(read(file)).forEach(name -> offences.add(file + ": " + name));
      }
    }
  }

  /**
   * Migrations are history: V1 may not change, so a name it spelled "enrolment" is fine once a
   * later migration renames it. What is checked is the schema they leave behind.
   */
  private static void scanMigrations(Path dir, List<String> offences) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        all.append(read(file)).append('\n');
      }
    }
    sqlNamesLeft(all.toString()).forEach(name -> offences.add(dir + ": SQL name " + name));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Pattern SQL_WORD = Pattern.compile("\\w+");

  private static final Pattern SQL_RENAME =
      Pattern.compile(
          "(?i)(?:alter\\s+(?:table|index|sequence|view)\\s+(?:if\\s+exists\\s+)?(\\w+)\\s+rename\\s+to"
              + "|rename\\s+(?:column\\s+|constraint\\s+)?(\\w+)\\s+to)\\s+\\w+");

  /** SQL names spelled "enrolment" that the migrations create and do not rename away. */
  static Set<String> sqlNamesLeft(String migrations) {
    StringBuilder code = new StringBuilder();
    for (String line : migrations.split("\n")) {
      int comment = line.indexOf("--");
      code.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
    }
    Set<String> renamed = new HashSet<>();
    Matcher rename = SQL_RENAME.matcher(code);
    while (rename.find()) {
      renamed.add((rename.group(1) != null ? rename.group(1) : rename.group(2)).toLowerCase());
    }
    Set<String> left = new TreeSet<>();
    Matcher word = SQL_WORD.matcher(code);
    while (word.find()) {
      String name = word.group().toLowerCase();
      if (UK_SPELLING.matcher(name).find() && !renamed.contains(name)) {
        left.add(name);
      }
    }
    return left;
  }

  private static final Pattern JAVA_TOKENS =
      Pattern.compile(
          "(?s)/\\*.*?\\*/|//[^\\n]*|\"\"\".*?\"\"\"|\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|[\\w$]+");

  /**
   * Names in Java source spelled "enrolment": outside comments, any word; inside a string literal,
   * a literal without spaces (a URL, key, metric or resource name). Messages with spaces are prose.
   */
  static List<String> javaNames(String source) {
    List<String> found = new ArrayList<>();
    Matcher token = JAVA_TOKENS.matcher(source);
    while (token.find()) {
      String text = token.group();
      if (text.startsWith("/*") || text.startsWith("//")) {
        continue;
      }
      boolean literal = text.startsWith("\"");
      if (UK_SPELLING.matcher(text).find()
          && !(literal && text.matches("(?s).*\\s.*"))
          && !KEPT.contains(text)) {
        found.add(text);
      }
    }
    return found;
  }

  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("event-contracts"))
          && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("No repository root above " + Path.of("").toAbsolutePath());
  }
}
