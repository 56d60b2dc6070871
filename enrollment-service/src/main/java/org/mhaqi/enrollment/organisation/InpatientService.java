package org.mhaqi.enrollment.organisation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.mhaqi.events.enrollment.ServiceType;

/** An inpatient service or ward team of an organisation: what enrols in a phase. */
@Entity
@Table(name = "service")
public class InpatientService {

  @Id private UUID id;
  private UUID organisationId;
  private String name;

  @Enumerated(EnumType.STRING)
  private ServiceType serviceType;

  protected InpatientService() {}

  public InpatientService(UUID id, UUID organisationId, String name, ServiceType serviceType) {
    this.id = id;
    this.organisationId = organisationId;
    this.name = name;
    this.serviceType = serviceType;
  }

  public UUID getId() {
    return id;
  }

  public UUID getOrganisationId() {
    return organisationId;
  }

  public String getName() {
    return name;
  }

  public ServiceType getServiceType() {
    return serviceType;
  }
}
