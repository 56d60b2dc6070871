package org.mhaqi.console.organisations;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.layout.Crumb;
import org.mhaqi.console.layout.Words;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Every organisation in the programme and, for one, its services with their enrolments (each
 * enrolment's page has its history and decisions). enrollment-service shows these to the central
 * team (ADMIN).
 */
@Controller
class OrganisationsController {

  static final Crumb ORGANISATIONS = new Crumb("Organisations and services", "/organisations");

  private final ServiceCalls calls;

  OrganisationsController(ServiceCalls calls) {
    this.calls = calls;
  }

  record Page<T>(List<T> content) {
    Page {
      content = content == null ? List.of() : List.copyOf(content);
    }
  }

  /** An organisation as enrollment-service answers it, with its constants in words. */
  record Organisation(UUID id, String odsCode, String name, String providerType, String region) {

    public String regionWords() {
      return Words.name(region);
    }

    public String providerWords() {
      return "NHS_TRUST".equals(providerType) ? "NHS trust" : Words.plain(providerType);
    }
  }

  record ServiceRecord(UUID id, String name, String serviceType) {}

  record Enrollment(UUID id, UUID serviceId, UUID phaseId, String status) {}

  record Phase(UUID id, String name) {}

  record Programme(UUID id, String name, List<Phase> phases) {}

  /** A service as a row: its type in words and its enrolments. */
  record ServiceRow(String name, String type, List<EnrollmentRow> enrollments) {}

  record EnrollmentRow(UUID id, String phase, String status, String tagColour) {}

  @GetMapping("/organisations")
  String organisations(Model model) {
    model.addAttribute(
        "organisations",
        calls.part(
            "the organisations",
            Service.ENROLLMENT,
            api ->
                api.get()
                    .uri("/api/organisations?size=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Organisation>>() {})
                    .content()));
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "organisations/organisations";
  }

  @GetMapping("/organisations/{organisationId}")
  String organisation(@PathVariable UUID organisationId, Model model) {
    Part<Organisation> organisation =
        calls.part(
            "the organisation",
            Service.ENROLLMENT,
            api ->
                api.get()
                    .uri("/api/organisations/{id}", organisationId)
                    .retrieve()
                    .body(Organisation.class));
    Map<UUID, String> phases = phaseNames();
    Part<List<ServiceRow>> services =
        calls.part(
            "the organisation's services and enrolments",
            Service.ENROLLMENT,
            api -> {
              List<ServiceRecord> records =
                  api.get()
                      .uri("/api/organisations/{id}/services?size=200", organisationId)
                      .retrieve()
                      .body(new ParameterizedTypeReference<Page<ServiceRecord>>() {})
                      .content();
              List<Enrollment> enrollments =
                  api.get()
                      .uri("/api/enrollments?organisationId={id}&size=200", organisationId)
                      .retrieve()
                      .body(new ParameterizedTypeReference<Page<Enrollment>>() {})
                      .content();
              return rows(records, enrollments, phases);
            });
    model.addAttribute("organisation", organisation);
    model.addAttribute("services", services);
    model.addAttribute("crumbs", Crumb.trail(ORGANISATIONS));
    return "organisations/organisation";
  }

  static List<ServiceRow> rows(
      List<ServiceRecord> services, List<Enrollment> enrollments, Map<UUID, String> phases) {
    return services.stream()
        .map(
            s ->
                new ServiceRow(
                    s.name(),
                    Words.plain(s.serviceType()),
                    enrollments.stream()
                        .filter(e -> s.id().equals(e.serviceId()))
                        .map(
                            e ->
                                new EnrollmentRow(
                                    e.id(),
                                    phases.getOrDefault(e.phaseId(), "A phase"),
                                    status(e.status()),
                                    tagColour(e.status())))
                        .toList()))
        .toList();
  }

  static String status(String status) {
    return switch (status) {
      case "INTERESTED" -> "Interest expressed";
      case "WAITLISTED" -> "On the waitlist";
      default -> Words.plain(status);
    };
  }

  static String tagColour(String status) {
    return switch (status) {
      case "ENROLLED" -> "nhsuk-tag--green";
      case "COMPLETED" -> "nhsuk-tag--purple";
      case "WAITLISTED", "INTERESTED" -> "nhsuk-tag--blue";
      default -> "nhsuk-tag--grey";
    };
  }

  private Map<UUID, String> phaseNames() {
    Part<List<Programme>> programmes =
        calls.part(
            "the programme's phases",
            Service.ENROLLMENT,
            api ->
                api.get()
                    .uri("/api/programmes?size=200")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Programme>>() {})
                    .content());
    if (!programmes.available()) {
      return Map.of();
    }
    return programmes.value().stream()
        .filter(p -> p.phases() != null)
        .flatMap(p -> p.phases().stream())
        .collect(Collectors.toMap(Phase::id, Phase::name, (a, b) -> a));
  }
}
