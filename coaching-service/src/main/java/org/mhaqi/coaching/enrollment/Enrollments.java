package org.mhaqi.coaching.enrollment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mhaqi.events.enrollment.ProjectTeamUpdated;
import org.mhaqi.events.enrollment.ServiceEnrolled;
import org.mhaqi.support.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps coaching's view of enrolments up to date from enrollment-service's events. Every change
 * locks the enrolment's row, so events of one enrolment applied concurrently (a redelivery racing
 * the original) are applied one after the other.
 */
@Service
@Transactional
public class Enrollments {

  private final EnrollmentRepository enrollments;

  Enrollments(EnrollmentRepository enrollments) {
    this.enrollments = enrollments;
  }

  public Enrollment enrolled(ServiceEnrolled event) {
    Enrollment enrollment = lockOrCreate(event.enrollmentId());
    enrollment.enrolled(event);
    return enrollments.save(enrollment);
  }

  /**
   * Records a withdrawal, even before the enrolment is known.
   *
   * @return the enrolment, and whether this was the first withdrawal recorded for it
   */
  public Withdrawal withdrawn(UUID enrollmentId, Instant at, String reason) {
    Enrollment enrollment = lockOrCreate(enrollmentId);
    boolean first = enrollment.withdrawn(at, reason);
    return new Withdrawal(enrollments.save(enrollment), first);
  }

  /** The enrolment after a withdrawal, and whether the withdrawal was new. */
  public record Withdrawal(Enrollment enrollment, boolean first) {}

  /**
   * Records the completion of the phase, even before the enrolment is known.
   *
   * @return the enrolment, and whether this was the first completion recorded for it
   */
  public Completion completed(UUID enrollmentId, Instant at) {
    Enrollment enrollment = lockOrCreate(enrollmentId);
    boolean first = enrollment.completed(at);
    return new Completion(enrollments.save(enrollment), first);
  }

  /** The enrolment after a completion, and whether the completion was new. */
  public record Completion(Enrollment enrollment, boolean first) {}

  public Enrollment teamUpdated(ProjectTeamUpdated event) {
    Enrollment enrollment = lockOrCreate(event.enrollmentId());
    enrollment.teamUpdated(event);
    return enrollments.save(enrollment);
  }

  /** An enrolled enrolment named in the path, or 404. */
  @Transactional(readOnly = true)
  public Enrollment enrollment(UUID id) {
    return enrollments
        .findById(id)
        .filter(Enrollment::isEnrolled)
        .orElseThrow(() -> new NotFoundException("enrollment", id));
  }

  @Transactional(readOnly = true)
  public List<Enrollment> ofService(UUID serviceId) {
    return enrollments.findByServiceId(serviceId).stream().filter(Enrollment::isEnrolled).toList();
  }

  private Enrollment lockOrCreate(UUID id) {
    return enrollments
        .lockById(id)
        .orElseGet(
            () -> {
              Enrollment created = new Enrollment(id);
              // Insert now so that a concurrent first event for the same id fails on the key and
              // is retried, instead of both creating the row.
              return enrollments.saveAndFlush(created);
            });
  }
}
