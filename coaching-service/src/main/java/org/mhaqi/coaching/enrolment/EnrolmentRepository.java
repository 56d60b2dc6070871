package org.mhaqi.coaching.enrolment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EnrolmentRepository extends JpaRepository<Enrolment, UUID> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from Enrolment e where e.id = :id")
  Optional<Enrolment> lockById(UUID id);

  List<Enrolment> findByServiceId(UUID serviceId);
}
