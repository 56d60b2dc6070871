package org.mhaqi.coaching.plan;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanRepository extends JpaRepository<CoachingPlan, UUID> {

  Optional<CoachingPlan> findByEnrollmentId(UUID enrollmentId);

  boolean existsByEnrollmentId(UUID enrollmentId);

  List<CoachingPlan> findByServiceIdOrderByWindowStartsOn(UUID serviceId);

  Page<CoachingPlan> findByPhaseId(UUID phaseId, Pageable pageable);
}
