package org.mhaqi.enrollment.enrollment;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface EnrollmentRepository
    extends JpaRepository<Enrollment, UUID>, JpaSpecificationExecutor<Enrollment> {

  /** Reads the enrolment and locks its row until the transaction ends. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select e from Enrollment e where e.id = :id")
  Optional<Enrollment> lockById(UUID id);

  Optional<Enrollment> findByServiceIdAndPhaseId(UUID serviceId, UUID phaseId);

  /** The phase's waitlist in the order services applied, each row locked for promotion. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query(
      "select e from Enrollment e where e.phaseId = :phaseId"
          + " and e.status = org.mhaqi.enrollment.enrollment.EnrollmentStatus.WAITLISTED"
          + " order by e.appliedAt, e.id")
  List<Enrollment> lockWaitlist(UUID phaseId);

  long countByPhaseIdAndStatusIn(UUID phaseId, Collection<EnrollmentStatus> statuses);

  /** The organisation of an enrolment, read without loading the enrolment. */
  @Query("select e.organisationId from Enrollment e where e.id = :id")
  Optional<UUID> findOrganisationIdById(UUID id);

  /** The phase of an enrolment, read without loading the enrolment. */
  @Query("select e.phaseId from Enrollment e where e.id = :id")
  Optional<UUID> findPhaseIdById(UUID id);

  /** Waitlisted enrolments that applied before the given time: the position of a newcomer. */
  long countByPhaseIdAndStatusAndAppliedAtBefore(
      UUID phaseId, EnrollmentStatus status, Instant appliedAt);

  Page<Enrollment> findByPhaseIdAndStatus(UUID phaseId, EnrollmentStatus status, Pageable pageable);

  List<Enrollment> findByPhaseIdAndStatusInOrderByAppliedAt(
      UUID phaseId, Collection<EnrollmentStatus> statuses);

  @Query(
      "select e.status as status, count(e) as count from Enrollment e"
          + " where e.phaseId = :phaseId group by e.status")
  List<StatusCount> countByStatus(UUID phaseId);

  /** One row of {@link #countByStatus}. */
  interface StatusCount {
    EnrollmentStatus getStatus();

    long getCount();
  }
}
