package org.mhaqi.enrollment.programme;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mhaqi.events.enrollment.PhaseKind;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface PhaseRepository extends JpaRepository<Phase, UUID> {

  List<Phase> findByProgrammeIdOrderByStartsOn(UUID programmeId);

  Page<Phase> findByProgrammeId(UUID programmeId, Pageable pageable);

  List<Phase> findByProgrammeIdIn(Collection<UUID> programmeIds, Sort sort);

  Optional<Phase> findByProgrammeIdAndKind(UUID programmeId, PhaseKind kind);

  /**
   * Reads the phase and locks its row until the transaction ends: every decision that depends on
   * how many places are taken (admission, promotion) runs under this lock, one at a time per phase.
   */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select p from Phase p where p.id = :id")
  Optional<Phase> lockById(UUID id);
}
