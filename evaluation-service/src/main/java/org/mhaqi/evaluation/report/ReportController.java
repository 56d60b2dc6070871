package org.mhaqi.evaluation.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mhaqi.evaluation.chart.ChartPng;
import org.mhaqi.evaluation.enrollment.OrganisationScope;
import org.mhaqi.evaluation.publication.ReportPublications;
import org.mhaqi.evaluation.suppression.Suppression;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.support.security.Callers;
import org.mhaqi.support.security.Role;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@Tag(name = "Reports")
class ReportController {

  static final String CSV = "text/csv;charset=UTF-8";

  /** Who reads a phase's reports before it is published (as EvaluationApiAccess says). */
  private static final Set<Role> PHASE_READERS = EnumSet.of(Role.ADMIN, Role.ANALYST, Role.COACH);

  /** Who reads pilot against wider, every phase's figures (as EvaluationApiAccess says). */
  private static final Set<Role> COMPARISON_READERS =
      EnumSet.of(Role.ADMIN, Role.ANALYST, Role.COACH, Role.LEARNING_NETWORK);

  private final ProgrammeReports reports;
  private final ReportPage page;
  private final Suppression suppression;
  private final OrganisationScope scope;
  private final ReportPublications publications;

  ReportController(
      ProgrammeReports reports,
      ReportPage page,
      Suppression suppression,
      OrganisationScope scope,
      ReportPublications publications) {
    this.scope = scope;
    this.publications = publications;
    this.reports = reports;
    this.page = page;
    this.suppression = suppression;
  }

  @GetMapping("/api/reports/phases/{phaseId}")
  @Operation(
      summary = "Programme report of a phase",
      description =
          "Engagement (in total and per region), monthly returns owed, outstanding and overdue,"
              + " and per measure the monthly series, SPC verdicts and equity rate ratios against"
              + " White (programme-wide and per service); small numbers suppressed.")
  ProgrammeReport phase(@PathVariable UUID phaseId) {
    return reports.phase(phaseId).orElseThrow(() -> unknownPhase(phaseId));
  }

  @GetMapping("/api/reports/phases/{phaseId}/regions/{region}")
  @Operation(summary = "Programme report of a phase's services in one NHS England region")
  ProgrammeReport region(@PathVariable UUID phaseId, @PathVariable Region region) {
    return reports.region(phaseId, region).orElseThrow(() -> unknownPhase(phaseId));
  }

  @GetMapping("/api/reports/phases/{phaseId}/services/{serviceId}")
  @Operation(
      summary = "Report of one service's enrolment in a phase",
      description = "A trust member reads their own organisation's services' reports only.")
  ProgrammeReport service(@PathVariable UUID phaseId, @PathVariable UUID serviceId) {
    scope.requireVisible(serviceId);
    return reports
        .service(phaseId, serviceId)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.NOT_FOUND,
                    "service " + serviceId + " has no enrolment in phase " + phaseId));
  }

  @GetMapping("/api/reports/pilot-vs-wider")
  @Operation(summary = "Every pilot phase's report beside every wider phase's")
  ProgrammeReport.PilotAgainstWider pilotAgainstWider() {
    return reports.pilotAgainstWider();
  }

  @GetMapping(path = "/api/reports/phases/{phaseId}/returns.csv", produces = CSV)
  @Operation(
      summary = "The phase's returns as CSV for evaluators",
      description =
          "One row per service, measure, month and group (ALL, then each ethnic group), counts and"
              + " figures suppressed; optionally of one region. Columns in the README.")
  ResponseEntity<String> csv(
      @PathVariable UUID phaseId, @RequestParam(required = false) Region region) {
    reports.phase(phaseId).orElseThrow(() -> unknownPhase(phaseId));
    String body =
        ReportCsv.write(
            reports.catalogue(),
            reports.strata(new ReportScope(phaseId, region, null)),
            suppression);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(CSV))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"returns-" + phaseId + ".csv\"")
        .body(body);
  }

  @GetMapping("/api/reports/phases/{phaseId}/summary")
  @Operation(
      summary = "The phase's summary matrix",
      description =
          "Making Data Count's summary table: one row per measure with the latest month's figure"
              + " (null when withheld), the XmR mean and process limits, the target and the"
              + " variation and assurance icons.")
  List<SummaryRow> summary(@PathVariable UUID phaseId) {
    return SummaryRow.of(phase(phaseId));
  }

  @GetMapping(path = "/api/reports/phases/{phaseId}/summary.csv", produces = CSV)
  @Operation(
      summary = "The phase's summary matrix as CSV",
      description =
          "The same rows: figures to 3 decimals, a withheld latest figure as *, anything absent"
              + " empty.")
  ResponseEntity<String> summaryCsv(@PathVariable UUID phaseId) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(CSV))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"summary-" + phaseId + ".csv\"")
        .body(SummaryRow.csv(SummaryRow.of(phase(phaseId))));
  }

  @GetMapping("/api/reports/phases/{phaseId}/services/{serviceId}/summary")
  @Operation(
      summary = "One service's summary matrix in a phase",
      description = "As the phase's, for the service's charts (its decisions and targets applied).")
  List<SummaryRow> serviceSummary(@PathVariable UUID phaseId, @PathVariable UUID serviceId) {
    return SummaryRow.of(service(phaseId, serviceId));
  }

  @GetMapping(
      path = "/api/reports/phases/{phaseId}/services/{serviceId}/summary.csv",
      produces = CSV)
  @Operation(summary = "One service's summary matrix in a phase as CSV")
  ResponseEntity<String> serviceSummaryCsv(
      @PathVariable UUID phaseId, @PathVariable UUID serviceId) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(CSV))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"summary-" + phaseId + "-" + serviceId + ".csv\"")
        .body(SummaryRow.csv(SummaryRow.of(service(phaseId, serviceId))));
  }

  @GetMapping(path = "/reports/phases/{phaseId}", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "The phase's report as an HTML page with its charts",
      description =
          "Without a token once the central team has published it; before, for those who may read"
              + " the phase's reports (401 without a token, 403 for another role).")
  ResponseEntity<String> page(@PathVariable UUID phaseId) {
    ProgrammeReport report = reports.phase(phaseId).orElseThrow(() -> unknownPhase(phaseId));
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .body(
            page.render(
                report,
                publications.published(phaseId),
                reports.servicesOf(phaseId),
                reports.hours(phaseId)));
  }

  @GetMapping(
      path = "/reports/phases/{phaseId}/services/{serviceId}",
      produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "One service's report as an HTML page with its charts",
      description =
          "Its charts follow the service's recorded baseline and rebase decisions. Without a token"
              + " once the phase's report is published; before, for those who may read the"
              + " service's reports.")
  ResponseEntity<String> servicePage(@PathVariable UUID phaseId, @PathVariable UUID serviceId) {
    return ResponseEntity.ok()
        .contentType(MediaType.TEXT_HTML)
        .body(page.render(service(phaseId, serviceId), publications.published(phaseId)));
  }

  @GetMapping(path = "/reports", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "The index of reports: phases, then services, then measures",
      description =
          "Published phases for everyone; with a token that may read phase reports (ADMIN,"
              + " ANALYST, COACH), unpublished ones too, marked so.")
  ResponseEntity<String> index() {
    boolean readsUnpublished = callerHasAny(PHASE_READERS);
    return html(
        page.renderIndex(
            ReportIndex.of(
                reports.index(), reports.catalogue(), publications::published, readsUnpublished),
            callerHasAny(COMPARISON_READERS)));
  }

  private static boolean callerHasAny(Set<Role> roles) {
    return Callers.current().roles().stream().anyMatch(roles::contains);
  }

  @GetMapping(path = "/reports/pilot-vs-wider", produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "Pilot phases against wider implementation phases, as a page of charts",
      description =
          "Per measure, each phase's centre line (mean, or median on a run chart) as bars (pilot and wider in two"
              + " colours) with its legend, data table and downloads; for those who read"
              + " GET /api/reports/pilot-vs-wider.")
  ResponseEntity<String> pilotAgainstWiderPage() {
    return html(page.renderPilotAgainstWider(reports.pilotAgainstWider()));
  }

  @GetMapping("/reports/pilot-vs-wider/measures/{code}/chart.{format}")
  @Operation(
      summary = "A measure's pilot phases against its wider phases to download, as SVG or PNG",
      description = "`format` is svg or png; 404 for a measure the catalogue does not hold.")
  ResponseEntity<byte[]> pilotAgainstWiderChart(
      @PathVariable String code, @PathVariable ChartFormat format) {
    ProgrammeReport.MeasureComparison measure =
        reports.pilotAgainstWider().measures().stream()
            .filter(m -> m.code().equals(code))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("measure", code));
    return picture(page.comparison(measure).svg(), code, format, "pilot-vs-wider");
  }

  @GetMapping(
      path = "/reports/phases/{phaseId}/measures/{code}",
      produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "The chart page of one measure of a phase",
      description =
          "Its icons, chart, legend, downloads and data table; readable as the phase's page.")
  ResponseEntity<String> measurePage(@PathVariable UUID phaseId, @PathVariable String code) {
    ProgrammeReport report = phase(phaseId);
    return html(
        page.renderMeasure(
            report,
            measure(report, code),
            publications.published(phaseId),
            reports.servicesOf(phaseId).get(code)));
  }

  @GetMapping(
      path = "/reports/phases/{phaseId}/services/{serviceId}/measures/{code}",
      produces = MediaType.TEXT_HTML_VALUE)
  @Operation(
      summary = "The chart page of one service and measure",
      description = "As the phase's, for the service's chart (its decisions and targets applied).")
  ResponseEntity<String> serviceMeasurePage(
      @PathVariable UUID phaseId, @PathVariable UUID serviceId, @PathVariable String code) {
    ProgrammeReport report = service(phaseId, serviceId);
    return html(page.renderMeasure(report, measure(report, code), publications.published(phaseId)));
  }

  @GetMapping("/reports/phases/{phaseId}/measures/{code}/chart.{format}")
  @Operation(
      summary = "A phase's chart of a measure to download, as SVG or PNG",
      description = "`format` is svg or png; 404 when the measure has no months to draw yet.")
  ResponseEntity<byte[]> chart(
      @PathVariable UUID phaseId, @PathVariable String code, @PathVariable ChartFormat format) {
    return download(phase(phaseId), code, format, "chart-" + phaseId);
  }

  @GetMapping("/reports/phases/{phaseId}/services/{serviceId}/measures/{code}/chart.{format}")
  @Operation(summary = "A service's chart of a measure to download, as SVG or PNG")
  ResponseEntity<byte[]> serviceChart(
      @PathVariable UUID phaseId,
      @PathVariable UUID serviceId,
      @PathVariable String code,
      @PathVariable ChartFormat format) {
    return download(service(phaseId, serviceId), code, format, "chart-" + serviceId);
  }

  @GetMapping("/reports/phases/{phaseId}/measures/{code}/equity.{format}")
  @Operation(
      summary = "A phase's forest plot of a measure's equity rate ratios, as SVG or PNG",
      description =
          "`format` is svg or png; 404 for a measure that does not compare ethnic groups. A"
              + " phase without a group to compare gets a figure saying so.")
  ResponseEntity<byte[]> equityChart(
      @PathVariable UUID phaseId, @PathVariable String code, @PathVariable ChartFormat format) {
    return picture(
        page.equityChart(measure(phase(phaseId), code)), code, format, "equity-" + phaseId);
  }

  @GetMapping("/reports/phases/{phaseId}/engagement/hours.{format}")
  @Operation(
      summary =
          "A phase's coaching hours, planned against delivered per service and level, as bars",
      description =
          "`format` is svg or png. Hours are published as they are (sessions are not people);"
              + " a phase without a coaching session yet has a figure saying so.")
  ResponseEntity<byte[]> engagementChart(
      @PathVariable UUID phaseId, @PathVariable ChartFormat format) {
    phase(phaseId);
    return picture(
        page.engagement(reports.hours(phaseId)).svg(), "hours", format, "coaching-" + phaseId);
  }

  @GetMapping("/reports/phases/{phaseId}/measures/{code}/services.{format}")
  @Operation(
      summary = "A phase's small multiples of a measure, one small chart per service, SVG or PNG",
      description =
          "`format` is svg or png. Every service of the phase on one scale; a service without a"
              + " month to draw has an empty panel; 404 when no service has returned the measure.")
  ResponseEntity<byte[]> smallMultiples(
      @PathVariable UUID phaseId, @PathVariable String code, @PathVariable ChartFormat format) {
    MeasureReport m = measure(phase(phaseId), code);
    SmallMultiplesSection multiples = page.smallMultiples(m, reports.servicesOf(phaseId).get(code));
    return picture(multiples == null ? null : multiples.svg(), code, format, "services-" + phaseId);
  }

  @GetMapping("/reports/phases/{phaseId}/services/{serviceId}/measures/{code}/equity.{format}")
  @Operation(
      summary = "A service's forest plot of a measure's equity rate ratios, as SVG or PNG",
      description =
          "As the phase's: a service without a group to compare gets a figure saying so in"
              + " words, not a 404.")
  ResponseEntity<byte[]> serviceEquityChart(
      @PathVariable UUID phaseId,
      @PathVariable UUID serviceId,
      @PathVariable String code,
      @PathVariable ChartFormat format) {
    return picture(
        page.equityChart(measure(service(phaseId, serviceId), code)),
        code,
        format,
        "equity-" + serviceId);
  }

  /** The picture formats charts download in. */
  enum ChartFormat {
    svg,
    png
  }

  private ResponseEntity<byte[]> download(
      ProgrammeReport report, String code, ChartFormat format, String name) {
    return picture(page.chart(measure(report, code)), code, format, name);
  }

  /** A chart's SVG as a file to download, drawn as PNG when asked; 404 when there is none. */
  private static ResponseEntity<byte[]> picture(
      String svg, String code, ChartFormat format, String name) {
    if (svg == null) {
      throw new NotFoundException("chart of measure", code);
    }
    boolean png = format == ChartFormat.png;
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(png ? "image/png" : "image/svg+xml"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"" + name + "-" + code + "." + format + "\"")
        .body(png ? ChartPng.of(svg) : svg.getBytes(StandardCharsets.UTF_8));
  }

  private static MeasureReport measure(ProgrammeReport report, String code) {
    return report.measures().stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("measure", code));
  }

  private static ResponseEntity<String> html(String body) {
    return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(body);
  }

  private static ResponseStatusException unknownPhase(UUID phaseId) {
    return new ResponseStatusException(
        HttpStatus.NOT_FOUND, "no enrolment of phase " + phaseId + " is known to evaluation");
  }
}
