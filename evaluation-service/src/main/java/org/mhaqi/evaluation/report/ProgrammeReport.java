package org.mhaqi.evaluation.report;

import java.util.List;
import org.mhaqi.events.enrollment.PhaseKind;

/**
 * A programme report for a scope: engagement, returns owed and each measure's findings, every count
 * of people or events suppressed.
 *
 * @param engagement the scope's engagement; null when it has none yet
 * @param regions engagement per region (phase reports only; empty otherwise)
 */
public record ProgrammeReport(
    ReportScope scope,
    PhaseKind phaseKind,
    ReportEngagement engagement,
    List<ReportEngagement.InRegion> regions,
    Returns returns,
    List<MeasureReport> measures) {

  /**
   * Monthly returns owed for months that have ended, as they are: returns are not people.
   *
   * @param outstanding owed and not submitted (the overdue ones included)
   * @param overdue found overdue after the grace period and still missing
   */
  public record Returns(long owed, long outstanding, long overdue) {}

  /**
   * Every pilot phase beside every wider phase: per measure, each phase's verdicts side by side,
   * then the phases' whole reports.
   */
  public record PilotAgainstWider(
      List<MeasureComparison> measures, List<ProgrammeReport> pilot, List<ProgrammeReport> wider) {

    static PilotAgainstWider of(List<ProgrammeReport> pilot, List<ProgrammeReport> wider) {
      List<MeasureComparison> measures = new java.util.ArrayList<>();
      List<ProgrammeReport> any = pilot.isEmpty() ? wider : pilot;
      if (!any.isEmpty()) {
        for (MeasureReport m : any.get(0).measures()) {
          measures.add(
              new MeasureComparison(
                  m.code(), m.name(), figures(pilot, m.code()), figures(wider, m.code())));
        }
      }
      return new PilotAgainstWider(measures, pilot, wider);
    }

    private static List<PhaseFigures> figures(List<ProgrammeReport> reports, String code) {
      List<PhaseFigures> figures = new java.util.ArrayList<>();
      for (ProgrammeReport r : reports) {
        r.measures().stream()
            .filter(m -> m.code().equals(code))
            .findFirst()
            .ifPresent(m -> figures.add(PhaseFigures.of(r.scope().phaseId(), m)));
      }
      return figures;
    }
  }

  /** One measure in every pilot and every wider phase. */
  public record MeasureComparison(
      String code, String name, List<PhaseFigures> pilot, List<PhaseFigures> wider) {}

  /**
   * A measure's verdicts in one phase.
   *
   * @param latest the last month's published figure (null when withheld or none)
   */
  public record PhaseFigures(
      java.util.UUID phaseId,
      String ruleSet,
      Double centre,
      String variation,
      Boolean signal,
      int months,
      MeasureReport.Month latest) {

    static PhaseFigures of(java.util.UUID phaseId, MeasureReport m) {
      return new PhaseFigures(
          phaseId,
          m.ruleSet(),
          m.centre(),
          m.variation(),
          m.signal(),
          m.months().size(),
          m.months().isEmpty() ? null : m.months().get(m.months().size() - 1));
    }
  }
}
