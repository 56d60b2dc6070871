package org.mhaqi.enrollment.team;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TeamMemberRepository extends JpaRepository<TeamMember, UUID> {

  List<TeamMember> findByEnrollmentIdOrderByAddedAtAscIdAsc(UUID enrollmentId);
}
