package org.mhaqi.enrollment.organisation;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InpatientServiceRepository extends JpaRepository<InpatientService, UUID> {

  List<InpatientService> findByOrganisationIdOrderByName(UUID organisationId);
}
