package org.mhaqi.coaching.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<CoachingPlan, UUID> {

  Optional<CoachingPlan> findByEnrollmentId(UUID enrollmentId);

  boolean existsByEnrollmentId(UUID enrollmentId);

  List<CoachingPlan> findByServiceIdOrderByWindowStartsOn(UUID serviceId);

  List<CoachingPlan> findAllByOrderByCreatedAtAscIdAsc();

  List<CoachingPlan> findByPhaseIdOrderByCreatedAtAscIdAsc(UUID phaseId);
}
