package org.mhaqi.testing.browser;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import java.util.List;
import java.util.stream.Collectors;

/** axe-core's checks of WCAG 2.2 at levels A and AA, run in a page as it is now. */
public final class Accessibility {

  /** The axe-core tags of WCAG 2.0, 2.1 and 2.2 at levels A and AA. */
  public static final List<String> WCAG_22_AA =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

  private Accessibility() {}

  /** Each violation as one line: rule, impact, what it asks, and the elements that break it. */
  public static List<String> violations(Page page) {
    return new AxeBuilder(page)
        .withTags(WCAG_22_AA).analyze().getViolations().stream()
            .map(Accessibility::describe)
            .toList();
  }

  /** Fails, naming the page and every violation, unless axe finds none. */
  public static void assertNoViolations(Page page) {
    List<String> violations = violations(page);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "axe-core found "
              + violations.size()
              + " WCAG 2.2 AA violation(s) on "
              + page.url()
              + ":\n  "
              + String.join("\n  ", violations));
    }
  }

  private static String describe(Rule rule) {
    String elements =
        rule.getNodes().stream()
            .map(CheckedNode::getTarget)
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
    return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at " + elements;
  }
}
