package org.mhaqi.coaching.enrollment;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ErasedTeamMemberRepository extends JpaRepository<ErasedTeamMember, UUID> {

  List<ErasedTeamMember> findByMemberIdIn(Collection<UUID> memberIds);
}
