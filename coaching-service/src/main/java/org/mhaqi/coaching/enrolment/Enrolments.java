package org.mhaqi.coaching.enrolment;

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
public class Enrolments {

  private final EnrolmentRepository enrolments;

  Enrolments(EnrolmentRepository enrolments) {
    this.enrolments = enrolments;
  }

  public Enrolment enrolled(ServiceEnrolled event) {
    Enrolment enrolment = lockOrCreate(event.enrollmentId());
    enrolment.enrolled(event);
    return enrolments.save(enrolment);
  }

  /**
   * Records a withdrawal, even before the enrolment is known.
   *
   * @return the enrolment, and whether this was the first withdrawal recorded for it
   */
  public Withdrawal withdrawn(UUID enrolmentId, Instant at, String reason) {
    Enrolment enrolment = lockOrCreate(enrolmentId);
    boolean first = enrolment.withdrawn(at, reason);
    return new Withdrawal(enrolments.save(enrolment), first);
  }

  /** The enrolment after a withdrawal, and whether the withdrawal was new. */
  public record Withdrawal(Enrolment enrolment, boolean first) {}

  public Enrolment teamUpdated(ProjectTeamUpdated event) {
    Enrolment enrolment = lockOrCreate(event.enrollmentId());
    enrolment.teamUpdated(event);
    return enrolments.save(enrolment);
  }

  /** An enrolled enrolment named in the path, or 404. */
  @Transactional(readOnly = true)
  public Enrolment enrolment(UUID id) {
    return enrolments
        .findById(id)
        .filter(Enrolment::isEnrolled)
        .orElseThrow(() -> new NotFoundException("enrolment", id));
  }

  @Transactional(readOnly = true)
  public List<Enrolment> ofService(UUID serviceId) {
    return enrolments.findByServiceId(serviceId).stream().filter(Enrolment::isEnrolled).toList();
  }

  private Enrolment lockOrCreate(UUID id) {
    return enrolments
        .lockById(id)
        .orElseGet(
            () -> {
              Enrolment created = new Enrolment(id);
              // Insert now so that a concurrent first event for the same id fails on the key and
              // is retried, instead of both creating the row.
              return enrolments.saveAndFlush(created);
            });
  }
}
