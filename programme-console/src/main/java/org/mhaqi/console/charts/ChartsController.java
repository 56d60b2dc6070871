package org.mhaqi.console.charts;

import java.util.List;
import java.util.UUID;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.layout.Crumb;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A service's charts and verdicts. The charts are evaluation-service's own SVGs, fetched with the
 * user's token (evaluation decides who may see them) and served from the console's origin, which is
 * the only place the page's Content-Security-Policy lets images come from.
 */
@Controller
class ChartsController {

  private final ServiceCalls calls;

  ChartsController(ServiceCalls calls) {
    this.calls = calls;
  }

  record ServiceName(UUID id, String name) {}

  @GetMapping("/services/{serviceId}/phases/{phaseId}/charts")
  String charts(@PathVariable UUID serviceId, @PathVariable UUID phaseId, Model model) {
    model.addAttribute(
        "service",
        calls.part(
            "the service's name",
            Service.ENROLLMENT,
            api ->
                api.get().uri("/api/services/{id}", serviceId).retrieve().body(ServiceName.class)));
    Part<List<Verdicts.Row>> rows =
        calls.part(
            "the service's charts and verdicts",
            Service.EVALUATION,
            api ->
                Verdicts.rows(
                    api.get()
                        .uri(
                            "/api/reports/phases/{phase}/services/{service}/summary",
                            phaseId,
                            serviceId)
                        .retrieve()
                        .body(new ParameterizedTypeReference<List<Verdicts.SummaryRow>>() {})));
    model.addAttribute("rows", rows);
    model.addAttribute("serviceId", serviceId);
    model.addAttribute("phaseId", phaseId);
    model.addAttribute("crumbs", Crumb.trail(new Crumb("Your organisation", "/organisation")));
    return "charts/charts";
  }

  @GetMapping("/services/{serviceId}/phases/{phaseId}/measures/{code}/chart.svg")
  ResponseEntity<byte[]> chart(
      @PathVariable UUID serviceId, @PathVariable UUID phaseId, @PathVariable String code) {
    Part<byte[]> svg =
        calls.part(
            "the chart",
            Service.EVALUATION,
            api ->
                api.get()
                    .uri(
                        "/reports/phases/{phase}/services/{service}/measures/{code}/chart.svg",
                        phaseId,
                        serviceId,
                        code)
                    .retrieve()
                    .body(byte[].class));
    if (!svg.available() || svg.value() == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.valueOf("image/svg+xml"))
        .cacheControl(CacheControl.noStore())
        .body(svg.value());
  }
}
