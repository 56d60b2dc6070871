package org.mhaqi.console.analysis;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mhaqi.console.layout.Words;

/** evaluation-service's reports as it answers them, and their figures as a page shows them. */
final class Reports {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private Reports() {}

  record Scope(UUID phaseId) {}

  record Returns(long owed, long outstanding, long overdue) {}

  record Month(YearMonth month, Double value, String verdict) {}

  /** Counts arrive as numbers or "*" (suppressed): kept as evaluation spells them. */
  record GroupRatio(
      String group,
      Object events,
      Object population,
      Double rateRatio,
      Double lower95,
      Double upper95,
      boolean suppressed) {}

  record Measure(
      String code,
      String name,
      List<Month> months,
      String ruleSet,
      Double centre,
      String variation,
      String assurance,
      Boolean signal,
      List<GroupRatio> equity) {
    Measure {
      months = months == null ? List.of() : List.copyOf(months);
      equity = equity == null ? List.of() : List.copyOf(equity);
    }
  }

  record Report(Scope scope, String phaseKind, Returns returns, List<Measure> measures) {
    Report {
      measures = measures == null ? List.of() : List.copyOf(measures);
    }
  }

  record PhaseFigures(UUID phaseId, Double centre, String variation, Boolean signal, int months) {}

  record Comparison(String code, String name, List<PhaseFigures> pilot, List<PhaseFigures> wider) {
    Comparison {
      pilot = pilot == null ? List.of() : List.copyOf(pilot);
      wider = wider == null ? List.of() : List.copyOf(wider);
    }
  }

  record PilotAgainstWider(List<Comparison> measures) {
    PilotAgainstWider {
      measures = measures == null ? List.of() : List.copyOf(measures);
    }
  }

  /** A measure as the page shows it. */
  record MeasureView(
      String code,
      String name,
      String months,
      String centre,
      String variation,
      String assurance,
      String latest,
      List<EquityRow> equity) {}

  /** One ethnic group's rate ratio against White, or why it is not shown. */
  record EquityRow(String group, String events, String population, String ratio, String interval) {}

  static MeasureView view(Measure m) {
    Month last = m.months().isEmpty() ? null : m.months().get(m.months().size() - 1);
    return new MeasureView(
        m.code(),
        m.name(),
        m.months().isEmpty()
            ? "No months yet"
            : MONTH.format(m.months().get(0).month()) + " to " + MONTH.format(last.month()),
        number(m.centre()),
        m.variation() == null ? "Not assessed" : Words.plain(m.variation()),
        m.assurance() == null ? "No target" : Words.plain(m.assurance()),
        last == null || last.value() == null
            ? "Withheld or none"
            : number(last.value()) + " (" + MONTH.format(last.month()) + ")",
        m.equity().stream().map(Reports::equity).toList());
  }

  static EquityRow equity(GroupRatio r) {
    boolean shown = !r.suppressed() && r.rateRatio() != null;
    return new EquityRow(
        group(r.group()),
        count(r.events()),
        count(r.population()),
        shown ? number(r.rateRatio()) : "Withheld: small numbers",
        shown && r.lower95() != null && r.upper95() != null
            ? number(r.lower95()) + " to " + number(r.upper95())
            : "");
  }

  static String group(String group) {
    if (group == null) {
      return "";
    }
    return switch (group) {
      case "ASIAN_OR_ASIAN_BRITISH" -> "Asian or Asian British";
      case "BLACK_OR_BLACK_BRITISH" -> "Black or Black British";
      case "OTHER" -> "Other ethnic groups";
      case "NOT_STATED_OR_KNOWN" -> "Not stated or not known";
      default -> Words.plain(group);
    };
  }

  /** A suppressed count ("*") reads as what it is. */
  static String count(Object count) {
    if (count == null || "*".equals(String.valueOf(count))) {
      return "Fewer than the reporting threshold";
    }
    return String.valueOf(count);
  }

  static String number(Double value) {
    if (value == null) {
      return "None";
    }
    return String.format(Locale.UK, "%.2f", value);
  }

  /** A phase's verdict in a comparison cell: centre and verdict, or that it has no months yet. */
  static String figures(PhaseFigures f) {
    if (f.months() == 0) {
      return "No months yet";
    }
    return "Centre "
        + number(f.centre())
        + ", "
        + (f.variation() == null
            ? "not assessed"
            : Words.plain(f.variation()).toLowerCase(Locale.ROOT))
        + " ("
        + f.months()
        + (f.months() == 1 ? " month)" : " months)");
  }
}
