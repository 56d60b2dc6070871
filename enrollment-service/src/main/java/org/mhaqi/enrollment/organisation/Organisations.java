package org.mhaqi.enrollment.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registers organisations and their services. */
@Service
@Transactional
public class Organisations {

  private final OrganisationRepository organisations;
  private final InpatientServiceRepository services;

  Organisations(OrganisationRepository organisations, InpatientServiceRepository services) {
    this.organisations = organisations;
    this.services = services;
  }

  public Organisation register(String odsCode, String name, ProviderType type, Region region) {
    organisations
        .findByOdsCode(odsCode)
        .ifPresent(
            existing -> {
              throw RuleViolationException.conflict(
                  "organisation-exists",
                  "odsCode",
                  "An organisation with ODS code " + odsCode + " exists: " + existing.getId());
            });
    return organisations.save(
        new Organisation(UUID.randomUUID(), odsCode, name.strip(), type, region));
  }

  public InpatientService addService(UUID organisationId, String name, ServiceType type) {
    organisation(organisationId);
    return services.save(
        new InpatientService(UUID.randomUUID(), organisationId, name.strip(), type));
  }

  @Transactional(readOnly = true)
  public Organisation organisation(UUID id) {
    return organisations.findById(id).orElseThrow(() -> new NotFoundException("organisation", id));
  }

  @Transactional(readOnly = true)
  public Optional<Organisation> byOdsCode(String odsCode) {
    return organisations.findByOdsCode(odsCode);
  }

  @Transactional(readOnly = true)
  public List<Organisation> list(Region region) {
    return region == null
        ? organisations.findAllByOrderByName()
        : organisations.findByRegionOrderByName(region);
  }

  @Transactional(readOnly = true)
  public List<InpatientService> servicesOf(UUID organisationId) {
    organisation(organisationId);
    return services.findByOrganisationIdOrderByName(organisationId);
  }

  @Transactional(readOnly = true)
  public InpatientService service(UUID id) {
    return services.findById(id).orElseThrow(() -> new NotFoundException("service", id));
  }

  /**
   * The profile of a service for enrolment decisions.
   *
   * @param field the request field that named the service, for the error when it is unknown
   */
  @Transactional(readOnly = true)
  public ServiceProfile profile(UUID serviceId, String field) {
    InpatientService service =
        services
            .findById(serviceId)
            .orElseThrow(() -> new NotFoundException("service", serviceId, field));
    Organisation organisation = organisation(service.getOrganisationId());
    return new ServiceProfile(
        service.getId(),
        organisation.getId(),
        organisation.getOdsCode(),
        organisation.getProviderType(),
        organisation.getRegion(),
        service.getServiceType());
  }
}
