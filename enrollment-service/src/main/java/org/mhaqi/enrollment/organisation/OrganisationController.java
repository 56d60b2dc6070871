package org.mhaqi.enrollment.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Organisations and services")
class OrganisationController {

  private final Organisations organisations;

  OrganisationController(Organisations organisations) {
    this.organisations = organisations;
  }

  record NewOrganisation(
      @NotBlank @Size(max = 5) String odsCode,
      @NotBlank @Size(max = 200) String name,
      @NotNull ProviderType providerType,
      @NotNull Region region) {}

  record OrganisationView(
      UUID id, String odsCode, String name, ProviderType providerType, Region region) {
    static OrganisationView of(Organisation o) {
      return new OrganisationView(
          o.getId(), o.getOdsCode(), o.getName(), o.getProviderType(), o.getRegion());
    }
  }

  record NewService(@NotBlank @Size(max = 200) String name, @NotNull ServiceType serviceType) {}

  record ServiceView(UUID id, UUID organisationId, String name, ServiceType serviceType) {
    static ServiceView of(InpatientService s) {
      return new ServiceView(s.getId(), s.getOrganisationId(), s.getName(), s.getServiceType());
    }
  }

  @PostMapping("/organisations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Register a provider organisation",
      description = "NHS trusts have 3-character ODS codes (e.g. RX4); the type is never guessed.")
  OrganisationView register(@Valid @RequestBody NewOrganisation request) {
    return OrganisationView.of(
        organisations.register(
            request.odsCode(), request.name(), request.providerType(), request.region()));
  }

  @GetMapping("/organisations")
  @Operation(summary = "List organisations, optionally of one region or by ODS code")
  List<OrganisationView> list(
      @RequestParam(required = false) Region region,
      @RequestParam(required = false) String odsCode) {
    if (odsCode != null) {
      return organisations.byOdsCode(odsCode).map(OrganisationView::of).stream().toList();
    }
    return organisations.list(region).stream().map(OrganisationView::of).toList();
  }

  @GetMapping("/organisations/{organisationId}")
  OrganisationView one(@PathVariable UUID organisationId) {
    return OrganisationView.of(organisations.organisation(organisationId));
  }

  @PostMapping("/organisations/{organisationId}/services")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add an inpatient service or ward team")
  ServiceView addService(
      @PathVariable UUID organisationId, @Valid @RequestBody NewService request) {
    return ServiceView.of(
        organisations.addService(organisationId, request.name(), request.serviceType()));
  }

  @GetMapping("/organisations/{organisationId}/services")
  List<ServiceView> services(@PathVariable UUID organisationId) {
    return organisations.servicesOf(organisationId).stream().map(ServiceView::of).toList();
  }

  @GetMapping("/services/{serviceId}")
  ServiceView service(@PathVariable UUID serviceId) {
    return ServiceView.of(organisations.service(serviceId));
  }
}
