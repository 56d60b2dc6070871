package org.mhaqi.enrollment.organisation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.Region;
import org.springframework.data.jpa.repository.JpaRepository;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

  Optional<Organisation> findByOdsCode(String odsCode);

  List<Organisation> findByRegionOrderByName(Region region);

  List<Organisation> findAllByOrderByName();
}
