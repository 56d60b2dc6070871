package org.mhaqi.coaching.enrollment;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository extends JpaRepository<Enrollment, UUID> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from Enrollment e where e.id = :id")
  Optional<Enrollment> lockById(UUID id);

  List<Enrollment> findByServiceId(UUID serviceId);
}
