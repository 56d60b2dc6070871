package org.mhaqi.enrollment.organisation;

import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.Region;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OrganisationRepository extends JpaRepository<Organisation, UUID> {

  Optional<Organisation> findByOdsCode(String odsCode);

  Page<Organisation> findByOdsCode(String odsCode, Pageable pageable);

  Page<Organisation> findByRegion(Region region, Pageable pageable);

  /** The one organisation a trust member sees, if it matches the optional filters. */
  @Query(
      "select o from Organisation o where o.id = :id"
          + " and (:odsCode is null or o.odsCode = :odsCode)"
          + " and (:region is null or o.region = :region)")
  Page<Organisation> findOwn(UUID id, String odsCode, Region region, Pageable pageable);
}
