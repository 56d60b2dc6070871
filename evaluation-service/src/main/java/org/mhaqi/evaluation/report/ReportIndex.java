package org.mhaqi.evaluation.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.events.enrollment.PhaseKind;

/**
 * The index of reports: phases, then their services, then the measures each has a chart of.
 *
 * @param phases the phases the caller may read, in the order their first enrolment arrived
 * @param measures the catalogue, whose every measure has a chart page per phase and service
 */
record ReportIndex(List<Phase> phases, List<Measure> measures) {

  /** A phase with its services; {@code published} false only for readers with a role. */
  record Phase(
      UUID phaseId, PhaseKind kind, boolean published, List<ReportRows.IndexedService> services) {}

  /**
   * The index: published phases for everyone, every phase for those who read unpublished reports,
   * each marked published or not.
   */
  static ReportIndex of(
      List<ReportRows.IndexedService> services,
      List<Measure> measures,
      Predicate<UUID> published,
      boolean readsUnpublished) {
    Map<UUID, List<ReportRows.IndexedService>> byPhase = new LinkedHashMap<>();
    for (ReportRows.IndexedService s : services) {
      byPhase.computeIfAbsent(s.phaseId(), p -> new ArrayList<>()).add(s);
    }
    List<Phase> phases = new ArrayList<>();
    byPhase.forEach(
        (phaseId, its) -> {
          boolean isPublished = published.test(phaseId);
          if (isPublished || readsUnpublished) {
            phases.add(new Phase(phaseId, its.get(0).phaseKind(), isPublished, its));
          }
        });
    return new ReportIndex(phases, measures);
  }
}
