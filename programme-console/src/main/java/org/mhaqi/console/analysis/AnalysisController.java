package org.mhaqi.console.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mhaqi.console.analysis.Reports.Comparison;
import org.mhaqi.console.analysis.Reports.PilotAgainstWider;
import org.mhaqi.console.analysis.Reports.Report;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.layout.Crumb;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The analyst's reports. Figures come from evaluation-service's report API; the charts and CSV
 * files are evaluation's own, relayed with the user's token (the console draws nothing itself).
 */
@Controller
class AnalysisController {

  static final Crumb REPORTS = new Crumb("Reports", "/analysis");
  private static final Pattern MEASURE_CODE = Pattern.compile("[A-Z0-9_]{1,40}");

  private final ServiceCalls calls;

  AnalysisController(ServiceCalls calls) {
    this.calls = calls;
  }

  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  record Phase(UUID id, String kind, String name) {}

  record Programme(UUID id, String name, List<Phase> phases) {}

  /** A phase as a link of the index. */
  record PhaseLink(UUID id, String name, String kind) {}

  @GetMapping("/analysis")
  String index(Model model) {
    model.addAttribute(
        "phases",
        calls.part(
            "the programme's phases",
            Service.ENROLLMENT,
            api ->
                api
                    .get()
                    .uri("/api/programmes?size=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Programme>>() {})
                    .content()
                    .stream()
                    .flatMap(
                        p ->
                            p.phases() == null
                                ? java.util.stream.Stream.empty()
                                : p.phases().stream())
                    .map(
                        ph ->
                            new PhaseLink(
                                ph.id(),
                                ph.name(),
                                "PILOT".equals(ph.kind()) ? "Pilot" : "Wider implementation"))
                    .toList()));
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "analysis/index";
  }

  @GetMapping("/analysis/phases/{phaseId}")
  String phase(@PathVariable UUID phaseId, Model model) {
    Part<Report> report =
        calls.part(
            "the phase's report",
            Service.EVALUATION,
            api ->
                api.get().uri("/api/reports/phases/{id}", phaseId).retrieve().body(Report.class));
    model.addAttribute("phaseId", phaseId);
    model.addAttribute("phaseName", phaseName(phaseId));
    model.addAttribute("report", report);
    model.addAttribute(
        "measures",
        report.available()
            ? report.value().measures().stream().map(Reports::view).toList()
            : List.of());
    model.addAttribute("crumbs", Crumb.trail(REPORTS));
    return "analysis/phase";
  }

  /** A row of the comparison: a measure, each pilot phase's figures, each wider phase's. */
  record ComparisonRow(String name, List<String> pilot, List<String> wider) {}

  @GetMapping("/analysis/pilot-against-wider")
  String pilotAgainstWider(Model model) {
    Map<UUID, String> names = new LinkedHashMap<>();
    Part<List<ComparisonRow>> rows =
        calls.part(
            "the pilot against wider comparison",
            Service.EVALUATION,
            api ->
                api
                    .get()
                    .uri("/api/reports/pilot-vs-wider")
                    .retrieve()
                    .body(PilotAgainstWider.class)
                    .measures()
                    .stream()
                    .map(c -> row(c, names))
                    .toList());
    model.addAttribute("rows", rows);
    model.addAttribute("crumbs", Crumb.trail(REPORTS));
    return "analysis/pilot-against-wider";
  }

  @GetMapping("/analysis/phases/{phaseId}/summary.csv")
  ResponseEntity<byte[]> summaryCsv(@PathVariable UUID phaseId) {
    return download(
        "the phase's summary file",
        "/api/reports/phases/{id}/summary.csv",
        phaseId,
        "phase-" + phaseId + "-summary.csv");
  }

  @GetMapping("/analysis/phases/{phaseId}/returns.csv")
  ResponseEntity<byte[]> returnsCsv(@PathVariable UUID phaseId) {
    return download(
        "the phase's returns file",
        "/api/reports/phases/{id}/returns.csv",
        phaseId,
        "phase-" + phaseId + "-returns.csv");
  }

  /** evaluation's chart of a measure in a phase, as it draws it. */
  @GetMapping("/analysis/phases/{phaseId}/measures/{code}/chart.svg")
  ResponseEntity<byte[]> chart(@PathVariable UUID phaseId, @PathVariable String code) {
    if (!MEASURE_CODE.matcher(code).matches()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    Part<byte[]> svg =
        calls.part(
            "the chart",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri("/reports/phases/{id}/measures/{code}/chart.svg", phaseId, code)
                    .accept(MediaType.valueOf("image/svg+xml"))
                    .retrieve()
                    .body(byte[].class));
    if (!svg.available()) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, svg.unavailable());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.noStore())
        .body(svg.value());
  }

  private ResponseEntity<byte[]> download(String what, String uri, UUID phaseId, String file) {
    Part<byte[]> csv =
        calls.part(
            what,
            Service.EVALUATION,
            api ->
                api.get()
                    .uri(uri, phaseId)
                    .accept(MediaType.valueOf("text/csv"))
                    .retrieve()
                    .body(byte[].class));
    if (!csv.available()) {
      throw new DownloadUnavailable(csv.unavailable());
    }
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("text/csv;charset=UTF-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(file).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(csv.value());
  }

  /** A download the service could not give: a page that says so, not a broken file. */
  static final class DownloadUnavailable extends RuntimeException {
    DownloadUnavailable(String message) {
      super(message);
    }
  }

  @org.springframework.web.bind.annotation.ExceptionHandler(DownloadUnavailable.class)
  @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
  String downloadUnavailable(DownloadUnavailable e, Model model) {
    model.addAttribute("part", Part.missing(e.getMessage()));
    model.addAttribute("crumbs", Crumb.trail(REPORTS));
    return "analysis/unavailable";
  }

  private ComparisonRow row(Comparison c, Map<UUID, String> names) {
    List<String> pilot = new ArrayList<>();
    c.pilot()
        .forEach(
            f ->
                pilot.add(
                    names.computeIfAbsent(f.phaseId(), this::phaseName)
                        + ": "
                        + Reports.figures(f)));
    List<String> wider = new ArrayList<>();
    c.wider()
        .forEach(
            f ->
                wider.add(
                    names.computeIfAbsent(f.phaseId(), this::phaseName)
                        + ": "
                        + Reports.figures(f)));
    return new ComparisonRow(c.name(), pilot, wider);
  }

  private String phaseName(UUID phaseId) {
    Part<Phase> phase =
        calls.part(
            "the phase",
            Service.ENROLLMENT,
            api -> api.get().uri("/api/phases/{id}", phaseId).retrieve().body(Phase.class));
    return phase.available() && phase.value().name() != null ? phase.value().name() : "A phase";
  }
}
