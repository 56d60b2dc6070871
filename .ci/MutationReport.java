import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Per-package mutation scores from PIT's mutations.xml files (run by .ci/mutation-report).
 *
 * <p>Score = killed / mutants, where killed counts the mutants a test detected (killed, timed out,
 * out of memory) and mutants counts every viable mutant, those no test reaches included. That is
 * PIT's mutation score, not its test strength (which leaves the unreached ones out). Every package
 * in the reports is a rule package (the poms target only those), so each must reach the threshold.
 *
 * <p>Usage: java .ci/MutationReport.java [--survivors] [threshold] [mutations.xml...]; without
 * files it reads every {@code <module>/target/pit-reports/mutations.xml} under the working
 * directory.
 */
public final class MutationReport {

  private static final class Tally {
    int mutants;
    int killed;
    int survived;
    int noCoverage;
    final List<String> surviving = new ArrayList<>();

    void add(Tally other) {
      mutants += other.mutants;
      killed += other.killed;
      survived += other.survived;
      noCoverage += other.noCoverage;
    }

    double score() {
      return mutants == 0 ? 100.0 : 100.0 * killed / mutants;
    }
  }

  public static void main(String[] args) throws Exception {
    boolean listSurvivors = false;
    double threshold = 85;
    List<Path> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--survivors")) {
        listSurvivors = true;
      } else if (arg.matches("\\d+(\\.\\d+)?")) {
        threshold = Double.parseDouble(arg);
      } else {
        files.add(Paths.get(arg));
      }
    }
    if (files.isEmpty()) {
      files = reportsUnder(Paths.get("."));
    }
    if (files.isEmpty()) {
      System.out.println(
          "No PIT report found (target/pit-reports/mutations.xml): run"
              + " ./mvnw -B verify -Pmutation -DskipITs first");
      System.exit(2);
    }

    Map<String, Map<String, Tally>> byModule = new TreeMap<>();
    for (Path file : files) {
      byModule.put(moduleOf(file), read(file));
    }

    String format = "%-44s %8s %7s %9s %12s %7s  %s%n";
    System.out.printf(
        Locale.ROOT, format, "package", "mutants", "killed", "survived", "no coverage", "score", "");
    List<String> below = new ArrayList<>();
    Tally all = new Tally();
    for (var module : byModule.entrySet()) {
      Tally moduleTotal = new Tally();
      System.out.println(module.getKey());
      if (module.getValue().isEmpty()) {
        System.out.println("  (no rule classes to mutate yet)");
      }
      for (var pkg : module.getValue().entrySet()) {
        Tally t = pkg.getValue();
        moduleTotal.add(t);
        boolean fails = t.score() < threshold;
        if (fails) {
          below.add(pkg.getKey());
        }
        print(format, "  " + pkg.getKey(), t, fails ? "BELOW " + fmt(threshold) + "%" : "");
        if (listSurvivors || fails) {
          t.surviving.forEach(s -> System.out.println("      " + s));
        }
      }
      print(format, "  = " + module.getKey(), moduleTotal, "");
      all.add(moduleTotal);
    }
    print(format, "= all rule packages", all, "");
    if (!below.isEmpty()) {
      System.out.println(
          "Mutation score below " + fmt(threshold) + "% in: " + String.join(", ", below));
      System.exit(1);
    }
    System.out.println("Every rule package kills at least " + fmt(threshold) + "% of its mutants");
  }

  private static void print(String format, String name, Tally t, String verdict) {
    System.out.printf(
        Locale.ROOT,
        format,
        name,
        t.mutants,
        t.killed,
        t.survived,
        t.noCoverage,
        fmt(t.score()) + "%",
        verdict);
  }

  private static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private static List<Path> reportsUnder(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root, 5)) {
      return paths
          .filter(p -> p.endsWith(Paths.get("target", "pit-reports", "mutations.xml")))
          .sorted()
          .toList();
    }
  }

  /** The module directory: the parent of {@code target}. */
  private static String moduleOf(Path report) {
    Path target = report.toAbsolutePath().normalize().getParent().getParent();
    return target.getParent().getFileName().toString();
  }

  private static Map<String, Tally> read(Path file) throws Exception {
    Map<String, Tally> byPackage = new TreeMap<>();
    var factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    NodeList mutations =
        factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagName("mutation");
    for (int i = 0; i < mutations.getLength(); i++) {
      Element m = (Element) mutations.item(i);
      String status = m.getAttribute("status");
      if (status.equals("NON_VIABLE")) {
        continue; // never ran: the mutated class could not even be loaded
      }
      String mutatedClass = text(m, "mutatedClass");
      String pkg = mutatedClass.substring(0, Math.max(0, mutatedClass.lastIndexOf('.')));
      Tally t = byPackage.computeIfAbsent(pkg, p -> new Tally());
      t.mutants++;
      switch (status) {
        case "KILLED", "TIMED_OUT", "MEMORY_ERROR" -> t.killed++;
        case "NO_COVERAGE" -> t.noCoverage++;
        default -> t.survived++; // survived, or the run broke: not killed either way
      }
      if (!(status.equals("KILLED") || status.equals("TIMED_OUT") || status.equals("MEMORY_ERROR"))) {
        t.surviving.add(
            String.format(
                "%-11s %s.%s line %s: %s",
                status,
                mutatedClass.substring(pkg.length() + 1),
                text(m, "mutatedMethod"),
                text(m, "lineNumber"),
                text(m, "description")));
      }
    }
    return byPackage;
  }

  private static String text(Element mutation, String tag) {
    NodeList nodes = mutation.getElementsByTagName(tag);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
