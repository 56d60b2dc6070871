package org.mhaqi.enrollment.team;

import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamMemberRepository extends JpaRepository<TeamMember, UUID> {

  List<TeamMember> findByEnrollmentIdOrderByAddedAtAscIdAsc(UUID enrollmentId);

  Page<TeamMember> findByEnrollmentId(UUID enrollmentId, Pageable pageable);
}
