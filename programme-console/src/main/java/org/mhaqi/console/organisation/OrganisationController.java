package org.mhaqi.console.organisation;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mhaqi.console.ConsoleProperties;
import org.mhaqi.console.api.Part;
import org.mhaqi.console.api.ServiceCalls;
import org.mhaqi.console.api.ServiceCalls.Service;
import org.mhaqi.console.layout.Crumb;
import org.mhaqi.console.organisation.OrganisationPage.Enrollment;
import org.mhaqi.console.organisation.OrganisationPage.Organisation;
import org.mhaqi.console.organisation.OrganisationPage.Page;
import org.mhaqi.console.organisation.OrganisationPage.ServiceRow;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The trust member's organisation (enrollment-service shows a trust member only their own). */
@Controller
class OrganisationController {

  private final ServiceCalls calls;
  private final ConsoleProperties properties;

  OrganisationController(ServiceCalls calls, ConsoleProperties properties) {
    this.calls = calls;
    this.properties = properties;
  }

  record Phase(UUID id, String name) {}

  record Programme(UUID id, String name, List<Phase> phases) {}

  @GetMapping("/organisation")
  String organisation(Model model) {
    Part<Organisation> organisation =
        calls.part(
            "your organisation",
            Service.ENROLLMENT,
            api ->
                api
                    .get()
                    .uri("/api/organisations")
                    .retrieve()
                    .body(new ParameterizedTypeReference<Page<Organisation>>() {})
                    .content()
                    .stream()
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new org.springframework.web.client.RestClientException(
                                "no organisation visible")));
    Part<List<ServiceRow>> services =
        organisation.available()
            ? calls.part(
                "your organisation's services and enrolments",
                Service.ENROLLMENT,
                api ->
                    OrganisationPage.rows(
                        api.get()
                            .uri(
                                "/api/organisations/{id}/services?size=200",
                                organisation.value().id())
                            .retrieve()
                            .body(
                                new ParameterizedTypeReference<Page<OrganisationPage.Service>>() {})
                            .content(),
                        api.get()
                            .uri(
                                "/api/enrollments?organisationId={id}&size=200",
                                organisation.value().id())
                            .retrieve()
                            .body(new ParameterizedTypeReference<Page<Enrollment>>() {})
                            .content(),
                        phaseNames(),
                        properties.services().evaluationPublic()))
            : Part.missing(organisation.unavailable());
    model.addAttribute("page", new OrganisationPage(organisation, services));
    model.addAttribute("crumbs", List.of(Crumb.HOME));
    return "organisation/organisation";
  }

  /** Phase names where the user may read programmes; otherwise phases go unnamed. */
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
        .flatMap(
            p -> p.phases().stream().map(ph -> Map.entry(ph.id(), p.name() + ": " + ph.name())))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
  }
}
