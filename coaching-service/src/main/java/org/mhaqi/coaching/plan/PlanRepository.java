package org.mhaqi.coaching.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface PlanRepository extends JpaRepository<CoachingPlan, UUID> {

  Optional<CoachingPlan> findByEnrollmentId(UUID enrollmentId);

  boolean existsByEnrollmentId(UUID enrollmentId);

  List<CoachingPlan> findByServiceIdOrderByWindowStartsOn(UUID serviceId);

  Page<CoachingPlan> findByPhaseId(UUID phaseId, Pageable pageable);

  /** Plans of one organisation's enrolments (by ODS code, case-insensitive). */
  @Query(
      """
      select p from CoachingPlan p
      where p.enrollmentId in (
        select e.id from Enrollment e where upper(e.odsCode) = upper(:odsCode))
      """)
  Page<CoachingPlan> findOfOrganisation(String odsCode, Pageable pageable);

  /** Plans of one phase of one organisation's enrolments. */
  @Query(
      """
      select p from CoachingPlan p
      where p.phaseId = :phaseId and p.enrollmentId in (
        select e.id from Enrollment e where upper(e.odsCode) = upper(:odsCode))
      """)
  Page<CoachingPlan> findByPhaseIdOfOrganisation(UUID phaseId, String odsCode, Pageable pageable);
}
