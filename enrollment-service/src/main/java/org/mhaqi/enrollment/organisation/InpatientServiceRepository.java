package org.mhaqi.enrollment.organisation;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface InpatientServiceRepository extends JpaRepository<InpatientService, UUID> {

  Page<InpatientService> findByOrganisationId(UUID organisationId, Pageable pageable);
}
