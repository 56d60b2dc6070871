package org.mhaqi.enrollment.organisation;

import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.Region;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

  Optional<Organisation> findByOdsCode(String odsCode);

  Page<Organisation> findByOdsCode(String odsCode, Pageable pageable);

  Page<Organisation> findByRegion(Region region, Pageable pageable);
}
