package org.mhaqi.evaluation.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.mhaqi.evaluation.engagement.EngagementReports;
import org.mhaqi.evaluation.engagement.EngagementReports.EnrollmentEngagement;
import org.mhaqi.evaluation.engagement.EngagementReports.RegionEngagement;
import org.mhaqi.evaluation.engagement.PublishedEngagement;
import org.mhaqi.evaluation.measure.Measure;
import org.mhaqi.evaluation.measure.Measures;
import org.mhaqi.evaluation.measuretarget.MeasureTargets;
import org.mhaqi.evaluation.measuretarget.Targets;
import org.mhaqi.evaluation.spcdecision.ChartDecisions;
import org.mhaqi.evaluation.spcdecision.SpcDecisions;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.events.enrollment.PhaseKind;
import org.mhaqi.events.enrollment.Region;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds programme reports from the returns, the engagement projections and the catalogue. */
@Service
@Transactional(readOnly = true)
public class ProgrammeReports {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private final ReportRows rows;
  private final Measures measures;
  private final EngagementReports engagement;
  private final Suppression suppression;
  private final Clock clock;
  private final SpcDecisions spcDecisions;
  private final MeasureTargets targets;
  private final ChartEvents chartEvents;

  ProgrammeReports(
      ReportRows rows,
      Measures measures,
      EngagementReports engagement,
      Suppression suppression,
      Clock clock,
      SpcDecisions spcDecisions,
      MeasureTargets targets,
      ChartEvents chartEvents) {
    this.chartEvents = chartEvents;
    this.spcDecisions = spcDecisions;
    this.targets = targets;
    this.rows = rows;
    this.measures = measures;
    this.engagement = engagement;
    this.suppression = suppression;
    this.clock = clock;
  }

  /** The report of a phase, empty when evaluation knows no enrolment of it. */
  public Optional<ProgrammeReport> phase(UUID phaseId) {
    return rows.phaseKind(phaseId)
        .map(
            kind ->
                report(
                    new ReportScope(phaseId, null, null),
                    kind,
                    engagement.phases().stream()
                        .filter(p -> phaseId.equals(p.phaseId()))
                        .map(EngagementReports.PhaseEngagement::engagement)
                        .findFirst()
                        .orElse(null),
                    engagement.regions(phaseId)));
  }

  /** The report of a phase's services in one region. */
  public Optional<ProgrammeReport> region(UUID phaseId, Region region) {
    return rows.phaseKind(phaseId)
        .map(
            kind ->
                report(
                    new ReportScope(phaseId, region, null),
                    kind,
                    engagement.regions(phaseId).stream()
                        .filter(r -> region == r.region())
                        .map(RegionEngagement::engagement)
                        .findFirst()
                        .orElse(null),
                    List.of()));
  }

  /** The report of one service's enrolment in a phase. */
  public Optional<ProgrammeReport> service(UUID phaseId, UUID serviceId) {
    Optional<EnrollmentEngagement> enrollment =
        engagement.service(serviceId).stream()
            .filter(e -> phaseId.equals(e.phaseId()))
            .reduce((first, second) -> second);
    return enrollment.map(
        e ->
            report(
                new ReportScope(phaseId, null, serviceId),
                e.phaseKind(),
                e.engagement(),
                List.of()));
  }

  /**
   * Each service's series of each measure in the phase, by measure code: every service of the phase
   * in ODS code order (one without returns of a measure has an empty series), for the small
   * multiples.
   */
  Map<String, List<ServiceSeries>> servicesOf(UUID phaseId) {
    List<ReportRows.IndexedService> services =
        rows.index().stream()
            .filter(s -> phaseId.equals(s.phaseId()))
            .sorted(Comparator.comparing(ReportRows.IndexedService::odsCode))
            .toList();
    Map<String, Map<UUID, List<StratumRow>>> byMeasure = new HashMap<>();
    for (StratumRow row : rows.latestStrata(new ReportScope(phaseId, null, null))) {
      byMeasure
          .computeIfAbsent(row.measureCode(), c -> new HashMap<>())
          .computeIfAbsent(row.serviceId(), s -> new ArrayList<>())
          .add(row);
    }
    Map<String, List<ServiceSeries>> series = new LinkedHashMap<>();
    for (Measure measure : measures.all()) {
      Map<UUID, List<StratumRow>> its = byMeasure.getOrDefault(measure.code(), Map.of());
      series.put(
          measure.code(),
          services.stream()
              .map(
                  s ->
                      new ServiceSeries(
                          s.odsCode(),
                          MeasureReport.of(
                              measure, its.getOrDefault(s.serviceId(), List.of()), suppression)))
              .toList());
    }
    return series;
  }

  /** The phase's coaching hours per service and level. */
  List<ChartEvents.EngagementHours> hours(UUID phaseId) {
    return chartEvents.hours(phaseId);
  }

  /** Every pilot phase against every wider phase. */
  public ProgrammeReport.PilotAgainstWider pilotAgainstWider() {
    return ProgrammeReport.PilotAgainstWider.of(
        phasesOf(PhaseKind.PILOT), phasesOf(PhaseKind.WIDER_IMPLEMENTATION));
  }

  /** The latest strata of the scope's returns, for the CSV export. */
  List<StratumRow> strata(ReportScope scope) {
    return rows.latestStrata(scope);
  }

  /** Every phase's services, for the index of reports. */
  List<ReportRows.IndexedService> index() {
    return rows.index();
  }

  List<Measure> catalogue() {
    return measures.all();
  }

  private List<ProgrammeReport> phasesOf(PhaseKind kind) {
    return rows.phasesOf(kind).stream().map(this::phase).flatMap(Optional::stream).toList();
  }

  private ProgrammeReport report(
      ReportScope scope,
      PhaseKind kind,
      PublishedEngagement engaged,
      List<RegionEngagement> regions) {
    List<StratumRow> strata = rows.latestStrata(scope);
    List<MeasureReport> reports = new ArrayList<>();
    Targets set = targets.all();
    List<ChartAnnotations.DeliveredSession> sessions =
        scope.serviceId() == null
            ? List.of()
            : chartEvents.deliveredSessions(scope.phaseId(), scope.serviceId());
    for (Measure measure : measures.all()) {
      List<StratumRow> its =
          strata.stream().filter(r -> Objects.equals(r.measureCode(), measure.code())).toList();
      // A chart's recorded decisions are the service's: they apply to its own report only.
      ChartDecisions decisions =
          scope.serviceId() == null
              ? ChartDecisions.NONE
              : spcDecisions.applying(scope.serviceId(), measure.code());
      OptionalDouble target = set.applying(measure.code(), scope.phaseId(), scope.serviceId());
      MeasureReport report =
          MeasureReport.of(
              measure,
              its,
              suppression,
              decisions,
              target.isPresent() ? target.getAsDouble() : null);
      if (scope.serviceId() != null) {
        // A service's chart marks its own changes: ideas tested, decisions taken, coaching had.
        report =
            report.withAnnotations(
                ChartAnnotations.of(
                    chartEvents.cycles(scope.serviceId(), measure.code()),
                    sessions,
                    report.baselineUntil(),
                    report.rebasedFrom()));
      }
      reports.add(report);
    }
    return new ProgrammeReport(
        scope,
        kind,
        ReportEngagement.of(engaged),
        regions.stream().map(ReportEngagement.InRegion::of).toList(),
        rows.owed(scope, LocalDate.now(clock.withZone(LONDON))),
        reports);
  }
}
