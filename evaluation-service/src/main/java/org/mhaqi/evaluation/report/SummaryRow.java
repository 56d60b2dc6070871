package org.mhaqi.evaluation.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.mhaqi.evaluation.analysis.spc.XmrAnalysis;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.suppression.Suppression;

/**
 * One measure's row of a report's summary matrix, as Making Data Count's summary table: the latest
 * month's figure, the XmR mean and process limits, the target and the two icons.
 *
 * @param latestMonth the last month with a figure; null without any
 * @param latestValue its figure as published; null when withheld (or none)
 * @param latestWithheld whether that figure is withheld by small-number suppression
 * @param mean the XmR mean; null for a run chart (under 12 months) or no months
 * @param variationIcon and assuranceIcon as the report spells them; null for a run chart
 */
public record SummaryRow(
    String code,
    String name,
    Measure.Unit unit,
    Measure.Improvement improvement,
    YearMonth latestMonth,
    Double latestValue,
    boolean latestWithheld,
    String ruleSet,
    Double mean,
    Double upperProcessLimit,
    Double lowerProcessLimit,
    Double target,
    String variationIcon,
    String assuranceIcon) {

  static final String[] HEADER = {
    "measure_code",
    "latest_month",
    "latest_value",
    "rule_set",
    "mean",
    "upper_process_limit",
    "lower_process_limit",
    "target",
    "variation_icon",
    "assurance_icon"
  };

  /** The report's rows, in its order of measures. */
  static List<SummaryRow> of(ProgrammeReport report) {
    return report.measures().stream().map(SummaryRow::of).toList();
  }

  static SummaryRow of(MeasureReport m) {
    MeasureReport.Month latest =
        m.months().isEmpty() ? null : m.months().get(m.months().size() - 1);
    boolean xmr = XmrAnalysis.RULE_SET.equals(m.ruleSet());
    return new SummaryRow(
        m.code(),
        m.name(),
        m.unit(),
        m.improvement(),
        latest == null ? null : latest.month(),
        latest == null ? null : latest.value(),
        latest != null && latest.value() == null,
        m.ruleSet(),
        xmr ? m.centre() : null,
        m.upperProcessLimit(),
        m.lowerProcessLimit(),
        m.target(),
        m.variationIcon(),
        m.assuranceIcon());
  }

  /**
   * The rows as CSV (RFC 4180, header row): figures to 3 decimals, a withheld latest figure as *,
   * anything absent empty.
   */
  static String csv(List<SummaryRow> rows) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.RFC4180.builder().setHeader(HEADER).setRecordSeparator("\n").get().print(out)) {
      for (SummaryRow r : rows) {
        csv.printRecord(
            r.code(),
            r.latestMonth() == null ? "" : r.latestMonth(),
            r.latestWithheld() ? Suppression.SUPPRESSED : decimal(r.latestValue()),
            r.ruleSet() == null ? "" : r.ruleSet(),
            decimal(r.mean()),
            decimal(r.upperProcessLimit()),
            decimal(r.lowerProcessLimit()),
            decimal(r.target()),
            r.variationIcon() == null ? "" : r.variationIcon(),
            r.assuranceIcon() == null ? "" : r.assuranceIcon());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String decimal(Double value) {
    return value == null
        ? ""
        : BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP).toPlainString();
  }
}
