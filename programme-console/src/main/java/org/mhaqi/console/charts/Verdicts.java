package org.mhaqi.console.charts;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** evaluation-service's summary matrix of a service, one row per measure, in words. */
final class Verdicts {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private Verdicts() {}

  /** A row of the summary as evaluation-service answers it. */
  record SummaryRow(
      String code,
      String name,
      YearMonth latestMonth,
      Double latestValue,
      boolean latestWithheld,
      Double target,
      String variationIcon,
      String assuranceIcon) {}

  /**
   * One measure for the page.
   *
   * @param hasChart whether evaluation has months to draw (its chart answers 404 otherwise)
   */
  record Row(
      String code,
      String name,
      String latest,
      String variation,
      String assurance,
      boolean hasChart) {}

  static List<Row> rows(List<SummaryRow> summary) {
    return summary.stream()
        .map(
            r ->
                new Row(
                    r.code(),
                    r.name(),
                    latest(r),
                    variation(r.variationIcon()),
                    assurance(r.assuranceIcon(), r.target()),
                    r.latestMonth() != null))
        .toList();
  }

  static String latest(SummaryRow r) {
    if (r.latestMonth() == null) {
      return "No months returned yet";
    }
    String month = MONTH.format(r.latestMonth());
    if (r.latestWithheld() || r.latestValue() == null) {
      return month + ": withheld (small numbers)";
    }
    return month + ": " + trim(r.latestValue());
  }

  /** The Making Data Count variation icon, as a sentence. */
  static String variation(String icon) {
    if (icon == null) {
      return "Too few months for process limits: a run chart";
    }
    return switch (icon) {
      case "common-cause" -> "Common cause variation: no significant change";
      case "improvement-high" -> "Special cause improvement: significantly higher";
      case "improvement-low" -> "Special cause improvement: significantly lower";
      case "concern-high" -> "Special cause concern: significantly higher";
      case "concern-low" -> "Special cause concern: significantly lower";
      case "neither-high" -> "Special cause: significantly higher";
      case "neither-low" -> "Special cause: significantly lower";
      default -> icon;
    };
  }

  /** The assurance icon against the target, as a sentence. */
  static String assurance(String icon, Double target) {
    if (target == null) {
      return "No target set";
    }
    if (icon == null) {
      return "Target " + trim(target) + ": too few months to say";
    }
    return switch (icon) {
      case "pass" -> "Target " + trim(target) + ": will consistently meet it";
      case "fail" -> "Target " + trim(target) + ": will consistently miss it";
      case "hit-and-miss" -> "Target " + trim(target) + ": will sometimes meet it, sometimes not";
      default -> icon;
    };
  }

  private static String trim(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.valueOf(Math.round(value * 100) / 100.0);
  }
}
