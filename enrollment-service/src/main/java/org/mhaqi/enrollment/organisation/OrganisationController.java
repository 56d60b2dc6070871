package org.mhaqi.enrollment.organisation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
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
      description =
          "NHS trusts have 3-character ODS codes (e.g. RX4); the type is never guessed."
              + " Announced as OrganisationRegistered on organisation.events. Programme"
              + " administrators only.")
  OrganisationView register(@Valid @RequestBody NewOrganisation request) {
    return OrganisationView.of(
        organisations.register(
            request.odsCode(), request.name(), request.providerType(), request.region()));
  }

  @GetMapping("/organisations")
  @Operation(
      summary = "List organisations, optionally of one region or by ODS code",
      description =
          "By name, a page at a time: page from 0, size 1 to 200 (default 50). A trust member's"
              + " list holds their own organisation only.")
  PagedModel<OrganisationView> list(
      @RequestParam(required = false) Region region,
      @RequestParam(required = false) String odsCode,
      @ParameterObject Pageable pageable) {
    return new PagedModel<>(
        organisations.list(region, odsCode, pageable).map(OrganisationView::of));
  }

  @GetMapping("/organisations/{organisationId}")
  OrganisationView one(@PathVariable UUID organisationId) {
    return OrganisationView.of(organisations.organisation(organisationId));
  }

  @PostMapping("/organisations/{organisationId}/services")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "Add an inpatient service or ward team",
      description =
          "Announced as ServiceRegistered on organisation.events. A trust member adds services"
              + " to their own organisation only (another's is not found, 404).")
  ServiceView addService(
      @PathVariable UUID organisationId, @Valid @RequestBody NewService request) {
    return ServiceView.of(
        organisations.addService(organisationId, request.name(), request.serviceType()));
  }

  @GetMapping("/organisations/{organisationId}/services")
  @Operation(
      summary = "The organisation's inpatient services and ward teams",
      description = "By name, a page at a time: page from 0, size 1 to 200 (default 50).")
  PagedModel<ServiceView> services(
      @PathVariable UUID organisationId, @ParameterObject Pageable pageable) {
    return new PagedModel<>(
        organisations.servicesOf(organisationId, pageable).map(ServiceView::of));
  }

  @GetMapping("/services/{serviceId}")
  ServiceView service(@PathVariable UUID serviceId) {
    return ServiceView.of(organisations.service(serviceId));
  }
}
