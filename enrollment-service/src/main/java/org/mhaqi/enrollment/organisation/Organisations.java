package org.mhaqi.enrollment.organisation;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.OrganisationRegistered;
import org.mhaqi.events.enrollment.ProviderType;
import org.mhaqi.events.enrollment.Region;
import org.mhaqi.events.enrollment.ServiceRegistered;
import org.mhaqi.events.enrollment.ServiceType;
import org.mhaqi.support.web.NotFoundException;
import org.mhaqi.support.web.Paging;
import org.mhaqi.support.web.RuleViolationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers organisations and their services, announcing each on {@code organisation.events} in the
 * same transaction.
 */
@Service
@Transactional
public class Organisations {

  private static final Sort BY_NAME = Sort.by("name", "id");

  private final OrganisationRepository organisations;
  private final InpatientServiceRepository services;
  private final OrganisationScope scope;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Organisations(
      OrganisationRepository organisations,
      InpatientServiceRepository services,
      OrganisationScope scope,
      ApplicationEventPublisher events,
      Clock clock) {
    this.organisations = organisations;
    this.services = services;
    this.scope = scope;
    this.events = events;
    this.clock = clock;
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
    Organisation organisation =
        organisations.save(
            new Organisation(UUID.randomUUID(), odsCode, name.strip(), type, region));
    events.publishEvent(
        new OrganisationRegistered(
            organisation.getId(),
            organisation.getOdsCode(),
            organisation.getName(),
            organisation.getProviderType(),
            organisation.getRegion(),
            clock.instant()));
    return organisation;
  }

  public InpatientService addService(UUID organisationId, String name, ServiceType type) {
    organisation(organisationId);
    InpatientService service =
        services.save(new InpatientService(UUID.randomUUID(), organisationId, name.strip(), type));
    events.publishEvent(
        new ServiceRegistered(
            service.getId(),
            organisationId,
            service.getServiceType(),
            service.getName(),
            clock.instant()));
    return service;
  }

  /** The organisation, if the caller may see it (a trust member only their own). */
  @Transactional(readOnly = true)
  public Organisation organisation(UUID id) {
    return organisations
        .findById(id)
        .filter(o -> scope.includes(o.getId()))
        .orElseThrow(() -> new NotFoundException("organisation", id));
  }

  /**
   * Organisations by name (then id), all or of one region or ODS code; a trust member's list holds
   * their own organisation only.
   */
  @Transactional(readOnly = true)
  public Page<Organisation> list(Region region, String odsCode, Pageable pageable) {
    Pageable page = Paging.inOrder(pageable, BY_NAME);
    Optional<UUID> own = scope.limitedTo();
    if (own.isPresent()) {
      return organisations.findOwn(own.get(), odsCode, region, page);
    }
    if (odsCode != null) {
      return organisations.findByOdsCode(odsCode, page);
    }
    return region == null ? organisations.findAll(page) : organisations.findByRegion(region, page);
  }

  /** An organisation's services by name (then id). */
  @Transactional(readOnly = true)
  public Page<InpatientService> servicesOf(UUID organisationId, Pageable pageable) {
    organisation(organisationId);
    return services.findByOrganisationId(organisationId, Paging.inOrder(pageable, BY_NAME));
  }

  /** The service, if the caller may see its organisation (a trust member only their own). */
  @Transactional(readOnly = true)
  public InpatientService service(UUID id) {
    return services
        .findById(id)
        .filter(s -> scope.includes(s.getOrganisationId()))
        .orElseThrow(() -> new NotFoundException("service", id));
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
            .filter(s -> scope.includes(s.getOrganisationId()))
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
