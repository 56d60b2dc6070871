package org.mhaqi.ops;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The series selectors of a PromQL expression ({@code name} or {@code name{matchers}}), so that a
 * test can ask Prometheus whether each series an alert reads exists, even while the alert's
 * condition does not hold. Function names, aggregation clauses and keywords are left out.
 */
final class PromQlSelectors {

  private static final Pattern CLAUSE =
      Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
  private static final Pattern SELECTOR =
      Pattern.compile("(?<![\\w.:\"])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*})?");
  private static final Set<String> KEYWORDS =
      Set.of("and", "or", "unless", "bool", "offset", "by", "without", "inf", "nan");

  private PromQlSelectors() {}

  static List<String> of(String expr) {
    String text = CLAUSE.matcher(expr).replaceAll(" ");
    // Range durations ([5m]) and quoted strings hold no selectors.
    text = text.replaceAll("\\[[^]]*]", " ").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    Set<String> selectors = new LinkedHashSet<>();
    Matcher m = SELECTOR.matcher(text);
    while (m.find()) {
      String name = m.group(1);
      int after = m.end();
      boolean function = m.group(2) == null && after < text.length() && text.charAt(after) == '(';
      if (function || KEYWORDS.contains(name.toLowerCase())) {
        continue;
      }
      String matchers = m.group(2) == null ? "" : matchersOf(expr, name);
      selectors.add(name + matchers);
    }
    return List.copyOf(selectors);
  }

  /**
   * The same series with every label of the matchers present, whatever its value: {@code
   * name{outcome="SERVER_ERROR"}} becomes {@code name{outcome=~".+"}}. A selector of a value that
   * appears only when things go wrong (a 5xx) is empty while all is well, but its metric and label
   * must exist.
   */
  static String withLabelsPresent(String selector) {
    int brace = selector.indexOf('{');
    if (brace < 0) {
      return selector;
    }
    Matcher labels =
        Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"(?:[^\"\\\\]|\\\\.)*\"")
            .matcher(selector.substring(brace));
    List<String> present = new java.util.ArrayList<>();
    while (labels.find()) {
      present.add(labels.group(1) + "=~\".+\"");
    }
    return selector.substring(0, brace) + "{" + String.join(",", present) + "}";
  }

  /** The selector's matchers as written (quoted values were blanked for scanning). */
  private static String matchersOf(String expr, String name) {
    Matcher m =
        Pattern.compile(Pattern.quote(name) + "\\s*(\\{(?:[^}\"]|\"(?:[^\"\\\\]|\\\\.)*\")*})")
            .matcher(expr);
    return m.find() ? m.group(1) : "";
  }
}
