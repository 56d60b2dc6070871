package org.mhaqi.console.returnsowed;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.layout.Crumb;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each enrolled service's returns: due, overdue and sent late, as evaluation-service counts them
 * (most overdue first), each service named by enrollment-service.
 */
@Controller
class ReturnsOwedController {

  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);

  private final ServiceCalls calls;

  ReturnsOwedController(ServiceCalls calls) {
    this.calls = calls;
  }

  /** One enrolment's returns as evaluation-service answers them. */
  record Owed(
      UUID enrollmentId,
      UUID serviceId,
      UUID phaseId,
      String odsCode,
      int due,
      int overdue,
      int late,
      YearMonth oldestOverdue) {}

  record ServiceName(String name) {}

  /** A row of the page. */
  record Row(
      UUID enrollmentId,
      UUID serviceId,
      String service,
      String odsCode,
      int due,
      int overdue,
      int late,
      String oldestOverdue) {}

  @GetMapping("/returns-owed")
  String owed(Model model) {
    Map<UUID, String> names = new HashMap<>();
    Part<List<Row>> rows =
        calls.part(
            "the list of returns owed",
            Service.EVALUATION,
            api ->
                api
                    .get()
                    .uri("/api/data-returns/owed")
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<Owed>>() {})
                    .stream()
                    .map(o -> row(o, names))
                    .toList());
    model.addAttribute("rows", rows);
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "returnsowed/owed";
  }

  private Row row(Owed o, Map<UUID, String> names) {
    return new Row(
        o.enrollmentId(),
        o.serviceId(),
        names.computeIfAbsent(o.serviceId(), this::serviceName),
        o.odsCode(),
        o.due(),
        o.overdue(),
        o.late(),
        o.oldestOverdue() == null ? "" : MONTH.format(o.oldestOverdue()));
  }

  private String serviceName(UUID serviceId) {
    Part<ServiceName> name =
        calls.part(
            "the service's name",
            Service.ENROLLMENT,
            api ->
                api.get().uri("/api/services/{id}", serviceId).retrieve().body(ServiceName.class));
    return name.available() ? name.value().name() : "A service (name unavailable)";
  }
}
