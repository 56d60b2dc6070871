package org.mhaqi.evaluation.report;

import java.util.List;
import org.mhaqi.evaluation.engagement.PublishedCount;
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
   * Monthly returns owed for months that have ended.
   *
   * @param outstanding owed and not submitted (the overdue ones included)
   * @param overdue found overdue after the grace period and still missing
   */
  public record Returns(PublishedCount owed, PublishedCount outstanding, PublishedCount overdue) {}

  /** Every pilot phase beside every wider phase. */
  public record PilotAgainstWider(List<ProgrammeReport> pilot, List<ProgrammeReport> wider) {}
}
